import type { UseFormReturnType } from '@mantine/form';
import { fieldErrorsByName, isApiError } from '../api/api-error.js';
import { fieldForErrorCode, formFieldForApiField } from './patient-form-validation.js';
import type { PatientFormValues } from './patient-form-values.js';

/** Puts the server's validation answer on the form fields; returns true when some field got it. */
export function applyServerErrorsToForm(error: unknown, form: UseFormReturnType<PatientFormValues>): boolean {
  if (!isApiError(error)) {
    return false;
  }
  let applied = false;
  for (const [name, message] of Object.entries(fieldErrorsByName(error))) {
    const field = formFieldForApiField(name);
    if (field !== null) {
      form.setFieldError(field, message);
      applied = true;
    }
  }
  const codeField = fieldForErrorCode(error.code);
  if (codeField !== null) {
    form.setFieldError(codeField, error.detail ?? error.title);
    applied = true;
  }
  return applied;
}
