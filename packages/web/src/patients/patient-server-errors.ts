import type { UseFormReturnType } from '@mantine/form';
import { fieldErrorsByName, isApiError } from '../api/api-error.js';
import { fieldForErrorCode, formFieldForApiField } from './patient-form-validation.js';
import type { PatientFormValues } from './patient-form-values.js';

/** Puts the server's validation answer on the form fields; returns true when some field got it. */
export function applyServerErrorsToForm(error: unknown, form: UseFormReturnType<PatientFormValues>): boolean {
  if (!isApiError(error)) {
    return false;
  }
  const fieldsSet = new Set<keyof PatientFormValues>();
  for (const [name, message] of Object.entries(fieldErrorsByName(error))) {
    const field = formFieldForApiField(name);
    if (field !== null) {
      form.setFieldError(field, message);
      fieldsSet.add(field);
    }
  }
  const codeField = fieldForErrorCode(error.code);
  // The field's own issue message (e.g. "clé attendue 89") says more than the code's title.
  if (codeField !== null && !fieldsSet.has(codeField)) {
    form.setFieldError(codeField, error.detail ?? error.title);
    fieldsSet.add(codeField);
  }
  return fieldsSet.size > 0;
}
