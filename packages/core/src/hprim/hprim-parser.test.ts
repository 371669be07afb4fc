import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeInstrumentText } from '../astm/instrument-charset.js';
import { findHprimSegments, getHprimPath, getHprimSubcomponents, getHprimValue } from './hprim-access.js';
import { decodeHprim } from './hprim-decode.js';
import { defaultHprimDelimiters, readHprimDelimiters } from './hprim-delimiters.js';
import { tryParseHprim } from './hprim-parser.js';
import { serializeHprimMessage, serializeHprimSegment } from './hprim-serializer.js';

describe('readHprimDelimiters', () => {
  it('reads field, component, repetition, escape, subcomponent (component ~ and repeat ^, unlike HL7)', () => {
    expect(readHprimDelimiters('H|~^\\&|FILE.HPR')).toEqual({ delimiters: defaultHprimDelimiters });
    expect(readHprimDelimiters('H|^~\\&|X').delimiters).toEqual({
      field: '|',
      component: '^',
      repeat: '~',
      escape: '\\',
      subcomponent: '&',
    });
  });

  it.each(['H|~^\\', 'H|~~\\&|', 'H|~^\\a|', 'H|~^\\&~|'])('refuses %s', (line) => {
    const result = readHprimDelimiters(line);
    expect(result.issue?.code).toBe('SIL_HPRIM_DELIMITERS_INVALID');
    expect(result.delimiters).toEqual(defaultHprimDelimiters);
  });
});

describe('tryParseHprim', () => {
  it('merges A continuations into the previous segment before splitting fields (a cut may fall mid-component)', () => {
    const text =
      'H|~^\\&|F.HPR\rOBR|1||~R1|TSH~TSH~L|S|||||||||||PILO~DR PITO~L~TESTHP~Cliniq\rA|ue HP~L|0468\rA|638395\rL|1\r';
    const { ok, message, issues } = tryParseHprim(text);
    expect(ok).toBe(true);
    expect(issues).toEqual([]);
    expect(message.segments.map((s) => s.name)).toEqual(['H', 'OBR', 'L']);
    const obr = message.segments[1];
    expect(obr).toMatchObject({ line: 2, lineCount: 3 });
    expect(obr?.fields[16]).toEqual([['PILO', 'DR PITO', 'L', 'TESTHP', 'Clinique HP', 'L']]);
    expect(obr && getHprimValue(obr, 18)).toBe('0468638395');
  });

  it('numbers fields with the segment name as field 1; H.2 is the separator definition', () => {
    const { message } = tryParseHprim('H|~^\\&|F.HPR||PO~LABM||ORU|||HPRIM~TESTE||P|H2.4~L|201301011200\nL|1\n');
    expect(getHprimPath(message, 'H.2')).toBe('~^\\&');
    expect(getHprimPath(message, 'H.5.2')).toBe('LABM');
    expect(getHprimPath(message, 'H.7')).toBe('ORU');
    expect(getHprimPath(message, 'H.13')).toBe('H2.4~L');
    expect(getHprimPath(message, 'H.13.2')).toBe('L');
  });

  it('splits repetitions on ^ and components on ~, decodes escapes, keeps subcomponents reachable', () => {
    const { message } = tryParseHprim(
      'H|~^\\&\rOBX|1|ST|C1~Libellé \\S\\ tilde~L||a\\R\\b^c|||N\\F\\A|||F\rERR|T|2|P~3~11934&981126001\rL|1\r'
    );
    const obx = findHprimSegments(message, 'OBX')[0];
    expect(obx?.fields[3]).toEqual([['C1', 'Libellé ~ tilde', 'L']]);
    expect(obx?.fields[5]).toEqual([['a^b'], ['c']]);
    expect(obx && getHprimValue(obx, 9)).toBe('N|A');
    const err = findHprimSegments(message, 'ERR')[0];
    expect(err && getHprimSubcomponents(err, message.delimiters, 4, 3)).toEqual(['11934', '981126001']);
  });

  it('reports what it tolerates and what it cannot use', () => {
    expect(tryParseHprim('').issues.map((i) => i.code)).toEqual(['SIL_HPRIM_EMPTY_MESSAGE']);
    expect(tryParseHprim('A|orphan\rL|1\r').issues.map((i) => i.code)).toEqual([
      'SIL_HPRIM_NO_HEADER',
      'SIL_HPRIM_ORPHAN_CONTINUATION',
    ]);
    expect(tryParseHprim('H|~^\\&\rZZZ|1\rP~1~2\rOBX|1').issues.map((i) => i.code)).toEqual([
      'SIL_HPRIM_UNKNOWN_SEGMENT',
      'SIL_HPRIM_DELIMITER_MISMATCH',
      'SIL_HPRIM_NO_TERMINATOR',
    ]);
    const long = tryParseHprim(`H|~^\\&\rC|1|L|${'x'.repeat(300)}\rL|1\r`);
    expect(long.ok).toBe(true);
    expect(long.issues.map((i) => [i.code, i.line])).toEqual([['SIL_HPRIM_LINE_TOO_LONG', 2]]);
  });

  it('never throws on any text', () => {
    const char = fc.oneof(
      fc.constantFrom('H', 'A', 'O', 'B', 'X', '|', '~', '^', '\\', '&', '\r', '\n', '1'),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))
    );
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 300 }), (text) => {
        const result = tryParseHprim(text);
        expect(result.ok).toBe(!result.issues.some((i) => i.severity === 'error'));
      })
    );
  });
});

