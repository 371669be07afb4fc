/**
 * Name traits as the RNIV and the INS expect them: upper-case letters without diacritics, with
 * space, hyphen and apostrophe as the only separators (traits INS returned by the INSi
 * teleservice; RNIV: "saisie en majuscules, sans accents, trémas ni cédilles"). Ligatures are
 * spelled out (Œ → OE, Æ → AE, ß → SS).
 *
 * Two functions, two purposes:
 * - `normalizeName` is what we store and display: the trait as written on the ID document, only
 *   re-cased and stripped of diacritics. It does not delete characters it does not know (a digit
 *   stays a digit) — `isValidNameTrait` then refuses the value, so an entry mistake is shown to the
 *   user instead of silently "fixed".
 * - `searchKey` is for matching only: letters only, so "LE ROY", "LE-ROY" and "LEROY" meet.
 */

/** Letters that Unicode decomposition (NFKD) does not reduce to A–Z plus a combining mark. */
const SPELLED_OUT: Readonly<Record<string, string>> = {
  Œ: 'OE',
  œ: 'OE',
  Æ: 'AE',
  æ: 'AE',
  ß: 'SS',
  ẞ: 'SS',
  Ø: 'O',
  ø: 'O',
  Ł: 'L',
  ł: 'L',
  Đ: 'D',
  đ: 'D',
  Ð: 'D',
  ð: 'D',
  Þ: 'TH',
  þ: 'TH',
  ı: 'I',
};
const SPELLED_OUT_PATTERN = new RegExp(`[${Object.keys(SPELLED_OUT).join('')}]`, 'g');
const COMBINING_MARKS = /\p{M}/gu;
/** Typographic apostrophes and primes typed by keyboards and OCR. */
const APOSTROPHES = /[\u2019\u2018\u02bc\u00b4\u0060\u02b9\u2032]/g;
/** Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus. */
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;

/**
 * A name trait after normalisation: words of A–Z joined by a single space, hyphen or apostrophe
 * ("D'ARTAGNAN", "JEAN-PIERRE MARIE"), or by a double hyphen, which French civil status used to
 * join the two parts of a double family name ("DUPONT--DURAND").
 */
export const NAME_TRAIT_PATTERN = /^[A-Z]+(?:(?:[ '-]|--)[A-Z]+)*$/;

/** Upper-case, no diacritics, spelled-out ligatures, single spaces, no space around - and '. */
export function normalizeName(input: string): string {
  // Upper-case before and after decomposition: some letters only decompose (or only acquire an
  // upper-case form) on one side of the other, and the result must be stable (idempotent).
  return input
    .toUpperCase()
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(SPELLED_OUT_PATTERN, (letter) => SPELLED_OUT[letter] ?? letter)
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, '-')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/ ?([-']) ?/g, '$1')
    .trim();
}

/** True when `value` is already normalised and made only of the allowed characters. */
export function isValidNameTrait(value: string): boolean {
  return NAME_TRAIT_PATTERN.test(value);
}

/** Accent-, case- and separator-insensitive key for matching: letters A–Z only. */
export function searchKey(input: string): string {
  return normalizeName(input).replace(/[^A-Z]/g, '');
}

/**
 * The birth first names as a list. On the civil status (and in the INS "liste des prénoms de
 * naissance") first names are separated by a space; a hyphenated first name is one first name
 * (INSEE, fichier des prénoms: "deux prénoms séparés par un tiret constituent un seul prénom
 * composé"). "JEAN-PIERRE MARIE" → ["JEAN-PIERRE", "MARIE"].
 */
export function splitFirstNames(birthFirstNames: string): string[] {
  return normalizeName(birthFirstNames)
    .split(' ')
    .filter((name) => name.length > 0);
}

/**
 * RNIV: the "premier prénom de naissance" is the first of the birth first names. We accept the
 * first name, or the first few taken together, so that a compound first name written without a
 * hyphen on the document ("JEAN PIERRE") can be entered whole [K: RNIV tolerance for compound first
 * names without hyphen — to verify]; a later first name alone ("PIERRE") is refused.
 */
export function isFirstFirstNameOfList(firstFirstName: string, birthFirstNames: string): boolean {
  const first = splitFirstNames(firstFirstName);
  const list = splitFirstNames(birthFirstNames);
  if (first.length === 0 || first.length > list.length) {
    return false;
  }
  return first.every((name, index) => name === list[index]);
}
