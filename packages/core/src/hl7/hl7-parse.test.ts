import { describe, expect, it } from 'vitest';
import { SillageError } from '../errors/sillage-error.js';
import { parseHl7, tryParseHl7 } from './hl7-parse.js';

const MSH = 'MSH|^~\\&|LAB|SITE|LIS|SITE|20240102030405||ORU^R01^ORU_R01|MSG1|P|2.5.1';

describe('tryParseHl7: segment terminators (HL7 v2.5 §2.5.2 requires CR; files use LF or CRLF)', () => {
  it.each([
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('%s', (_name, terminator) => {
    const text = [MSH, 'PID|1||123', 'OBX|1|NM|GLU||5.2|mmol/L'].join(terminator) + terminator;
    const result = tryParseHl7(text);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.message.segments.map((s) => s.name)).toEqual(['MSH', 'PID', 'OBX']);
      expect(result.message.toString()).toBe(text.replaceAll(terminator, '\r'));
    }
  });

  it('accepts mixed terminators and keeps a missing final terminator missing', () => {
    const message = parseHl7(`${MSH}\r\nPID|1\nOBX|1\rNTE|1`);
    expect(message.segments).toHaveLength(4);
    expect(message.endsWithTerminator).toBe(false);
    expect(message.toString()).toBe(`${MSH}\rPID|1\rOBX|1\rNTE|1`);
  });

  it('skips a byte-order mark, leading line breaks and blank lines', () => {
    const message = parseHl7(`\uFEFF\r\n${MSH}\r\r\n  \rPID|1\r`);
    expect(message.segments.map((s) => s.name)).toEqual(['MSH', 'PID']);
    expect(message.toString()).toBe(`${MSH}\rPID|1\r`);
  });

  it('accepts a segment with no field and Z-segments', () => {
    const message = parseHl7(`${MSH}\rZB1\rZ01|a`);
    expect(message.segments.map((s) => s.name)).toEqual(['MSH', 'ZB1', 'Z01']);
    expect(message.segment('ZB1')?.fieldCount).toBe(0);
  });
});

describe('tryParseHl7: errors are returned, never thrown', () => {
  it.each([
    ['', 'SIL_HL7_EMPTY_MESSAGE', undefined],
    [' \r\n\t', 'SIL_HL7_EMPTY_MESSAGE', undefined],
    ['PID|1', 'SIL_HL7_MISSING_HEADER', 0],
    ['H|\\^&|||cobas', 'SIL_HL7_MISSING_HEADER', 0],
    ['MSH', 'SIL_HL7_INVALID_DELIMITERS', 0],
    ['MSH|^^\\&|A', 'SIL_HL7_INVALID_DELIMITERS', 0],
    [`${MSH}\rpid|1`, 'SIL_HL7_INVALID_SEGMENT', 1],
    [`${MSH}\rPID1|1`, 'SIL_HL7_INVALID_SEGMENT', 1],
    [`${MSH}\rPID^1`, 'SIL_HL7_INVALID_SEGMENT', 1],
    [`${MSH}\rPID|1\r\x1c`, 'SIL_HL7_INVALID_SEGMENT', 2],
  ])('%j → %s', (text, code, segmentIndex) => {
    const result = tryParseHl7(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.segmentIndex).toBe(segmentIndex);
      expect(result.error.message.length).toBeGreaterThan(0);
    }
  });

  it('parseHl7 throws a SillageError with the same code', () => {
    expect(() => parseHl7('PID|1')).toThrow(SillageError);
    const error = (() => {
      try {
        parseHl7(`${MSH}\rpid`);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SillageError);
    expect((error as SillageError).code).toBe('SIL_HL7_INVALID_SEGMENT');
    expect((error as SillageError).extra).toEqual({ segmentIndex: 1 });
  });
});
