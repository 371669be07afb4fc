/**
 * HL7 v2 delimiters, read from the header segment of each message (HL7 v2.5 §2.5.4, "Message
 * delimiters"): MSH-1 is the field separator, MSH-2 the encoding characters in the fixed order
 * component, repetition, escape, subcomponent — and, since v2.7, truncation (`#`).
 */
export interface Hl7Delimiters {
  /** MSH-1, normally `|`. */
  readonly field: string;
  /** MSH-2 position 1, normally `^`. */
  readonly component: string;
  /** MSH-2 position 2, normally `~`. */
  readonly repetition: string;
  /** MSH-2 position 3, normally `\`. Empty string when the sender declared none. */
  readonly escape: string;
  /** MSH-2 position 4, normally `&`. Empty string when the sender declared none. */
  readonly subcomponent: string;
  /** MSH-2 position 5 (HL7 v2.7 truncation character, normally `#`). Empty string before v2.7. */
  readonly truncation: string;
}

export const DEFAULT_HL7_DELIMITERS: Hl7Delimiters = Object.freeze({
  field: '|',
  component: '^',
  repetition: '~',
  escape: '\\',
  subcomponent: '&',
  truncation: '',
});

/** Segments whose field 1 is the field separator and field 2 the encoding characters (HL7 v2.5 §2.15.9, §2.15.2, §2.15.6). */
export const HEADER_SEGMENT_NAMES: ReadonlySet<string> = new Set(['MSH', 'FHS', 'BHS']);

export type DelimitersResult = { ok: true; delimiters: Hl7Delimiters } | { ok: false; reason: string };

/**
 * Reads the delimiters from a header segment (`MSH|^~\&|…`, `FHS|…`, `BHS|…`).
 * Tolerates senders that declare fewer than four encoding characters (missing ones are ''),
 * and the v2.7 fifth (truncation) character. Rejects duplicates, letters, digits, spaces and CR/LF,
 * because any of those would make the message ambiguous.
 */
export function readDelimiters(headerSegment: string): DelimitersResult {
  if (headerSegment.length < 4) {
    return { ok: false, reason: 'header segment too short to hold MSH-1' };
  }
  const field = headerSegment.charAt(3);
  let end = headerSegment.indexOf(field, 4);
  if (end === -1) {
    end = headerSegment.length;
  }
  const encoding = headerSegment.slice(4, end);
  if (encoding.length === 0) {
    return { ok: false, reason: 'MSH-2 (encoding characters) is empty' };
  }
  if (encoding.length > 5) {
    return { ok: false, reason: `MSH-2 has ${String(encoding.length)} encoding characters, at most 5 are defined` };
  }
  const all = field + encoding;
  for (let i = 0; i < all.length; i++) {
    const char = all.charAt(i);
    if (!isAllowedDelimiter(char)) {
      return { ok: false, reason: `delimiter ${JSON.stringify(char)} is not allowed` };
    }
    if (all.indexOf(char) !== i) {
      return { ok: false, reason: `delimiter ${JSON.stringify(char)} is declared twice` };
    }
  }
  return {
    ok: true,
    delimiters: {
      field,
      component: encoding.charAt(0),
      repetition: encoding.charAt(1),
      escape: encoding.charAt(2),
      subcomponent: encoding.charAt(3),
      truncation: encoding.charAt(4),
    },
  };
}

/** The MSH-2 text for a set of delimiters (encoding characters in their fixed order). */
export function encodingCharacters(delimiters: Hl7Delimiters): string {
  return (
    delimiters.component + delimiters.repetition + delimiters.escape + delimiters.subcomponent + delimiters.truncation
  );
}

function isAllowedDelimiter(char: string): boolean {
  const code = char.charCodeAt(0);
  // Printable ASCII punctuation only: letters, digits, space and controls would collide with data,
  // and `"` with the explicit null `""` (HL7 v2.5 §2.5.3).
  if (code <= 0x20 || code >= 0x7f || code === 0x22) {
    return false;
  }
  const isDigit = code >= 0x30 && code <= 0x39;
  const isLetter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return !isDigit && !isLetter;
}
