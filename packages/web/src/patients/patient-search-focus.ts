/** DOM id of the main patient search input, which `/` and F2 focus from anywhere. */
export const patientSearchInputId = 'patient-search-input';

/** Focuses the patient search box if the page shows one; returns false otherwise. */
export function focusPatientSearch(): boolean {
  const input = document.getElementById(patientSearchInputId);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
    return true;
  }
  return false;
}
