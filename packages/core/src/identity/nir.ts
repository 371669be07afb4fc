/**
 * NIR (numéro d'inscription au répertoire, RNIPP — INSEE) and NIA (numéro identifiant d'attente —
 * CNAV/SANDIA), the two kinds of "matricule INS" (référentiel INS, ANS). Pure parsing and checks.
 *
 * Layout of the 13 characters, then the 2-digit key (décret n° 82-103 du 22 janvier 1982, art. 4;
 * CNAM assurance-maladie-digital/nir-validation; python-stdnum `fr.nir`):
 *
 *   S  YY  MM  DD(D) CCC(CC)  OOO  KK
 *   │  │   │   │     │        │    └ key: 97 − (N mod 97), N = the 13 characters as an integer,
 *   │  │   │   │     │        │      Corsica department 2A read as 19 and 2B as 18
 *   │  │   │   │     │        └ order number of the birth registration (001–999)
 *   │  │   │   │     └ commune (COG), or country code when the department is 99 (born abroad)
 *   │  │   │   └ department: 01–95, 2A/2B (Corsica since 1976; "20" before), 97x/98x overseas
 *   │  │   │     (3 digits, the commune then has 2), 99 born abroad, 91–96 pre-independence Algeria,
 *   │  │   │     Morocco, Tunisia
 *   │  │   └ month 01–12; 20–42 and 50–99 are fictitious months given when the civil record does not
 *   │  │     state it ("de 20 à 30 ou 50 pour des personnes inscrites à partir d'un acte civil
 *   │  │     incomplet" [S], 99 = unknown) — accepted, reported as `birthMonthKnown: false`
 *   │  └ last two digits of the birth year
 *   └ 1 male, 2 female; 3 male / 4 female: foreigners in the course of registration [K];
 *     7 male / 8 female: temporary number (NIA) [K — reference/france-domain.md §2.6: "provisional
 *     numbers (NIA/NNP, first digit 7/8)"; the CNAM library's NNP validator uses 7/8 as sex]
 *
 * Which digits we accept: the CNAM validator only accepts sex 1/2 and months 01–12; the reference
 * says "don't over-restrict identity entry, flag instead", so we accept 1/2/3/4/7/8 and the
 * fictitious months. The key, which catches any single wrong character, is the real guard.
 * NIR vs NIA: `kind` comes from the first digit; in an INS the authoritative distinction is the OID
 * returned by INSi (1.2.250.1.213.1.4.8 NIR, .9 NIA — see ins-oid.ts).
 */
import { SillageError } from '../errors/sillage-error.js';
import { isIsoDateString } from './calendar-date.js';

export type NirKind = 'NIR' | 'NIA';
export type NirSex = 'M' | 'F';

export interface Nir {
  /** 15 characters, separators removed, letters upper-cased: 13-character body + 2-digit key. */
  readonly value: string;
  readonly kind: NirKind;
  readonly sex: NirSex;
  /** Two last digits of the birth year, as written ("05"). */
  readonly birthYear2: string;
  /** Two digits as written: "01"–"12" real month, "20"–"42" / "50"–"99" fictitious (see file comment). */
  readonly birthMonth: string;
  readonly birthMonthKnown: boolean;
  /** "75", "2A", "974" (overseas departments use 3 digits), "99" for born abroad. */
  readonly department: string;
  /** Commune within the department (3 digits, 2 overseas) or, for department 99, the country code. */
  readonly commune: string;
  /** Department + commune: the 5-character birthplace code as written in the NIR. */
  readonly birthplaceCode: string;
  readonly order: string;
  readonly key: string;
}

export type NirErrorCode = 'SIL_NIR_INVALID_FORMAT' | 'SIL_NIR_INVALID_KEY';

export type NirParseResult =
  { readonly ok: true; readonly nir: Nir } | { readonly ok: false; readonly code: NirErrorCode };

/** First digits we accept and what they say (see the file comment for sources). */
const FIRST_DIGIT_MEANING: Readonly<Record<string, { sex: NirSex; kind: NirKind }>> = {
  '1': { sex: 'M', kind: 'NIR' },
  '2': { sex: 'F', kind: 'NIR' },
  '3': { sex: 'M', kind: 'NIR' },
  '4': { sex: 'F', kind: 'NIR' },
  '7': { sex: 'M', kind: 'NIA' },
  '8': { sex: 'F', kind: 'NIA' },
};

const BODY_PATTERN = /^([0-9])([0-9]{2})([0-9]{2})([0-9]{2}|2A|2B)([0-9]{3})([0-9]{3})$/;
const SEPARATORS = /[\s.-]/g;
/** Longer inputs cannot be a NIR even with generous separators; stop before doing any work. */
const MAX_INPUT_LENGTH = 64;

