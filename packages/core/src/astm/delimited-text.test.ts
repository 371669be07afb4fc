import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeDelimitedValue,
  joinDelimitedField,
  splitDelimitedField,
  toDelimitedField,
  unescapeDelimitedValue,
  type DelimiterSet,
} from './delimited-text.js';

const astm: DelimiterSet = { field: '|', repeat: '\\', component: '^', escape: '&' };
const hprim: DelimiterSet = { field: '|', repeat: '^', component: '~', escape: '\\', subcomponent: '&' };

const valueChar = fc.oneof(
  fc.constantFrom('|', '\\', '^', '&', '~', 'X', 'F', 'S', 'R', 'E', 'T', '0', 'd', '\r', '\n', '\t'),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))
);

describe('escape sequences (E1394 &F& &S& &R& &E& &X..&; HPRIM \\F\\ \\S\\ \\R\\ \\E\\ \\T\\)', () => {
  it.each([
    ['a&F&b', 'a|b'],
    ['a&S&b&R&c&E&d', 'a^b\\c&d'],
    ['&X41&&X0D0A&', 'A\r\n'],
    ['&H&bold&N&', '&H&bold&N&'], // highlighting is not interpreted: kept verbatim
    ['Smith & Sons', 'Smith & Sons'], // a lone escape character is data
    ['A & B & C', 'A & B & C'], // unknown sequence " B " kept verbatim
    ['&T&', '&T&'], // ASTM has no subcomponent
  ])('ASTM %s → %s', (raw, value) => {
    expect(unescapeDelimitedValue(raw, astm)).toBe(value);
  });

  it.each([
    ['a\\F\\b\\S\\c\\R\\d\\E\\e\\T\\f', 'a|b~c^d\\e&f'],
    ['\\Xe9\\', 'é'],
  ])('HPRIM %s → %s', (raw, value) => {
    expect(unescapeDelimitedValue(raw, hprim)).toBe(value);
  });

  it('escapes delimiters, the escape character and control characters', () => {
    expect(escapeDelimitedValue('a|b^c\\d&e\rf\tg', astm)).toBe('a&F&b&S&c&R&d&E&e&X0D&f\tg');
    expect(escapeDelimitedValue('a&b', hprim)).toBe('a&b');
    expect(escapeDelimitedValue('a&b', hprim, true)).toBe('a\\T\\b');
  });

  it('unescape ∘ escape is the identity for any value (ASTM and HPRIM sets)', () => {
    fc.assert(
      fc.property(fc.string({ unit: valueChar, maxLength: 80 }), (value) => {
        expect(unescapeDelimitedValue(escapeDelimitedValue(value, astm), astm)).toBe(value);
        expect(unescapeDelimitedValue(escapeDelimitedValue(value, hprim, true), hprim)).toBe(value);
      })
    );
  });
});

describe('fields', () => {
  it('splits repetitions then components', () => {
    expect(splitDelimitedField('PHY101^Forbin^Charles^A\\PHY103^Morbius^Edward', astm)).toEqual([
      ['PHY101', 'Forbin', 'Charles', 'A'],
      ['PHY103', 'Morbius', 'Edward'],
    ]);
    expect(splitDelimitedField('', astm)).toEqual([['']]);
  });

  it('join ∘ split is the identity on generated fields', () => {
    const field = fc.array(fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(field, (value) => {
        expect(splitDelimitedField(joinDelimitedField(value, astm), astm)).toEqual(value);
      })
    );
  });

  it('builder inputs: value, components, repetitions', () => {
    expect(toDelimitedField(undefined)).toEqual([['']]);
    expect(toDelimitedField('R')).toEqual([['R']]);
    expect(toDelimitedField(['', '', '', 'GLU'])).toEqual([['', '', '', 'GLU']]);
    expect(toDelimitedField([['SID102'], ['SID103']])).toEqual([['SID102'], ['SID103']]);
    expect(toDelimitedField([])).toEqual([['']]);
  });
});
