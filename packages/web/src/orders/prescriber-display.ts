/** `Dr MARTIN Paul`: last name in capitals, as on prescriptions and reports. */
export function formatPrescriberName(prescriber: { lastName: string; firstName: string | null }): string {
  const first = prescriber.firstName === null || prescriber.firstName === '' ? '' : ` ${prescriber.firstName}`;
  return `${prescriber.lastName.toUpperCase()}${first}`;
}
