import { codecError, type InstrumentCodecIssue } from '../astm/codec-issue.js';
import type { DelimiterSet } from '../astm/delimited-text.js';

/**
 * HPRIM Santé 2.4 §7.2 (H segment, field 2): the 5 characters after `H` declare field, component ("sous-champ"),
 * repetition ("répétiteur"), escape and subcomponent ("sous-sous-champ") separators. The
 * documented set `|~^\&` has component `~` and repetition `^` — the reverse of HL7's `^` and `~`.
 */
export interface HprimDelimiters extends DelimiterSet {
  readonly field: string;
  readonly component: string;
  readonly repeat: string;
  readonly escape: string;
  readonly subcomponent: string;
}

export const defaultHprimDelimiters: HprimDelimiters = {
  field: '|',
  component: '~',
  repeat: '^',
  escape: '\\',
  subcomponent: '&',
};

/** H.2 as written after the field separator (e.g. `~^\&`). */
export function hprimDelimiterDefinition(delimiters: HprimDelimiters): string {
  return delimiters.component + delimiters.repeat + delimiters.escape + delimiters.subcomponent;
}

/**
 * Reads the separators from the H segment line. Returns an error issue and the default set when
 * the five characters are missing, repeated, letters/digits/spaces/controls, or not followed by
 * the field separator.
 */
export function readHprimDelimiters(headerLine: string): { delimiters: HprimDelimiters; issue?: InstrumentCodecIssue } {
  const chars = [...headerLine.slice(1, 6)];
  const invalid = (detail: string): { delimiters: HprimDelimiters; issue: InstrumentCodecIssue } => ({
    delimiters: defaultHprimDelimiters,
    issue: codecError('SIL_HPRIM_DELIMITERS_INVALID', detail),
  });
  if (headerLine[0] !== 'H' || chars.length < 5) {
    return invalid(`the H segment must start with H and 5 separators, got "${headerLine.slice(0, 6)}"`);
  }
  if (new Set(chars).size !== 5) {
    return invalid(`separators must be 5 distinct characters, got "${chars.join('')}"`);
  }
  if (chars.some((char) => /[\p{L}\p{N}\s]/u.test(char) || char.charCodeAt(0) < 0x20)) {
    return invalid(`separators cannot be letters, digits, spaces or controls, got "${chars.join('')}"`);
  }
  const [field = '|', component = '~', repeat = '^', escape = '\\', subcomponent = '&'] = chars;
  if (headerLine.length > 6 && headerLine[6] !== field) {
    return invalid(`the separator definition must be followed by the field separator "${field}"`);
  }
  return { delimiters: { field, component, repeat, escape, subcomponent } };
}
