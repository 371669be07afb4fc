/**
 * HL7 v2 escape sequences (HL7 v2.5 §2.7 "Use of escape sequences in text fields").
 * Escapes are decoded only on leaf values (after splitting on delimiters), because an escape
 * sequence never contains a delimiter: `\F\` stands for the field separator, not the reverse.
 */
import type { Hl7Delimiters } from './hl7-delimiters.js';
import { checkUtf8, decodeValidUtf8 } from './utf8.js';

export interface Hl7UnescapeOptions {
  /**
   * `\H\` / `\N\` (start / end highlighting, §2.7.1). `'keep'` (default) leaves both markers in the
   * text exactly as on the wire so a report renderer can show the highlight; `'strip'` drops them.
   */
  readonly highlight?: 'keep' | 'strip';
}

/**
 * Decodes the escape sequences of one leaf value:
 * - `\F\ \S\ \T\ \R\ \E\` → the message's own field, component, subcomponent, repetition, escape characters;
 * - `\P\` → the truncation character, only when the message declares one (v2.7);
 * - `\Xhh…\` → the bytes `hh…`, read as UTF-8 when they form a multi-byte UTF-8 sequence, else as
 *   ISO 8859-1; NUL bytes are dropped because HAPI writes a CR as the 16-bit `\X000d\` while nHapi writes `\X0D\`;
 * - `\.br\` → line feed (formatted-text line break, §2.7.6);
 * - `\H\ \N\` → kept or stripped (see {@link Hl7UnescapeOptions.highlight});
 * - anything else (`\Cxxyy\`, `\Mxxyyzz\`, `\Zxx\`, `\.sp\`, `\.in±n\`, a lone escape character…) is
 *   preserved verbatim, so no information is lost.
 */
export function unescapeHl7(text: string, delimiters: Hl7Delimiters, options?: Hl7UnescapeOptions): string {
  const escape = delimiters.escape;
  if (escape === '') {
    return text;
  }
  let start = text.indexOf(escape);
  if (start === -1) {
    return text;
  }
  const stripHighlight = options?.highlight === 'strip';
  let out = '';
  let copiedUpTo = 0;
  while (start !== -1) {
    const end = text.indexOf(escape, start + 1);
    if (end === -1) {
      break;
    }
    const decoded = decodeSequence(text.slice(start + 1, end), delimiters, stripHighlight);
    if (decoded !== undefined) {
      out += text.slice(copiedUpTo, start) + decoded;
      copiedUpTo = end + 1;
    }
    start = text.indexOf(escape, end + 1);
  }
  return out + text.slice(copiedUpTo);
}

function decodeSequence(body: string, delimiters: Hl7Delimiters, stripHighlight: boolean): string | undefined {
  switch (body) {
    case 'F':
      return delimiters.field;
    case 'S':
      return delimiters.component;
    case 'T':
      return delimiters.subcomponent === '' ? undefined : delimiters.subcomponent;
    case 'R':
      return delimiters.repetition;
    case 'E':
      return delimiters.escape;
    case 'P':
      return delimiters.truncation === '' ? undefined : delimiters.truncation;
    case '.br':
      return '\n';
    case 'H':
    case 'N':
      return stripHighlight ? '' : undefined;
    default:
      return body.charCodeAt(0) === 0x58 /* X */ ? decodeHex(body) : undefined;
  }
}

function decodeHex(body: string): string | undefined {
  const digits = body.length - 1;
  if (digits === 0 || digits % 2 !== 0) {
    return undefined;
  }
  const bytes = new Uint8Array(digits / 2);
  for (let i = 0; i < bytes.length; i++) {
    const high = hexValue(body.charCodeAt(1 + 2 * i));
    const low = hexValue(body.charCodeAt(2 + 2 * i));
    if (high < 0 || low < 0) {
      return undefined;
    }
    bytes[i] = high * 16 + low;
  }
  const utf8 = checkUtf8(bytes);
  if (utf8.valid && utf8.hasNonAscii) {
    return decodeValidUtf8(bytes);
  }
  let out = '';
  for (const byte of bytes) {
    if (byte !== 0) {
      out += String.fromCharCode(byte);
    }
  }
  return out;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) {
    return code - 0x30;
  }
  if (code >= 0x41 && code <= 0x46) {
    return code - 0x37;
  }
  if (code >= 0x61 && code <= 0x66) {
    return code - 0x57;
  }
  return -1;
}

/**
 * Encodes text for one leaf value: delimiters and the escape character become `\F\ \S\ \T\ \R\ \E\`
 * (and `\P\` for the v2.7 truncation character when declared), CR and LF become `\X0D\` / `\X0A\`
 * (valid in every data type, unlike `\.br\` which only FT/TX know), and a text that is exactly `""`
 * gets its first quote hex-escaped so it is not read back as the explicit null (§2.5.3).
 * Other characters, including non-ASCII, are left as they are: the character set is MSH-18's business.
 * `unescapeHl7(escapeHl7(t, d), d) === t` for every text `t` when `d` declares an escape character.
 */
export function escapeHl7(text: string, delimiters: Hl7Delimiters): string {
  const escape = delimiters.escape;
  if (escape === '') {
    return text;
  }
  if (text === '""') {
    return `${escape}X22${escape}"`;
  }
  let out = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const replacement = escapeCode(char, delimiters);
    if (replacement !== undefined) {
      out += text.slice(copiedUpTo, i) + escape + replacement + escape;
      copiedUpTo = i + 1;
    }
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

function escapeCode(char: string, delimiters: Hl7Delimiters): string | undefined {
  // An undeclared delimiter is '' and can never equal a one-character `char`.
  switch (char) {
    case '\r':
      return 'X0D';
    case '\n':
      return 'X0A';
    case delimiters.field:
      return 'F';
    case delimiters.component:
      return 'S';
    case delimiters.repetition:
      return 'R';
    case delimiters.escape:
      return 'E';
    case delimiters.subcomponent:
      return 'T';
    case delimiters.truncation:
      return 'P';
    default:
      return undefined;
  }
}
