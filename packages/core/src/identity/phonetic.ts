/**
 * French phonetic key for duplicate detection ("clé phonétique Sillage", version 1).
 *
 * Hand-written for Sillage, in the family of Frédéric Brouard's Phonex and Soundex2 (French
 * adaptations of Soundex): the same kind of ordered rewriting rules (silent H, PH → F, nasal
 * vowels, silent final consonants), but NOT compatible with either — and, unlike Soundex2, not
 * truncated to 4 characters, because truncation makes MARTIN and MARTINEZ collide. Keys are stored
 * in indexed columns: when a rule changes, bump PHONETIC_KEY_VERSION and recompute stored keys.
 *
 * The input goes through `normalizeName` (upper-case, no diacritics: LEFÈVRE = LEFEVRE) and is split
 * into words at spaces, hyphens and apostrophes; each word is encoded alone (so a silent final
 * consonant stays silent in "DUPOND-DURAND") and the word keys are concatenated. Rules, applied in
 * order to each word of letters A–Z:
 *
 *  1. Y → I.                                    HENRY = HENRI
 *  2. Doubled letters → one.                    DUPONTT = DUPONT, PHILIPPE = PHILIPE
 *  3. Endings: AULT → AU; IER → IE; consonant + ER → consonant + E.
 *                                               RENAULT = RENAUD = RENAU, GAUTIER, ROGER
 *  4. Silent final D, T, S, X dropped (a run of them). DUPOND = DUPONT, DUBOIS, DEVAUX, GEORGES
 *  5. Consonants:
 *     PH → F; SCH, SH, CH → "C" (the "ch" sound) except CH before R or L → K (CHRISTOPHE);
 *     remaining H is silent (TH → T, RH → R, HUBERT = UBERT); SC before E/I → S;
 *     C before E/I → S, QU → K, Q → K, other C → K; GE before A/O/U → J (GEORGES),
 *     G before E/I → J, GU before E/I → G (GUILLAUME); X → KS; W → V; Z → S;
 *     BV → V (LEFEBVRE = LEFEVRE).
 *  6. JE before A/O/U → J (JEAN, JEANNE).
 *  7. Nasal vowels (vowel + N/M not followed by a vowel): AIN/EIN/AIM/EIM → "4",
 *     IEN → I + "4" (JULIEN), AN/AM/EN/EM → "1", IN/IM/UN/UM → "4", ON/OM → "3".
 *                                               MARTIN ≠ MARTINE: IN before E is not nasal
 *  8. Vowel groups: EAU, AU → O; OU → U; AI, EI → E; EU, OE → E.
 *  9. Final E dropped (silent), except in words of one or two symbols, so that the particles
 *     keep their vowel and "LE ROY" = "LEROY", "DE LA FONTAINE" = "DELAFONTAINE".
 * 10. Doubled symbols → one.
 *
 * A word that the rules would empty (a lone "D", "ST", "H") keeps its first letter.
 * The key is made of A–Z and the digits 1, 3, 4; an input without letters gives "".
 */
import { normalizeName } from './names.js';

export const PHONETIC_KEY_VERSION = 1;

const NOT_VOWEL_AHEAD = '(?![AEIOU])';

type Rule = readonly [RegExp, string];

/** Rules 3–4: spelling endings, then silent final consonants. */
const ENDING_RULES: readonly Rule[] = [
  [/AULT$/, 'AU'],
  [/IER$/, 'IE'],
  [/([^AEIOU])ER$/, '$1E'],
  [/[DTSX]+$/, ''],
];

/** Rule 5: consonants. Order matters (PH before H, CH before C, G before E/I before GU). */
const CONSONANT_RULES: readonly Rule[] = [
  [/PH/g, 'F'],
  [/SCH|SH/g, 'CH'],
  [/CH(?=[RL])/g, 'K'],
  [/CH/g, '§'],
  [/H/g, ''],
  [/SC(?=[EI])/g, 'S'],
  [/C(?=[EI])/g, 'S'],
  [/QU/g, 'K'],
  [/Q/g, 'K'],
  [/C/g, 'K'],
  [/§/g, 'C'],
  [/GE(?=[AOU])/g, 'J'],
  [/G(?=[EI])/g, 'J'],
  [/GU(?=[EI])/g, 'G'],
  [/X/g, 'KS'],
  [/W/g, 'V'],
  [/Z/g, 'S'],
  [/BV/g, 'V'],
];

/** Rules 6–8: soft J, nasal vowels, vowel groups. */
const VOWEL_RULES: readonly Rule[] = [
  [/JE(?=[AOU])/g, 'J'],
  [new RegExp(`(?:AI|EI)[NM]${NOT_VOWEL_AHEAD}`, 'g'), '4'],
  [new RegExp(`IEN${NOT_VOWEL_AHEAD}`, 'g'), 'I4'],
  [new RegExp(`[AE][NM]${NOT_VOWEL_AHEAD}`, 'g'), '1'],
  [new RegExp(`[IU][NM]${NOT_VOWEL_AHEAD}`, 'g'), '4'],
  [new RegExp(`O[NM]${NOT_VOWEL_AHEAD}`, 'g'), '3'],
  [/EAU/g, 'O'],
  [/AU/g, 'O'],
  [/OU/g, 'U'],
  [/AI|EI/g, 'E'],
  [/EU|OE/g, 'E'],
];

function applyRules(word: string, rules: readonly Rule[]): string {
  return rules.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), word);
}

function collapseRepeats(word: string): string {
  return word.replace(/(.)\1+/g, '$1');
}

/** Phonetic key of one word of letters A–Z (rules 1–10). */
function encodeWord(word: string): string {
  let key = collapseRepeats(word.replace(/Y/g, 'I'));
  key = applyRules(key, ENDING_RULES);
  if (key.length === 0) {
    return word.slice(0, 1);
  }
  key = applyRules(key, CONSONANT_RULES);
  key = applyRules(key, VOWEL_RULES);
  if (key.length > 2) {
    key = key.replace(/E$/, '');
  }
  // A word of silent letters only ("H", "HT") still needs a key, or it could match anything.
  return key.length === 0 ? word.slice(0, 1) : collapseRepeats(key);
}

/** French phonetic key of a name ("" when it has no letter). */
export function phoneticKey(name: string): string {
  return normalizeName(name)
    .split(/[ '-]+/)
    .map((word) => word.replace(/[^A-Z]/g, ''))
    .filter((word) => word.length > 0)
    .map(encodeWord)
    .join('');
}