function isAcceptedMonth(month: number): boolean {
  return (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || (month >= 50 && month <= 99);
}

/** Removes spaces, dots and dashes and upper-cases (so "2a" reads as Corsica "2A"). */
export function compactNir(input: string): string {
  return input.replace(SEPARATORS, '').toUpperCase();
}

/** True when `body` is 13 characters shaped like a NIR/NIA body (first digit, month, 2A/2B…). */
export function isNirBody(body: string): boolean {
  const match = BODY_PATTERN.exec(body);
  if (match === null) {
    return false;
  }
  const [, first = '', , month = ''] = match;
  return FIRST_DIGIT_MEANING[first] !== undefined && isAcceptedMonth(Number(month));
}

/** Corsica departments read as numbers for the key (INSEE rule; python-stdnum, CNAM). */
const CORSICA_AS_DIGITS: Readonly<Record<string, string>> = { '2A': '19', '2B': '18' };

/** N mod 97 with Corsica 2A → 19, 2B → 18 (positions 6–7, the department). */
function bodyModulo97(body: string): number {
  const department = body.slice(5, 7);
  const numeric = `${body.slice(0, 5)}${CORSICA_AS_DIGITS[department] ?? department}${body.slice(7)}`;
  // 13 digits < 2^53: exact in a double.
  return Number(numeric) % 97;
}

/**
 * The 2-digit key ("01"–"97") of a 13-character NIR/NIA body. Throws SIL_NIR_INVALID_FORMAT when
 * `first13` is not such a body (separators are accepted).
 */
export function computeNirKey(first13: string): string {
  const body = compactNir(first13);
  if (!isNirBody(body)) {
    throw new SillageError('SIL_NIR_INVALID_FORMAT', { detail: 'computeNirKey expects the 13-character body' });
  }
  return String(97 - bodyModulo97(body)).padStart(2, '0');
}

/** Parses a NIR or NIA with its key, accepting spaces, dots and dashes ("2 55 08 2A 004 001 …"). */
export function parseNir(input: string): NirParseResult {
  if (input.length > MAX_INPUT_LENGTH) {
    return { ok: false, code: 'SIL_NIR_INVALID_FORMAT' };
  }
  const value = compactNir(input);
  const body = value.slice(0, 13);
  const key = value.slice(13);
  if (value.length !== 15 || !/^[0-9]{2}$/.test(key) || !isNirBody(body)) {
    return { ok: false, code: 'SIL_NIR_INVALID_FORMAT' };
  }
  if (String(97 - bodyModulo97(body)).padStart(2, '0') !== key) {
    return { ok: false, code: 'SIL_NIR_INVALID_KEY' };
  }
  const first = body.slice(0, 1);
  const meaning = FIRST_DIGIT_MEANING[first];
  if (meaning === undefined) {
    return { ok: false, code: 'SIL_NIR_INVALID_FORMAT' };
  }
  const birthMonth = body.slice(3, 5);
  const monthNumber = Number(birthMonth);
  // Overseas (97x, 98x): the department takes 3 digits and the commune 2 (COG).
  const overseas = body.startsWith('97', 5) || body.startsWith('98', 5);
  const department = overseas ? body.slice(5, 8) : body.slice(5, 7);
  const commune = overseas ? body.slice(8, 10) : body.slice(7, 10);
  return {
    ok: true,
    nir: {
      value,
      kind: meaning.kind,
      sex: meaning.sex,
      birthYear2: body.slice(1, 3),
      birthMonth,
      birthMonthKnown: monthNumber >= 1 && monthNumber <= 12,
      department,
      commune,
      birthplaceCode: body.slice(5, 10),
      order: body.slice(10, 13),
      key,
    },
  };
}

/** Display form used by INSEE and python-stdnum: "2 95 10 99 126 111 93". */
export function formatNir(nir: Nir | string): string {
  const value = typeof nir === 'string' ? compactNir(nir) : nir.value;
  const groups = [1, 2, 2, 2, 3, 3, 2];
  const parts: string[] = [];
  let offset = 0;
  for (const size of groups) {
    parts.push(value.slice(offset, offset + size));
    offset += size;
  }
  return parts.filter((part) => part.length > 0).join(' ');
}

export type NirInconsistentTrait = 'sex' | 'birthYear' | 'birthMonth';

export interface NirInconsistency {
  readonly trait: NirInconsistentTrait;
  /** What the NIR says ("M", "65", "03"). */
  readonly fromNir: string;
  /** What the identity traits say, in the same form. */
  readonly fromTraits: string;
}

/**
 * Compares the NIR with the sex and birth date of the identity. The sex digit is compared unless
 * the identity's sex is 'I' (indéterminé); the year always (2 digits); the month only when the NIR
 * carries a real month (01–12). An unreadable birth date yields no date inconsistency (the schema
 * reports it). An empty list means consistent.
 */
export function checkNirConsistency(
  nir: Nir,
  traits: { readonly sex: 'F' | 'M' | 'I'; readonly birthDate: string }
): NirInconsistency[] {
  const inconsistencies: NirInconsistency[] = [];
  if (traits.sex !== 'I' && traits.sex !== nir.sex) {
    inconsistencies.push({ trait: 'sex', fromNir: nir.sex, fromTraits: traits.sex });
  }
  if (isIsoDateString(traits.birthDate)) {
    const year2 = traits.birthDate.slice(2, 4);
    const month = traits.birthDate.slice(5, 7);
    if (year2 !== nir.birthYear2) {
      inconsistencies.push({ trait: 'birthYear', fromNir: nir.birthYear2, fromTraits: year2 });
    }
    if (nir.birthMonthKnown && month !== nir.birthMonth) {
      inconsistencies.push({ trait: 'birthMonth', fromNir: nir.birthMonth, fromTraits: month });
    }
  }
  return inconsistencies;
}
