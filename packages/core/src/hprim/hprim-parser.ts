import { codecError, codecWarning, type InstrumentCodecIssue } from '../astm/codec-issue.js';
import { splitDelimitedField } from '../astm/delimited-text.js';
import { defaultHprimDelimiters, readHprimDelimiters, type HprimDelimiters } from './hprim-delimiters.js';
import { isHprimSegmentName, type HprimField, type HprimSegment } from './hprim-segment.js';

/** HPRIM Santé 2.4 syntax rules: a segment line is at most 220 characters including its terminator. */
export const HPRIM_MAX_LINE_LENGTH = 220;

export interface HprimMessage {
  readonly delimiters: HprimDelimiters;
  readonly segments: readonly HprimSegment[];
}

export interface HprimParseResult {
  /** False when any issue has severity `error`. */
  readonly ok: boolean;
  readonly message: HprimMessage;
  readonly issues: readonly InstrumentCodecIssue[];
}

/**
 * Parses HPRIM Santé 2.x text (results ORU, orders ORM, and the other contexts). Lines end with
 * CR (CR LF advised; LF tolerated). Lines longer than 220 characters are cut anywhere and carried
 * on in `A|` segments, so each `A|` line's content is appended, as is, to the previous segment
 * before fields are split. Never throws.
 */
export function tryParseHprim(text: string): HprimParseResult {
  const issues: InstrumentCodecIssue[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  const firstIndex = lines.findIndex((line) => line.length > 0);
  const first = lines[firstIndex] ?? '';
  let delimiters = defaultHprimDelimiters;
  if (firstIndex < 0) {
    issues.push(codecError('SIL_HPRIM_EMPTY_MESSAGE', 'no segment in the text'));
  } else if (first[0] === 'H' && !/^H[A-Z]/.test(first)) {
    const read = readHprimDelimiters(first);
    delimiters = read.delimiters;
    if (read.issue !== undefined) {
      issues.push({ ...read.issue, line: firstIndex + 1 });
    }
  } else {
    issues.push(codecError('SIL_HPRIM_NO_HEADER', 'the first segment is not H', { line: firstIndex + 1 }));
  }

  const logical: { text: string; line: number; lineCount: number }[] = [];
  const continuation = `A${delimiters.field}`;
  lines.forEach((line, index) => {
    if (line.length === 0) {
      return;
    }
    if (line.length + 1 > HPRIM_MAX_LINE_LENGTH) {
      issues.push(codecWarning('SIL_HPRIM_LINE_TOO_LONG', `${line.length} characters`, { line: index + 1 }));
    }
    const previous = logical.at(-1);
    if (line.startsWith(continuation)) {
      if (previous === undefined) {
        issues.push(codecError('SIL_HPRIM_ORPHAN_CONTINUATION', 'A segment before any segment', { line: index + 1 }));
      } else {
        previous.text += line.slice(continuation.length);
        previous.lineCount++;
        return;
      }
    }
    logical.push({ text: line, line: index + 1, lineCount: 1 });
  });

  const segments = logical.map(({ text: raw, line, lineCount }) => {
    const segment = parseHprimSegment(raw, delimiters, line, lineCount);
    // A name holding punctuation means the line is split with another separator than declared.
    if (!/^[\p{L}\p{N}]*$/u.test(segment.name)) {
      issues.push(
        codecError('SIL_HPRIM_DELIMITER_MISMATCH', `segment without the field separator "${delimiters.field}"`, {
          line,
        })
      );
    } else if (!isHprimSegmentName(segment.name)) {
      issues.push(codecWarning('SIL_HPRIM_UNKNOWN_SEGMENT', `unknown segment "${segment.name}"`, { line }));
    }
    return segment;
  });
  if (segments.length > 0 && segments.at(-1)?.name !== 'L') {
    issues.push(codecWarning('SIL_HPRIM_NO_TERMINATOR', 'the last segment is not L', { line: segments.at(-1)?.line }));
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ok: !issues.some((issue) => issue.severity === 'error'), message: { delimiters, segments }, issues };
}

/** Splits one logical segment (continuations merged) into fields. */
export function parseHprimSegment(
  raw: string,
  delimiters: HprimDelimiters = defaultHprimDelimiters,
  line = 1,
  lineCount = 1
): HprimSegment {
  if (raw[0] === 'H' && raw[1] === delimiters.field) {
    const definition = raw.slice(2, 6);
    const rest = raw.length > 6 ? raw.slice(7).split(delimiters.field) : [];
    const fields: HprimField[] = [[['H']], [[definition]], ...rest.map((f) => splitDelimitedField(f, delimiters))];
    return { name: 'H', fields, line, lineCount, raw };
  }
  const [name = '', ...rest] = raw.split(delimiters.field);
  const fields: HprimField[] = [[[name]], ...rest.map((f) => splitDelimitedField(f, delimiters))];
  return { name, fields, line, lineCount, raw };
}
