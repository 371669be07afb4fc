/**
 * NABM coefficients ("B 26", "5.00" in CNAM files) held as integer hundredths so that prices are
 * computed without floating point: 26 → 2600, 5.5 → 550.
 */
const COEFFICIENT_TEXT = /^(\d{1,6})(?:\.(\d{1,6}))?$/;

/** Hundredths of a coefficient text ("26.00" → 2600), or `null` if not a non-negative number with ≤ 2 significant decimals. */
export function parseCoefficientHundredths(text: string): number | null {
  const match = COEFFICIENT_TEXT.exec(text.trim());
  if (match === null) {
    return null;
  }
  const whole = Number(match[1]);
  const decimals = (match[2] ?? '').padEnd(2, '0');
  // Zeros beyond the second decimal are accepted ("25.000000"); anything else would need rounding.
  if (!/^0*$/.test(decimals.slice(2))) {
    return null;
  }
  return whole * 100 + Number(decimals.slice(0, 2));
}

/** The coefficient as a number for display and API output (2600 → 26, 550 → 5.5). */
export function coefficientFromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** French display: "B 26", "B 5,5". */
export function formatCoefficient(letter: string, hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  const decimals = rest === 0 ? '' : `,${String(rest).padStart(2, '0').replace(/0$/, '')}`;
  return `${letter} ${whole}${decimals}`;
}