describe('serializeHprimMessage', () => {
  it('writes H with its separator definition and cuts long segments into A| lines of ≤ 220 characters', () => {
    const text = serializeHprimMessage([
      { fields: [[['H']], [['']], [['F.HPR']]] },
      { fields: [[['C']], [['1']], [['L']], [['x'.repeat(500)]]] },
      { fields: [[['L']], [['1']]] },
    ]);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines[0]).toBe('H|~^\\&|F.HPR');
    expect(lines.slice(2, 4).every((line) => line.startsWith('A|'))).toBe(true);
    expect(lines.every((line) => line.length + 2 <= 220)).toBe(true);
    expect(tryParseHprim(text).message.segments[1]?.fields[3]).toEqual([['x'.repeat(500)]]);
  });

  const value = fc.string({
    unit: fc.constantFrom('a', 'é', ' ', '|', '~', '^', '\\', '&', '\r', 'A', '.'),
    maxLength: 12,
  });
  const field = fc.array(fc.array(value, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });
  const segment = fc.tuple(fc.constantFrom('P', 'OBR', 'OBX', 'C', 'AP'), fc.array(field, { maxLength: 30 }));

  it('parse ∘ serialize is the identity on generated segments, whatever the line limit and ending', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 5 }),
        fc.integer({ min: 20, max: 220 }),
        fc.constantFrom('\r', '\r\n') as fc.Arbitrary<'\r' | '\r\n'>,
        (segments, maxLineLength, lineEnding) => {
          const input = [
            { fields: [[['H']], [['']]] },
            ...segments.map(([name, fields]) => ({ fields: [[[name]], ...fields] })),
            { fields: [[['L']], [['1']]] },
          ];
          const text = serializeHprimMessage(input, { maxLineLength, lineEnding });
          expect(text.split(lineEnding).every((line) => line.length + lineEnding.length <= maxLineLength)).toBe(true);
          const parsed = tryParseHprim(text);
          expect(parsed.ok).toBe(true);
          expect(parsed.message.segments.slice(1).map((s) => s.fields)).toEqual(input.slice(1).map((s) => s.fields));
          expect(parsed.message.segments.map((s) => serializeHprimSegment(s)).slice(1)).toEqual(
            input.slice(1).map((s) => serializeHprimSegment(s))
          );
        }
      )
    );
  });
});

describe('decodeHprim', () => {
  it('reads ISO 8859-1 / Windows-1252 bytes and UTF-8 re-encodings', () => {
    const latin = Uint8Array.of(...encodeInstrumentText('P|1||||CÉLINE~Zoé', 'iso-8859-1'), 0x9c);
    expect(decodeHprim(latin)).toEqual({ text: 'P|1||||CÉLINE~Zoéœ', charset: 'windows-1252' });
    expect(decodeHprim(encodeInstrumentText('µmol/L', 'utf-8'))).toEqual({ text: 'µmol/L', charset: 'utf-8' });
    expect(decodeHprim(Uint8Array.of(0xb5), { charset: 'iso-8859-1' }).text).toBe('µ');
  });
});
