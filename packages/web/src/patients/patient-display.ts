/**
 * NIR/NIA shown in its groups — sex, year, month, département, commune, order, key — as printed
 * on the carte Vitale, so it can be read back to the patient. Anything else is shown as stored.
 */
export function formatInsNumber(value: string): string {
  const match = /^([0-9])([0-9]{2})([0-9]{2})([0-9]{2}|2[AB])([0-9]{3})([0-9]{3})([0-9]{2})$/.exec(value);
  return match ? match.slice(1).join(' ') : value;
}

/** Birth name in capitals then first first-name: the display order of identitovigilance. */
export function formatPatientName(patient: { birthName: string; firstFirstName: string }): string {
  return `${patient.birthName.toUpperCase()} ${patient.firstFirstName}`;
}
