/**
 * Duplicate detection at patient creation (identitovigilance: a second record for a person who
 * already has one is the commonest identity error). Two steps:
 *
 * 1. Candidates by SQL: the server stores `phoneticKeysFor(traits)` in indexed columns
 *    (birth_name_phonetic, used_name_phonetic, first_name_phonetic) and selects records with the
 *    same birth date whose birth or used name key equals the new birth or used name key, or with
 *    the same INS. (Exact and compound-name matches are also caught there when the server adds a
 *    search-key condition; phonetic keys are concatenated per word — see phonetic.ts.)
 * 2. `duplicateScore(a, b)` on each candidate explains and ranks; `isProbableDuplicate` decides.
 *
 * Rule for "probable duplicate" (Sillage's, documented here and tested):
 * - the same INS matricule ⇒ duplicate, whatever the traits (the INS identifies the person);
 * - two different NIRs (both of kind NIR) ⇒ not duplicates: two persons, e.g. homonyms born the
 *   same day or twins (a NIA may later be replaced by a NIR, so a NIA difference does not exclude);
 * - otherwise: the same birth date AND a name match (birth or used name of one equals, sounds like,
 *   or — compound names — shares a significant part with, the birth or used name of the other; a
 *   married woman registered once under her birth name and once under her used name is caught by
 *   the crossed comparison) AND a first-name match (same first first name, same phonetic key, or
 *   one's first first name is among the other's birth first names);
 * - but when the sexes are known and differ, the first first name must be exactly the same: twins
 *   DANIEL (M) and DANIELLE (F) share name, date and phonetic first-name key and are two persons.
 *
 * The score (0–100) ranks candidates for display; it is not the decision.
 */
import { normalizeName, searchKey, splitFirstNames } from './names.js';
import { compactNir, parseNir } from './nir.js';
import { phoneticKey } from './phonetic.js';

/** The traits duplicate detection reads. `PatientTraits` (patient.schemas.ts) and stored patients fit. */
export interface MatchableIdentity {
  readonly birthName: string;
  readonly usedName: string | null;
  readonly birthFirstNames: string;
  readonly firstFirstName: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly sex: 'F' | 'M' | 'I';
  readonly birthplaceInsee?: string | null;
  readonly ins?: { readonly number: string } | null;
}

export type NameField = 'birthName' | 'usedName';

export type DuplicateReasonCode =
  | 'SAME_INS'
  | 'DIFFERENT_INS'
  | 'SAME_BIRTH_DATE'
  | 'BIRTH_DAY_MONTH_SWAPPED'
  | 'SAME_NAME'
  | 'PHONETIC_NAME'
  | 'PARTIAL_NAME'
  | 'SAME_FIRST_NAME'
  | 'PHONETIC_FIRST_NAME'
  | 'FIRST_NAME_IN_LIST'
  | 'SAME_SEX'
  | 'DIFFERENT_SEX'
  | 'SAME_BIRTHPLACE';

export interface DuplicateReason {
  readonly code: DuplicateReasonCode;
  /** For name reasons: which name of `a` matched which name of `b`. */
  readonly fields?: readonly [NameField, NameField];
}

export interface DuplicateAssessment {
  /** 0–100, for ranking candidates. */
  readonly score: number;
  readonly probableDuplicate: boolean;
  readonly reasons: readonly DuplicateReason[];
}

/** Values for the indexed columns birth_name_phonetic, used_name_phonetic, first_name_phonetic. */
export interface PhoneticKeys {
  readonly birthNamePhonetic: string;
  readonly usedNamePhonetic: string | null;
  readonly firstNamePhonetic: string;
}

export function phoneticKeysFor(
  traits: Pick<MatchableIdentity, 'birthName' | 'usedName' | 'firstFirstName'>
): PhoneticKeys {
  return {
    birthNamePhonetic: phoneticKey(traits.birthName),
    usedNamePhonetic:
      traits.usedName === null || searchKey(traits.usedName) === '' ? null : phoneticKey(traits.usedName),
    firstNamePhonetic: phoneticKey(traits.firstFirstName),
  };
}

