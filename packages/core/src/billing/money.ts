/**
 * Integer-cent arithmetic. Rounding rule: to the nearest cent, a half cent rounded up — the rule of
 * Council Regulation (EC) No 1103/97 art. 5 for amounts in euro, which we apply to every division
 * (price = coefficient × B, shares = amount × rate). Amounts here are never negative.
 */

/** round(numerator / denominator), half up, for non-negative safe integers. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new RangeError(`divideRoundHalfUp expects non-negative integers, got ${numerator} / ${denominator}`);
  }
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

/** `percent` % of `cents` (integer percent 0–100), rounded half up. */
export function percentOfCents(cents: number, percent: number): number {
  return divideRoundHalfUp(cents * percent, 100);
}

/** French display of an amount: 650 → "6,50 €". */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')} €`;
}

/** French display of a unit value held in thousandths of a cent: 25 000 → "0,25 €", 25 500 → "0,255 €". */
export function formatMilliCentsEuros(milliCents: number): string {
  const cents = Math.floor(milliCents / 1000);
  const fraction = String(milliCents % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  const text = formatEuros(cents);
  return fraction === '' ? text : text.replace(' €', `${fraction} €`);
}
