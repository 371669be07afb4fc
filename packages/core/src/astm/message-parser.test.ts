import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultAstmDelimiters, readAstmDelimiters, type AstmDelimiters } from './astm-delimiters.js';
import { tryParseAstmMessage, tryParseAstmMessages } from './message-parser.js';
import { findAstmRecords, getAstmPath, getAstmValue } from './record-access.js';
import { makeAstmRecord } from './record-builders.js';
import { parseAstmRecord } from './record-parser.js';
import { serializeAstmMessage, serializeAstmRecord } from './record-serializer.js';

describe('readAstmDelimiters', () => {
  it.each([
    ['H|\\^&|||X', { field: '|', repeat: '\\', component: '^', escape: '&' }],
    ['H|@^\\|||GeneXpert', { field: '|', repeat: '@', component: '^', escape: '\\' }],
    ['H|\\!~|(0:0)', { field: '|', repeat: '\\', component: '!', escape: '~' }],
    ['H|\\^&', defaultAstmDelimiters],
  ])('%s', (line, expected) => {
    expect(readAstmDelimiters(line)).toEqual({ delimiters: expected });
  });

  it.each(['H|\\^', 'H|\\^^|', 'H|A^&|', 'H|\\^& |', 'H|\\^&!|'])('refuses %s with a structured error', (line) => {
    const { delimiters, issue } = readAstmDelimiters(line);
    expect(issue?.code).toBe('SIL_ASTM_DELIMITERS_INVALID');
    expect(delimiters).toEqual(defaultAstmDelimiters);
  });
});

describe('parseAstmRecord', () => {
  it('numbers fields as LIS2-A2: type is field 1, H-2 is the delimiter definition', () => {
    const header = parseAstmRecord('H|\\^&|||ARCHITECT^9.45|||||||P|LIS2-A2|20240101');
    expect(header.fields[0]).toEqual([['H']]);
    expect(header.fields[1]).toEqual([['\\^&']]);
    expect(getAstmValue(header, 5, 2)).toBe('9.45');
    expect(getAstmValue(header, 12)).toBe('P');
    const result = parseAstmRecord('R|1|^^^413|40.13|g/L||N||F');
    expect(getAstmValue(result, 3, 4)).toBe('413');
    expect(getAstmValue(result, 4)).toBe('40.13');
    expect(getAstmValue(result, 30)).toBe('');
  });

  it('decodes escapes with the declared delimiters (GeneXpert-style @^\\)', () => {
    const genexpert: AstmDelimiters = { field: '|', repeat: '@', component: '^', escape: '\\' };
    const record = parseAstmRecord('R|1|^^^MTB@^^^RIF|MTB DETECTED \\F\\ Rif\\S\\R|', genexpert);
    expect(record.fields[2]).toEqual([
      ['', '', '', 'MTB'],
      ['', '', '', 'RIF'],
    ]);
    expect(getAstmValue(record, 4)).toBe('MTB DETECTED | Rif^R');
  });
});

/** Characters that matter to the parser, plus any other BMP character. */
const recordChar = fc.oneof(
  fc.constantFrom('H', 'P', 'O', 'R', 'L', 'Z', '|', '\\', '^', '&', '@', '!', '~', '\r', '\n', '1', ' '),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))
);

describe('tryParseAstmMessages', () => {
  it('splits records on CR, CR LF or LF and messages on H', () => {
    const result = tryParseAstmMessages('H|\\^&\rP|1\r\nL|1|N\nH|@^\\\rR|1|a@b\rL|1\r');
    expect(result.ok).toBe(true);
    expect(result.messages.map((m) => m.records.map((r) => r.type).join(''))).toEqual(['HPL', 'HRL']);
    expect(result.messages[1]?.records[1]?.fields[2]).toEqual([['a'], ['b']]);
    expect(result.messages[1]?.records[1]?.line).toBe(5);
  });

  it('keeps unknown record types with a warning', () => {
    const result = tryParseAstmMessages('H|\\^&\rZ|1|vendor\rL|1\r');
    expect(result.ok).toBe(true);
    expect(result.messages[0]?.records[1]).toMatchObject({ type: 'Z', raw: 'Z|1|vendor' });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'SIL_ASTM_UNKNOWN_RECORD_TYPE', severity: 'warning', line: 2 }),
    ]);
  });

  it('reports a record that does not use the declared delimiter, and bad declarations', () => {
    const mismatch = tryParseAstmMessages('H|\\^&\rP^1^^Doe\rL|1\r');
    expect(mismatch.ok).toBe(false);
    expect(mismatch.issues.map((i) => i.code)).toEqual(['SIL_ASTM_DELIMITER_MISMATCH']);
    const badHeader = tryParseAstmMessages('H|||||\rL|1\r');
    expect(badHeader.issues.map((i) => i.code)).toEqual(['SIL_ASTM_DELIMITERS_INVALID']);
  });

  it('warns on records before H, after L, and on a missing L; errors on empty text', () => {
    const result = tryParseAstmMessages('O|1|SID\rL|1\rR|1\r');
    expect(result.ok).toBe(true);
    expect(result.issues.map((i) => i.code)).toEqual(['SIL_ASTM_NO_HEADER', 'SIL_ASTM_RECORD_AFTER_TERMINATOR']);
    expect(tryParseAstmMessages('H|\\^&\rP|1\r').issues.map((i) => i.code)).toEqual(['SIL_ASTM_NO_TERMINATOR']);
    expect(tryParseAstmMessages('\r\n\r').issues.map((i) => i.code)).toEqual(['SIL_ASTM_EMPTY_MESSAGE']);
  });

  it('tryParseAstmMessage returns the first message and warns when there are more', () => {
    const result = tryParseAstmMessage('H|\\^&\rL|1\rH|\\^&\rL|1\r');
    expect(result.message?.records).toHaveLength(2);
    expect(result.issues.map((i) => i.code)).toEqual(['SIL_ASTM_RECORD_AFTER_TERMINATOR']);
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: recordChar, maxLength: 300 }), (text) => {
        const result = tryParseAstmMessages(text);
        expect(result.ok).toBe(!result.issues.some((i) => i.severity === 'error'));
      })
    );
  });
});

