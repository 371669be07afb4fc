/**
 * Birthplace code of the INS traits: the INSEE code (Code officiel géographique, COG) of the birth
 * commune, or for a person born abroad "99" + the INSEE country code (référentiel INS; FR Core
 * Patient INS `birthPlace.inseeCode`; reference/france-domain.md §2.6).
 *
 * Shape checked here (no commune list — that is reference data the server holds):
 * - metropolitan commune: 2-digit department 01–95 (including "20", Corsica's code for births
 *   before its 1976 split: the INS uses the COG in force at the birth date), then 3 digits 001–999;
 * - Corsica: 2A or 2B, then 3 digits (La Poste/COG: 2A004 Ajaccio, 2B033 Bastia);
 * - overseas: 97 + 1 digit (971 Guadeloupe … 976 Mayotte, 977 Saint-Barthélemy, 978 Saint-Martin)
 *   or 98 + 1 digit 4–9 (TAAF, Mayotte before 2011, Wallis-et-Futuna, Polynésie, Nouvelle-Calédonie,
 *   Clipperton), then 2 digits — the department takes 3 digits, the commune 2 (97411 Saint-Denis);
 * - born abroad: 99 + 3-digit country code 100–999 (99100 is France itself in the country list).
 */

export type InseeCodeKind = 'metropole' | 'corse' | 'outre-mer' | 'etranger';

export interface InseeCode {
  readonly code: string;
  readonly kind: InseeCodeKind;
  /** "75", "2A", "974"; "99" for born abroad. */
  readonly department: string;
  /** Commune within the department, or the country code when born abroad. */
  readonly commune: string;
}

const METROPOLE = /^(0[1-9]|[1-8][0-9]|9[0-5])([0-9]{3})$/;
const CORSE = /^(2[AB])([0-9]{3})$/;
const OUTRE_MER = /^(97[1-8]|98[4-9])([0-9]{2})$/;
const ETRANGER = /^(99)([1-9][0-9]{2})$/;

/** Trims and upper-cases ("2a004" → "2A004"); nothing else. */
export function normalizeInseeCode(input: string): string {
  return input.trim().toUpperCase();
}

/** Reads a normalised code, or null when it has none of the shapes above. */
export function parseInseeCode(code: string): InseeCode | null {
  const corse = CORSE.exec(code);
  if (corse !== null) {
    return { code, kind: 'corse', department: corse[1] ?? '', commune: corse[2] ?? '' };
  }
  const outreMer = OUTRE_MER.exec(code);
  if (outreMer !== null) {
    return { code, kind: 'outre-mer', department: outreMer[1] ?? '', commune: outreMer[2] ?? '' };
  }
  const etranger = ETRANGER.exec(code);
  if (etranger !== null) {
    return { code, kind: 'etranger', department: '99', commune: etranger[2] ?? '' };
  }
  const metropole = METROPOLE.exec(code);
  if (metropole !== null && metropole[2] !== '000') {
    return { code, kind: 'metropole', department: metropole[1] ?? '', commune: metropole[2] ?? '' };
  }
  return null;
}

/** True for a normalised birthplace code of one of the accepted shapes. */
export function isValidInseeCode(code: string): boolean {
  return parseInseeCode(code) !== null;
}
