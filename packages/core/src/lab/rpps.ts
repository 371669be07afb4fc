/**
 * RPPS number (Répertoire partagé des professionnels intervenant dans le système de santé): 11 digits,
 * the last one a key computed with the Luhn algorithm (ISO/IEC 7812-1 Annex B, "modulus 10") over the
 * first ten — the check SESAM-Vitale applies to the prescriber's "N° RPPS + clé" (SFG rule RG_IP612).
 * In ANS exchanges (CI-SIS, CPS, HL7 XCN with OID 1.2.250.1.71.4.2.1) the professional's national
 * identifier idNat_PS is `8` followed by the RPPS number; `parseRpps` accepts that form too.
 */
import type { ErrorCode } from '../errors/error-catalog.js';

export type RppsErrorCode = Extract<ErrorCode, 'SIL_RPPS_FORMAT_INVALID' | 'SIL_RPPS_KEY_INVALID'>;

export type RppsParse =
  { readonly ok: true; readonly rpps: string } | { readonly ok: false; readonly code: RppsErrorCode };

/** Prefix of idNat_PS for a person identified by RPPS (ANS, "8 + N° RPPS"). */
export const ID_NAT_PS_RPPS_PREFIX = '8';

/**
 * The Luhn key of a digit string: from the rightmost digit of the payload leftwards, every other digit
 * (starting with the rightmost) is doubled and reduced to a digit (−9 when above 9); the key is the
 * amount that brings the sum to a multiple of 10.
 */
export function luhnCheckDigit(payload: string): number {
  if (!/^\d+$/.test(payload)) {
    throw new RangeError(`digits expected: ${payload}`);
  }
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let digit = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) {
        digit -= 9;
      }
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** The RPPS key (11th digit) of the first ten digits. */
export function rppsCheckDigit(firstTenDigits: string): number {
  if (!/^\d{10}$/.test(firstTenDigits)) {
    throw new RangeError(`10 digits expected: ${firstTenDigits}`);
  }
  return luhnCheckDigit(firstTenDigits);
}

/**
 * Reads an RPPS number as typed or received: spaces ignored, 11 digits, or 12 digits as idNat_PS
 * (`8` + RPPS). Returns the 11-digit RPPS, or `SIL_RPPS_FORMAT_INVALID` / `SIL_RPPS_KEY_INVALID`.
 */
export function parseRpps(input: string): RppsParse {
  let digits = input.replace(/[\s\u00a0\u202f]/g, '');
  if (digits.length === 12 && digits.startsWith(ID_NAT_PS_RPPS_PREFIX)) {
    digits = digits.slice(1);
  }
  if (!/^\d{11}$/.test(digits)) {
    return { ok: false, code: 'SIL_RPPS_FORMAT_INVALID' };
  }
  if (rppsCheckDigit(digits.slice(0, 10)) !== Number(digits[10])) {
    return { ok: false, code: 'SIL_RPPS_KEY_INVALID' };
  }
  return { ok: true, rpps: digits };
}

export function isValidRpps(input: string): boolean {
  return parseRpps(input).ok;
}

/** idNat_PS of an RPPS number (`8` + 11 digits), as HL7/CDA/FHIR exchanges with the ANS OID carry it. */
export function rppsToIdNatPs(rpps: string): string {
  return `${ID_NAT_PS_RPPS_PREFIX}${rpps}`;
}
