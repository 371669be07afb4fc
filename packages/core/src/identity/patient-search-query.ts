/**
 * The one search box of the reception desk. What the secretary types, and what we understand:
 *
 * - a NIR/NIA with its key, with or without spaces, dots or dashes ("2 55 08 2A 004 001 23")
 *   → `nir`; something NIR-shaped whose key or layout is wrong (13 or 15 characters) → `invalidNir`
 *   so the screen can say "clé incorrecte" instead of searching names;
 * - a patient number: "P" + 8 digits, any case ("p00001234") → `patientNumber` ("P00001234");
 * - 8 bare digits: a birth date DDMMYYYY when they form a real date ("12031965"), otherwise the
 *   patient number without its "P" ("00001234"). Patient numbers are sequential, so a real
 *   DDMMYYYY number would need more than a million patients (day ≥ 01) before the two collide;
 * - otherwise traits: names (any token with a letter, normalised as RNIV traits: "dupont jean" →
 *   ["DUPONT", "JEAN"]), a birth date (12/03/1965, 12.03.1965, 12-03-1965, 1965-03-12,
 *   "12 03 1965", one- or two-digit day and month) and/or a birth year alone (1965). Two-digit years
 *   are not read (century unknown). Impossible dates (31/02/2000) are not dates: they are reported
 *   in `ignoredTokens` with anything else not understood (digits that are neither date nor year,
 *   tokens mixing letters and digits);
 * - nothing usable → `empty`.
 *
 * The query is limited to 200 characters: beyond, SIL_SEARCH_TOO_LONG is thrown (the route answers
 * 400); up to that, parsing never throws.
 */
import { SillageError } from '../errors/sillage-error.js';
import { toIsoDate } from './calendar-date.js';
import { isValidNameTrait, normalizeName } from './names.js';
import { compactNir, parseNir, type Nir, type NirErrorCode } from './nir.js';

export const PATIENT_QUERY_MAX_LENGTH = 200;

/** Years accepted in a search (dates and years alone). */
const MIN_SEARCH_YEAR = 1800;
const MAX_SEARCH_YEAR = 2199;

export type PatientQuery =
  | { readonly kind: 'empty'; readonly ignoredTokens: readonly string[] }
  | { readonly kind: 'nir'; readonly nir: Nir }
  | { readonly kind: 'invalidNir'; readonly code: NirErrorCode }
  | { readonly kind: 'patientNumber'; readonly number: string }
  | {
      readonly kind: 'traits';
      /** Normalised names (RNIV form), in the order typed. */
      readonly names: readonly string[];
      /** YYYY-MM-DD */
      readonly birthDate?: string;
      /** Only when no full birth date was given. */
      readonly birthYear?: number;
      readonly ignoredTokens: readonly string[];
    };

const PATIENT_NUMBER = /^P([0-9]{8})$/i;
const EIGHT_DIGITS = /^[0-9]{8}$/;
/** A 13- or 15-character NIR layout, before checking first digit, month and key. */
const NIR_SHAPED = /^[0-9]{5}(?:[0-9]{2}|2[AB])[0-9]{6}(?:[0-9]{2})?$/;
const DAY_MONTH_YEAR = /^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$/;
const YEAR_MONTH_DAY = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$/;
const DAY_OR_MONTH = /^[0-9]{1,2}$/;
const YEAR = /^[0-9]{4}$/;

function searchYear(year: number): boolean {
  return year >= MIN_SEARCH_YEAR && year <= MAX_SEARCH_YEAR;
}

function dateFrom(year: number, month: number, day: number): string | null {
  return searchYear(year) ? toIsoDate(year, month, day) : null;
}

/** A birth date written as one token, or null. */
function dateToken(token: string): string | null {
  const dmy = DAY_MONTH_YEAR.exec(token);
  if (dmy !== null) {
    return dateFrom(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  }
  const ymd = YEAR_MONTH_DAY.exec(token);
  if (ymd !== null) {
    return dateFrom(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  }
  if (EIGHT_DIGITS.test(token)) {
    return dateFrom(Number(token.slice(4)), Number(token.slice(2, 4)), Number(token.slice(0, 2)));
  }
  return null;
}

function parseTraits(tokens: readonly string[]): PatientQuery {
  const names: string[] = [];
  const ignoredTokens: string[] = [];
  let birthDate: string | undefined;
  let birthYear: number | undefined;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] ?? '';
    const [month = '', year = ''] = tokens.slice(index + 1, index + 3);
    // "12 03 1965": day, month and year typed as three tokens.
    if (birthDate === undefined && DAY_OR_MONTH.test(token) && DAY_OR_MONTH.test(month) && YEAR.test(year)) {
      const spaced = dateFrom(Number(year), Number(month), Number(token));
      if (spaced !== null) {
        birthDate = spaced;
        index += 2;
        continue;
      }
    }
    const date = dateToken(token);
    if (date !== null && birthDate === undefined) {
      birthDate = date;
      continue;
    }
    if (YEAR.test(token) && searchYear(Number(token)) && birthYear === undefined) {
      birthYear = Number(token);
      continue;
    }
    const name = normalizeName(token);
    if (/[A-Z]/.test(name) && isValidNameTrait(name)) {
      names.push(name);
      continue;
    }
    ignoredTokens.push(token);
  }
  if (names.length === 0 && birthDate === undefined && birthYear === undefined) {
    return { kind: 'empty', ignoredTokens };
  }
  return {
    kind: 'traits',
    names,
    ...(birthDate === undefined ? {} : { birthDate }),
    ...(birthDate === undefined && birthYear !== undefined ? { birthYear } : {}),
    ignoredTokens,
  };
}

/** Understands the desk's search box (see the file comment). Throws SIL_SEARCH_TOO_LONG over 200 characters. */
export function parsePatientQuery(query: string): PatientQuery {
  if (query.length > PATIENT_QUERY_MAX_LENGTH) {
    throw new SillageError('SIL_SEARCH_TOO_LONG', { detail: `${query.length} > ${PATIENT_QUERY_MAX_LENGTH}` });
  }
  const trimmed = query.trim();
  if (trimmed.length === 0) {
    return { kind: 'empty', ignoredTokens: [] };
  }
  const patientNumber = PATIENT_NUMBER.exec(trimmed);
  if (patientNumber !== null) {
    return { kind: 'patientNumber', number: `P${patientNumber[1] ?? ''}` };
  }
  if (EIGHT_DIGITS.test(trimmed) && dateToken(trimmed) === null) {
    return { kind: 'patientNumber', number: `P${trimmed}` };
  }
  const compact = compactNir(trimmed);
  if (NIR_SHAPED.test(compact)) {
    const result = parseNir(compact);
    return result.ok ? { kind: 'nir', nir: result.nir } : { kind: 'invalidNir', code: result.code };
  }
  const tokens = trimmed.split(/[\s,;]+/).filter((token) => token.length > 0);
  return parseTraits(tokens);
}
