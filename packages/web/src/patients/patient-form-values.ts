import type { IdentityStatus, Patient, PatientInput, PatientSummary, Sex } from '../api/types.js';
import { formatIsoDate, parseTypedDate } from '../lib/typed-date.js';

/** The identity form as typed: strings everywhere, the birth date as the user wrote it. */
export interface PatientFormValues {
  birthName: string;
  usedName: string;
  birthFirstNames: string;
  firstFirstName: string;
  birthDate: string;
  sex: Sex | '';
  birthplaceInsee: string;
  insNumber: string;
  identityStatus: IdentityStatus;
  identityDocument: string;
  phone: string;
  email: string;
  address: string;
}

export const emptyPatientFormValues: PatientFormValues = {
  birthName: '',
  usedName: '',
  birthFirstNames: '',
  firstFirstName: '',
  birthDate: '',
  sex: '',
  birthplaceInsee: '',
  insNumber: '',
  // RNIV: an identity is provisional until checked with a document and/or the INSi teleservice.
  identityStatus: 'PROV',
  identityDocument: '',
  phone: '',
  email: '',
  address: '',
};

function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** NIR/NIA as stored: no spaces, Corsica's 2A/2B in capitals. */
export function normalizeInsNumber(value: string): string {
  return value.replace(/[\s.-]+/g, '').toUpperCase();
}

/** INSEE commune code (5 characters, 2A/2B for Corsica, 99xxx for a foreign country). */
export function normalizeInseeCode(value: string): string {
  return value.trim().toUpperCase();
}

export function patientToFormValues(patient: Patient): PatientFormValues {
  return {
    birthName: patient.birthName,
    usedName: patient.usedName ?? '',
    birthFirstNames: patient.birthFirstNames,
    firstFirstName: patient.firstFirstName,
    birthDate: formatIsoDate(patient.birthDate),
    sex: patient.sex,
    birthplaceInsee: patient.birthplaceInsee ?? '',
    insNumber: patient.ins?.number ?? '',
    identityStatus: patient.identityStatus,
    identityDocument: patient.identityDocument ?? '',
    phone: patient.phone ?? '',
    email: patient.email ?? '',
    address: patient.address ?? '',
  };
}

export function patientToInput(patient: Patient): PatientInput {
  return {
    birthName: patient.birthName,
    usedName: patient.usedName,
    birthFirstNames: patient.birthFirstNames,
    firstFirstName: patient.firstFirstName,
    birthDate: patient.birthDate,
    sex: patient.sex,
    birthplaceInsee: patient.birthplaceInsee,
    ins: patient.ins === null ? null : { number: patient.ins.number },
    identityStatus: patient.identityStatus,
    identityDocument: patient.identityDocument,
    phone: patient.phone,
    email: patient.email,
    address: patient.address,
  };
}

/**
 * The API payload for valid form values; null when the birth date or the sex is missing or
 * unreadable (the form's validation reports those).
 */
export function formValuesToPatientInput(values: PatientFormValues, today: Date = new Date()): PatientInput | null {
  const birthDate = parseTypedDate(values.birthDate, today);
  if (!birthDate.ok || values.sex === '') {
    return null;
  }
  const insNumber = normalizeInsNumber(values.insNumber);
  const birthplace = normalizeInseeCode(values.birthplaceInsee);
  return {
    birthName: values.birthName.trim(),
    usedName: optional(values.usedName),
    birthFirstNames: values.birthFirstNames.trim().replace(/\s+/g, ' '),
    firstFirstName: values.firstFirstName.trim(),
    birthDate: birthDate.iso,
    sex: values.sex,
    birthplaceInsee: birthplace === '' ? null : birthplace,
    ins: insNumber === '' ? null : { number: insNumber },
    identityStatus: values.identityStatus,
    identityDocument: optional(values.identityDocument),
    phone: optional(values.phone),
    email: optional(values.email),
    address: optional(values.address),
  };
}

/** Only the traits that changed, for PATCH (the audit trail then records a meaningful diff). */
export function changedPatientFields(before: PatientInput, after: PatientInput): Partial<PatientInput> {
  const changes: Partial<PatientInput> = {};
  const keys = Object.keys(after) as (keyof PatientInput)[];
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      Object.assign(changes, { [key]: after[key] });
    }
  }
  return changes;
}

/** The first of the birth first names (RNIV: "premier prénom de naissance"). */
export function firstOfFirstNames(birthFirstNames: string): string {
  return birthFirstNames.trim().split(/[\s,]+/)[0] ?? '';
}

/** Summary of a patient from a 409 duplicate answer's `candidates` extension (shape-checked). */
export function parsePatientSummaries(value: unknown): PatientSummary[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter(
    (item: unknown): item is PatientSummary =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as { id?: unknown }).id === 'string' &&
      typeof (item as { birthName?: unknown }).birthName === 'string'
  );
}