describe('getAstmPath', () => {
  const message = tryParseAstmMessages(
    'H|\\^&|||LIS\rP|1||PID||Brown^Bobby^B\rO|1|SID102\\SID103|SID3^A123^5|^^^GLU\rR|1|^^^GLU|5.2\rR|2|^^^NA|140\rL|1|N\r'
  ).messages[0];

  it.each([
    ['P.6.1', 'Brown'],
    ['P.6', 'Brown^Bobby^B'],
    ['O.3', 'SID102\\SID103'],
    ['O.3[2].1', 'SID103'],
    ['O.4.3', '5'],
    ['R[2].4', '140'],
    ['R.3.4', 'GLU'],
    ['H.2', '\\^&'],
    ['O.30', undefined],
    ['Q.3', undefined],
    ['O-3', undefined],
  ])('%s → %s', (path, value) => {
    expect(message && getAstmPath(message, path)).toBe(value);
  });

  it('finds records by type', () => {
    expect(message && findAstmRecords(message, 'R').map((r) => getAstmValue(r, 2))).toEqual(['1', '2']);
  });
});

describe('serializeAstmRecord', () => {
  it('writes H with the delimiter definition of the set used', () => {
    const record = parseAstmRecord('H|\\^&|||LIS^1');
    expect(serializeAstmRecord(record)).toBe('H|\\^&|||LIS^1');
    expect(serializeAstmRecord(record, { field: '|', repeat: '@', component: '^', escape: '\\' })).toBe(
      'H|@^\\|||LIS^1'
    );
  });

  it('is the inverse of parsing for records as sent by instruments', () => {
    for (const line of [
      'O|1|11625^CL-PL-24-0370         ^1^^004|R1|^^^685/\\^^^687/|R',
      'M|1|RR^BM^c111^1|-21|-21\\-21\\1\\1|0.018514',
      'L||',
      'L',
    ]) {
      expect(serializeAstmRecord(parseAstmRecord(line))).toBe(line);
    }
  });

  const delimiterSets = fc.constantFrom<AstmDelimiters>(
    defaultAstmDelimiters,
    { field: '|', repeat: '@', component: '^', escape: '\\' },
    { field: '|', repeat: '\\', component: '!', escape: '~' }
  );
  const value = fc.string({
    unit: fc.constantFrom('a', 'Z', '1', ' ', '|', '\\', '^', '&', '@', '!', '~', '\r', '\n', 'é', '.'),
    maxLength: 10,
  });
  const field = fc.array(fc.array(value, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });
  const record = fc.tuple(fc.constantFrom('P', 'O', 'R', 'C', 'Q', 'M', 'L'), fc.array(field, { maxLength: 12 }));

  it('parse ∘ serialize is the identity on generated records, escaping included', () => {
    fc.assert(
      fc.property(delimiterSets, fc.array(record, { maxLength: 6 }), (delimiters, records) => {
        const input = [
          makeAstmRecord('H', { 5: 'SENDER' }),
          ...records.map(([type, fields]) => ({ fields: [[[type]], ...fields] })),
          makeAstmRecord('L', { 2: '1', 3: 'N' }),
        ];
        const text = serializeAstmMessage(input, delimiters);
        const parsed = tryParseAstmMessages(text);
        expect(parsed.ok).toBe(true);
        expect(parsed.messages).toHaveLength(1);
        expect(parsed.messages[0]?.delimiters).toEqual(delimiters);
        expect(parsed.messages[0]?.records.slice(1).map((r) => r.fields)).toEqual(input.slice(1).map((r) => r.fields));
        // and serializing the parsed message again gives the same bytes
        expect(serializeAstmMessage(parsed.messages[0]?.records ?? [], delimiters)).toBe(text);
      })
    );
  });
});
