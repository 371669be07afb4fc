import type { FormValidateInput } from '@mantine/form';
import type { TFunction } from 'i18next';
import { isAfterToday, parseTypedDate } from '../lib/typed-date.js';
import { normalizeInseeCode, normalizeInsNumber, type PatientFormValues } from './patient-form-values.js';

/** INSEE commune code: 5 digits, or 2A/2B + 3 digits for Corsica; 99xxx codes name foreign countries. */
const inseeCodePattern = /^(\d{5}|2[AB]\d{3})$/;
/** NIR or NIA: 13 characters (2A/2B allowed in the département) + a 2-digit key. */
const insNumberPattern = /^[0-9]{5}([0-9]{2}|2[AB])[0-9]{8}$/;

/**
 * Light checks for fast feedback at the desk. The server is the authority (NIR key, consistency
 * with sex and birth date, status rules) and its answers are shown on the fields.
 */
export function patientFormValidation(t: TFunction): FormValidateInput<PatientFormValues> {
  const required = (value: string) => (value.trim() === '' ? t('validation.required') : null);
  return {
    birthName: required,
    birthFirstNames: required,
    firstFirstName: required,
    birthDate: (value) => {
      const parsed = parseTypedDate(value);
      if (!parsed.ok) {
        return parsed.error === 'empty' ? t('validation.required') : t(`validation.date.${parsed.error}`);
      }
      return isAfterToday(parsed.iso) ? t('validation.date.future') : null;
    },
    sex: (value) => (value === '' ? t('validation.required') : null),
    birthplaceInsee: (value) =>
      value.trim() === '' || inseeCodePattern.test(normalizeInseeCode(value)) ? null : t('patients.form.inseeInvalid'),
    insNumber: (value) =>
      value.trim() === '' || insNumberPattern.test(normalizeInsNumber(value)) ? null : t('patients.form.insInvalid'),
    email: (value) =>
      value.trim() === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : t('validation.email'),
  };
}

/** Which form field a server error code belongs to. */
export function fieldForErrorCode(code: string): keyof PatientFormValues | null {
  if (code.startsWith('SIL_NIR_') || code === 'SIL_PATIENT_INS_TAKEN' || code === 'SIL_IDENTITY_STATUS_REQUIRES_INS') {
    return 'insNumber';
  }
  if (code.startsWith('SIL_BIRTH_DATE_')) {
    return 'birthDate';
  }
  if (code === 'SIL_INSEE_CODE_INVALID') {
    return 'birthplaceInsee';
  }
  if (code === 'SIL_IDENTITY_STATUS_TRANSITION') {
    return 'identityStatus';
  }
  return null;
}

/** API field names that differ from the form's. */
export function formFieldForApiField(name: string): keyof PatientFormValues | null {
  const known: Record<string, keyof PatientFormValues> = {
    birthName: 'birthName',
    usedName: 'usedName',
    birthFirstNames: 'birthFirstNames',
    firstFirstName: 'firstFirstName',
    birthDate: 'birthDate',
    sex: 'sex',
    birthplaceInsee: 'birthplaceInsee',
    ins: 'insNumber',
    identityStatus: 'identityStatus',
    identityDocument: 'identityDocument',
    phone: 'phone',
    email: 'email',
    address: 'address',
  };
  return known[name] ?? null;
}
