/**
 * HL7 v2 parser. Lazy on purpose: parsing only cuts the text into segments and reads the delimiters;
 * fields are split when a segment is first read and escapes decoded when a value is read. A
 * link that stores the raw message and reads a handful of fields therefore pays for little more than
 * one scan for segment terminators.
 */
import { SillageError } from '../errors/sillage-error.js';
import { HEADER_SEGMENT_NAMES, readDelimiters, type Hl7Delimiters } from './hl7-delimiters.js';
import { Hl7Message } from './hl7-message.js';
import { Hl7Segment } from './hl7-segment.js';

export type Hl7ParseErrorCode =
  'SIL_HL7_EMPTY_MESSAGE' | 'SIL_HL7_MISSING_HEADER' | 'SIL_HL7_INVALID_DELIMITERS' | 'SIL_HL7_INVALID_SEGMENT';

export interface Hl7ParseError {
  readonly code: Hl7ParseErrorCode;
  /** English technical detail (the catalog holds the French and English user messages for `code`). */
  readonly message: string;
  /** 0-based index of the offending segment, when one is to blame. */
  readonly segmentIndex?: number;
}

export type Hl7ParseResult = { ok: true; message: Hl7Message } | { ok: false; error: Hl7ParseError };

const CR = 0x0d;
const LF = 0x0a;

/**
 * Parses one HL7 v2 message (or a whole batch file: FHS/BHS carry delimiters as MSH does, see
 * `splitHl7Batch`). Never throws. Segment terminators may be CR, LF or CRLF (HL7 requires CR; files and
 * hand-written examples use the others). Blank and whitespace-only lines, a leading byte-order mark and
 * leading line breaks are skipped. Segment names must be 3 characters, an uppercase letter then
 * uppercase letters or digits (HL7 v2.5 §2.5.2).
 */
export function tryParseHl7(text: string): Hl7ParseResult {
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (position < text.length && isLineBreak(text.charCodeAt(position))) {
    position++;
  }
  if (!HEADER_SEGMENT_NAMES.has(text.slice(position, position + 3))) {
    if (text.slice(position).trim() === '') {
      return failure('SIL_HL7_EMPTY_MESSAGE', 'the message has no segment');
    }
    const start = JSON.stringify(text.slice(position, position + 8));
    return failure('SIL_HL7_MISSING_HEADER', `the message starts with ${start}, not MSH, FHS or BHS`, 0);
  }
  const headerEnd = nextLineBreak(text, position);
  const delimitersRead = readDelimiters(text.slice(position, headerEnd));
  if (!delimitersRead.ok) {
    return failure('SIL_HL7_INVALID_DELIMITERS', delimitersRead.reason, 0);
  }
  const delimiters = delimitersRead.delimiters;
  const segments: Hl7Segment[] = [];
  const length = text.length;
  let nextCr = text.indexOf('\r', position);
  let nextLf = text.indexOf('\n', position);
  while (position < length) {
    if (nextCr !== -1 && nextCr < position) {
      nextCr = text.indexOf('\r', position);
    }
    if (nextLf !== -1 && nextLf < position) {
      nextLf = text.indexOf('\n', position);
    }
    let end: number;
    if (nextCr === -1) {
      end = nextLf === -1 ? length : nextLf;
    } else {
      end = nextLf === -1 || nextCr < nextLf ? nextCr : nextLf;
    }
    if (end > position) {
      const raw = text.slice(position, end);
      const problem = segmentProblem(raw, delimiters);
      if (problem === undefined) {
        segments.push(new Hl7Segment(raw, delimiters));
      } else if (problem !== 'blank') {
        return failure('SIL_HL7_INVALID_SEGMENT', problem, segments.length);
      }
    }
    // CRLF counts as one terminator.
    position = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
  }
  const last = text.charCodeAt(length - 1);
  return { ok: true, message: new Hl7Message(segments, delimiters, isLineBreak(last)) };
}

/** As {@link tryParseHl7}, throwing a `SillageError` with the error's code instead of returning it. */
export function parseHl7(text: string): Hl7Message {
  const result = tryParseHl7(text);
  if (!result.ok) {
    throw new SillageError(result.error.code, {
      detail: result.error.message,
      ...(result.error.segmentIndex === undefined ? {} : { extra: { segmentIndex: result.error.segmentIndex } }),
    });
  }
  return result.message;
}

/** undefined when the segment is well formed, 'blank' when it is whitespace only, else the reason. */
function segmentProblem(raw: string, delimiters: Hl7Delimiters): string | undefined {
  const first = raw.charCodeAt(0);
  const wellNamed =
    raw.length >= 3 &&
    first >= 0x41 &&
    first <= 0x5a &&
    isNameChar(raw.charCodeAt(1)) &&
    isNameChar(raw.charCodeAt(2)) &&
    (raw.length === 3 || raw.charAt(3) === delimiters.field);
  if (wellNamed) {
    return undefined;
  }
  if (raw.trim() === '') {
    return 'blank';
  }
  return `segment ${JSON.stringify(raw.slice(0, 12))} does not start with a 3-character name and the field separator`;
}

function isNameChar(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

function nextLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (isLineBreak(text.charCodeAt(i))) {
      return i;
    }
  }
  return text.length;
}

function isLineBreak(code: number): boolean {
  return code === CR || code === LF;
}

function failure(code: Hl7ParseErrorCode, message: string, segmentIndex?: number): Hl7ParseResult {
  return { ok: false, error: { code, message, ...(segmentIndex === undefined ? {} : { segmentIndex }) } };
}