const WEIGHTS = {
  SAME_BIRTH_DATE: 35,
  BIRTH_DAY_MONTH_SWAPPED: 15,
  SAME_NAME: 30,
  PHONETIC_NAME: 22,
  PARTIAL_NAME: 12,
  SAME_FIRST_NAME: 25,
  PHONETIC_FIRST_NAME: 18,
  FIRST_NAME_IN_LIST: 12,
  SAME_SEX: 5,
  DIFFERENT_SEX: -20,
  SAME_BIRTHPLACE: 5,
  DIFFERENT_INS: -60,
} as const satisfies Partial<Record<DuplicateReasonCode, number>>;

/** Particles that do not identify a family on their own (DE, LA, LE, BEN, VAN…). */
const NAME_PARTICLES = new Set([
  'D',
  'L',
  'DE',
  'DU',
  'DES',
  'LA',
  'LE',
  'LES',
  'DEL',
  'DELLA',
  'DI',
  'DA',
  'DOS',
  'VAN',
  'VON',
  'DER',
  'DEN',
  'TER',
  'BEN',
  'EL',
  'AL',
  'Y',
  'E',
]);

/** The significant words of a compound name ("MARTIN-DUPONT" → MARTIN, DUPONT). */
function significantWords(name: string): string[] {
  return normalizeName(name)
    .split(/[ '-]+/)
    .map((word) => word.replace(/[^A-Z]/g, ''))
    .filter((word) => word.length >= 2 && !NAME_PARTICLES.has(word));
}

type NameLevel = 'SAME_NAME' | 'PHONETIC_NAME' | 'PARTIAL_NAME';

function nameLevel(a: string, b: string): NameLevel | null {
  const keyA = searchKey(a);
  const keyB = searchKey(b);
  if (keyA === '' || keyB === '') {
    return null;
  }
  if (keyA === keyB) {
    return 'SAME_NAME';
  }
  if (phoneticKey(a) === phoneticKey(b)) {
    return 'PHONETIC_NAME';
  }
  const wordsA = significantWords(a);
  const wordsB = significantWords(b);
  if (wordsA.length < 2 && wordsB.length < 2) {
    return null;
  }
  const phoneticB = new Set(wordsB.map(phoneticKey));
  return wordsA.some((word) => wordsB.includes(word) || phoneticB.has(phoneticKey(word))) ? 'PARTIAL_NAME' : null;
}

const NAME_LEVEL_RANK: Readonly<Record<NameLevel, number>> = { SAME_NAME: 3, PHONETIC_NAME: 2, PARTIAL_NAME: 1 };

function bestNameMatch(a: MatchableIdentity, b: MatchableIdentity): DuplicateReason | null {
  const namesOf = (identity: MatchableIdentity): [NameField, string][] =>
    identity.usedName === null
      ? [['birthName', identity.birthName]]
      : [
          ['birthName', identity.birthName],
          ['usedName', identity.usedName],
        ];
  let best: { level: NameLevel; fields: readonly [NameField, NameField] } | null = null;
  for (const [fieldA, nameA] of namesOf(a)) {
    for (const [fieldB, nameB] of namesOf(b)) {
      const level = nameLevel(nameA, nameB);
      if (level !== null && (best === null || NAME_LEVEL_RANK[level] > NAME_LEVEL_RANK[best.level])) {
        best = { level, fields: [fieldA, fieldB] };
      }
    }
  }
  return best === null ? null : { code: best.level, fields: best.fields };
}

type FirstNameLevel = 'SAME_FIRST_NAME' | 'PHONETIC_FIRST_NAME' | 'FIRST_NAME_IN_LIST';

function firstNameMatch(a: MatchableIdentity, b: MatchableIdentity): FirstNameLevel | null {
  const firstA = searchKey(a.firstFirstName);
  const firstB = searchKey(b.firstFirstName);
  if (firstA === '' || firstB === '') {
    return null;
  }
  if (firstA === firstB) {
    return 'SAME_FIRST_NAME';
  }
  if (phoneticKey(a.firstFirstName) === phoneticKey(b.firstFirstName)) {
    return 'PHONETIC_FIRST_NAME';
  }
  const listA = splitFirstNames(a.birthFirstNames).map(searchKey);
  const listB = splitFirstNames(b.birthFirstNames).map(searchKey);
  return listB.includes(firstA) || listA.includes(firstB) ? 'FIRST_NAME_IN_LIST' : null;
}

function daySwapped(a: string, b: string): boolean {
  // YYYY-MM-DD vs YYYY-DD-MM: the classic DD/MM typed as MM/DD.
  return (
    a.length === 10 &&
    b.length === 10 &&
    a !== b &&
    a.slice(0, 4) === b.slice(0, 4) &&
    a.slice(5, 7) === b.slice(8, 10) &&
    a.slice(8, 10) === b.slice(5, 7)
  );
}

function insComparison(a: MatchableIdentity, b: MatchableIdentity): 'SAME_INS' | 'DIFFERENT_INS' | null {
  if (a.ins === undefined || a.ins === null || b.ins === undefined || b.ins === null) {
    return null;
  }
  const numberA = compactNir(a.ins.number);
  const numberB = compactNir(b.ins.number);
  if (numberA === numberB) {
    return 'SAME_INS';
  }
  const parsedA = parseNir(numberA);
  const parsedB = parseNir(numberB);
  // A NIA is temporary and may be replaced by a NIR: only two NIRs prove two persons.
  return parsedA.ok && parsedB.ok && parsedA.nir.kind === 'NIR' && parsedB.nir.kind === 'NIR' ? 'DIFFERENT_INS' : null;
}

/** Compares two identities and explains why they may be the same person. */
export function duplicateScore(a: MatchableIdentity, b: MatchableIdentity): DuplicateAssessment {
  const reasons: DuplicateReason[] = [];
  const ins = insComparison(a, b);
  if (ins !== null) {
    reasons.push({ code: ins });
  }
  const sameDate = a.birthDate === b.birthDate;
  if (sameDate) {
    reasons.push({ code: 'SAME_BIRTH_DATE' });
  } else if (daySwapped(a.birthDate, b.birthDate)) {
    reasons.push({ code: 'BIRTH_DAY_MONTH_SWAPPED' });
  }
  const name = bestNameMatch(a, b);
  if (name !== null) {
    reasons.push(name);
  }
  const firstName = firstNameMatch(a, b);
  if (firstName !== null) {
    reasons.push({ code: firstName });
  }
  const sexesKnown = a.sex !== 'I' && b.sex !== 'I';
  if (sexesKnown) {
    reasons.push({ code: a.sex === b.sex ? 'SAME_SEX' : 'DIFFERENT_SEX' });
  }
  const birthplaceA = a.birthplaceInsee ?? null;
  if (birthplaceA !== null && birthplaceA.toUpperCase() === (b.birthplaceInsee ?? '').toUpperCase()) {
    reasons.push({ code: 'SAME_BIRTHPLACE' });
  }

  if (ins === 'SAME_INS') {
    return { score: 100, probableDuplicate: true, reasons };
  }
  const differentSex = sexesKnown && a.sex !== b.sex;
  const probableDuplicate =
    ins === null &&
    sameDate &&
    name !== null &&
    firstName !== null &&
    (!differentSex || firstName === 'SAME_FIRST_NAME');
  const weighted = reasons.reduce(
    (sum, reason) => sum + ((WEIGHTS as Partial<Record<DuplicateReasonCode, number>>)[reason.code] ?? 0),
    0
  );
  return { score: Math.max(0, Math.min(100, weighted)), probableDuplicate, reasons };
}

export function isProbableDuplicate(a: MatchableIdentity, b: MatchableIdentity): boolean {
  return duplicateScore(a, b).probableDuplicate;
}
