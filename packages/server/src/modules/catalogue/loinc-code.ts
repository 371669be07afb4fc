/**
 * LOINC code syntax: up to 7 digits, a hyphen and a mod-10 check digit (LOINC Users' Guide,
 * "Calculating mod 10 check digits": from the right, odd positions doubled, digits summed, the
 * check digit brings the sum to a multiple of 10 — the Luhn computation).
 */
import { luhnCheckDigit } from '@sillage/core';

const loincPattern = /^(\d{1,7})-(\d)$/;

export function isValidLoincCode(code: string): boolean {
  const match = loincPattern.exec(code);
  return match !== null && luhnCheckDigit(match[1] as string) === Number(match[2]);
}
