import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimalFr, roundHalfAwayFromZero } from './decimal-format.js';
import {
  checkResultValue,
  formatNumericResult,
  formatResultValue,
  parseCodedInput,
  parseNumericInput,
  parseResultValue,
  parseTextInput,
  type CodedOption,
  type ResultValue,
} from './result-value.js';

describe('parseNumericInput', () => {
  it.each([
    // [typed, decimals, value, comparator, stored decimals]
    ['12,5', 1, 12.5, null, 1],
    ['12.5', 1, 12.5, null, 1],
    ['  12,5\t', 1, 12.5, null, 1],
    [',5', 2, 0.5, null, 2],
    ['0,91', 2, 0.91, null, 2],
    ['5', 2, 5, null, 2],
    ['+5', 0, 5, null, 0],
    ['-3,2', 1, -3.2, null, 1],
    ['\u22123,2', 1, -3.2, null, 1],
    ['12 500', 0, 12500, null, 0],
    ['12\u202f500,5', 1, 12500.5, null, 1],
    ['1\u00a0234\u00a0567', 0, 1234567, null, 0],
    // Rounded half away from zero to the analyte's decimals, on the typed digits.
    ['1,005', 2, 1.01, null, 2],
    ['0,125', 2, 0.13, null, 2],
    ['6,35', 1, 6.4, null, 1],
    ['-6,35', 1, -6.4, null, 1],
    ['73,46', 0, 73, null, 0],
    ['-0,04', 1, 0, null, 1],
    // Censored values keep the limit as typed.
    ['<0,5', 2, 0.5, '<', 1],
    ['< 0,5', 2, 0.5, '<', 1],
    ['<0,05', 1, 0.05, '<', 2],
    ['>1000', 0, 1000, '>', 0],
    ['≤0,5', 2, 0.5, '<=', 1],
    ['<=0,5', 2, 0.5, '<=', 1],
    ['≥ 60', 0, 60, '>=', 0],
    ['>=60', 0, 60, '>=', 0],
  ] as const)('%j (%i decimals) → %d %s', (input, decimals, value, comparator, storedDecimals) => {
    expect(parseNumericInput(input, { decimals })).toEqual({
      ok: true,
      value: { type: 'numeric', value, comparator, decimals: storedDecimals },
    });
  });

  it.each([
    ['', 'SIL_RESULT_VALUE_EMPTY'],
    ['   ', 'SIL_RESULT_VALUE_EMPTY'],
    ['abc', 'SIL_RESULT_VALUE_INVALID'],
    ['12,5 g/L', 'SIL_RESULT_VALUE_INVALID'],
    ['1,2,3', 'SIL_RESULT_VALUE_INVALID'],
    ['1,234.5', 'SIL_RESULT_VALUE_INVALID'],
    ['1.234,5', 'SIL_RESULT_VALUE_INVALID'],
    ['1e3', 'SIL_RESULT_VALUE_INVALID'],
    ['12 5', 'SIL_RESULT_VALUE_INVALID'],
    ['1234 567', 'SIL_RESULT_VALUE_INVALID'],
    ['<', 'SIL_RESULT_VALUE_INVALID'],
    ['5,', 'SIL_RESULT_VALUE_INVALID'],
    ['--5', 'SIL_RESULT_VALUE_INVALID'],
    ['<>5', 'SIL_RESULT_VALUE_INVALID'],
    ['5<', 'SIL_RESULT_VALUE_INVALID'],
    ['NaN', 'SIL_RESULT_VALUE_INVALID'],
    ['Infinity', 'SIL_RESULT_VALUE_INVALID'],
    ['9'.repeat(400), 'SIL_RESULT_VALUE_INVALID'],
  ])('%j → %s', (input, code) => {
    expect(parseNumericInput(input, { decimals: 1 })).toMatchObject({ ok: false, code });
  });

  it.each([
    ['-1', { min: 0 }, 'SIL_RESULT_VALUE_OUT_OF_RANGE'],
    ['101', { max: 100 }, 'SIL_RESULT_VALUE_OUT_OF_RANGE'],
    ['100', { max: 100 }, null],
    ['0', { min: 0 }, null],
    ['-0,04', { min: 0 }, null], // rounds to 0 at 1 decimal, which is allowed
  ] as const)('%j with %o → %s', (input, limits, code) => {
    const outcome = parseNumericInput(input, { decimals: 1, ...limits });
    expect(outcome.ok ? null : outcome.code).toBe(code);
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.integer({ min: 0, max: 6 }), (input, decimals) => {
        const outcome = parseNumericInput(input, { decimals });
        expect(typeof outcome.ok).toBe('boolean');
      })
    );
  });

  it('reads back what formatDecimalFr writes (parse ∘ format is the rounding)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (value, decimals, grouping) => {
          const text = formatDecimalFr(value, decimals, { grouping });
          const parsed = parseNumericInput(text, { decimals });
          expect(parsed).toEqual({
            ok: true,
            value: { type: 'numeric', value: roundHalfAwayFromZero(value, decimals), comparator: null, decimals },
          });
          if (parsed.ok && parsed.value.type === 'numeric') {
            expect(formatNumericResult(parsed.value, { grouping })).toBe(text);
          }
        }
      )
    );
  });

  it('a censored value survives format → parse unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('<' as const, '<=' as const, '>' as const, '>=' as const),
        (scaled, decimals, comparator) => {
          const value: ResultValue = { type: 'numeric', value: scaled / 10 ** decimals, comparator, decimals };
          const text = formatResultValue(value);
          expect(parseNumericInput(text, { decimals: 2 })).toEqual({ ok: true, value });
        }
      )
    );
  });
});

// ABO group and RAI (antibody screening), the coded results of issue 3.
const abo: CodedOption[] = [
  { code: 'A', label: 'A' },
  { code: 'B', label: 'B' },
  { code: 'AB', label: 'AB' },
  { code: 'O', label: 'O' },
];
const rai: CodedOption[] = [
  { code: 'NEG', label: 'Négative' },
  { code: 'POS', label: 'Positive' },
];

describe('parseCodedInput', () => {
  it.each([
    ['ab', abo, 'AB'],
    [' O ', abo, 'O'],
    ['neg', rai, 'NEG'],
    ['négative', rai, 'NEG'],
    ['NEGATIVE', rai, 'NEG'],
    ['Positive', rai, 'POS'],
  ])('%j → %s', (input, options, code) => {
    expect(parseCodedInput(input, options)).toEqual({ ok: true, value: { type: 'coded', code } });
  });

  it.each([
    ['0', abo, 'SIL_RESULT_CODE_UNKNOWN'],
    ['A+', abo, 'SIL_RESULT_CODE_UNKNOWN'],
    ['douteux', rai, 'SIL_RESULT_CODE_UNKNOWN'],
    ['  ', rai, 'SIL_RESULT_VALUE_EMPTY'],
  ])('%j → %s', (input, options, code) => {
    expect(parseCodedInput(input, options)).toMatchObject({ ok: false, code });
  });

  it('a code match wins over a label match', () => {
    const options: CodedOption[] = [
      { code: 'X', label: 'Y' },
      { code: 'Y', label: 'Z' },
    ];
    expect(parseCodedInput('y', options)).toEqual({ ok: true, value: { type: 'coded', code: 'Y' } });
  });
});

describe('parseTextInput', () => {
  it('normalises line breaks and trims', () => {
    expect(parseTextInput('  Leucocytes < 10/mm³\r\nAbsence de germe\r ')).toEqual({
      ok: true,
      value: { type: 'text', text: 'Leucocytes < 10/mm³\nAbsence de germe' },
    });
  });

  it('NFC-normalises (a decomposed é is stored composed)', () => {
    expect(parseTextInput('re\u0301sultat')).toEqual({ ok: true, value: { type: 'text', text: 'r\u00e9sultat' } });
  });

  it.each([
    ['', 2000, 'SIL_RESULT_VALUE_EMPTY'],
    ['a\u0000b', 2000, 'SIL_RESULT_TEXT_INVALID_CHARACTER'],
    ['a\u001bb', 2000, 'SIL_RESULT_TEXT_INVALID_CHARACTER'],
    ['a\u0085b', 2000, 'SIL_RESULT_TEXT_INVALID_CHARACTER'],
    ['x'.repeat(2001), 2000, 'SIL_RESULT_TEXT_TOO_LONG'],
    ['abcdef', 5, 'SIL_RESULT_TEXT_TOO_LONG'],
  ])('%j (max %i) → %s', (input, maxLength, code) => {
    expect(parseTextInput(input, maxLength)).toMatchObject({ ok: false, code });
  });

  it('counts code points, not UTF-16 units', () => {
    expect(parseTextInput('😀'.repeat(5), 5).ok).toBe(true);
  });

  it('default limit is 2000 characters', () => {
    expect(parseTextInput('x'.repeat(2000)).ok).toBe(true);
  });
});

describe('parseResultValue dispatches on the result type', () => {
  it.each([
    [
      '12,5',
      { type: 'numeric', decimals: 1 } as const,
      { type: 'numeric', value: 12.5, comparator: null, decimals: 1 },
    ],
    ['pos', { type: 'coded', options: rai } as const, { type: 'coded', code: 'POS' }],
    ['12,5', { type: 'text' } as const, { type: 'text', text: '12,5' }],
  ])('%j as %o', (input, spec, value) => {
    expect(parseResultValue(input, spec)).toEqual({ ok: true, value });
  });

  it('a coded entry in a numeric analyte is refused', () => {
    expect(parseResultValue('POS', { type: 'numeric', decimals: 0 })).toMatchObject({
      ok: false,
      code: 'SIL_RESULT_VALUE_INVALID',
    });
  });
});

describe('formatResultValue', () => {
  it.each([
    [{ type: 'numeric', value: 12.5, comparator: null, decimals: 2 }, undefined, '12,50'],
    [{ type: 'numeric', value: 0.5, comparator: '<=', decimals: 1 }, undefined, '≤0,5'],
    [{ type: 'numeric', value: 60, comparator: '>', decimals: 0 }, undefined, '>60'],
    [{ type: 'coded', code: 'NEG' }, rai, 'Négative'],
    [{ type: 'coded', code: 'NEG' }, undefined, 'NEG'],
    [{ type: 'text', text: 'Absence de germe' }, undefined, 'Absence de germe'],
  ] as const)('%o → %s', (value, options, expected) => {
    expect(formatResultValue(value, options)).toBe(expected);
  });
});

describe('checkResultValue (structured values from the API or an instrument)', () => {
  const numeric = { type: 'numeric', decimals: 1, min: 0 } as const;
  it.each([
    [{ type: 'numeric', value: 12.5, comparator: null, decimals: 1 }, numeric, null],
    [{ type: 'numeric', value: 0.05, comparator: '<', decimals: 2 }, numeric, null],
    [{ type: 'numeric', value: 12.55, comparator: null, decimals: 1 }, numeric, 'SIL_RESULT_VALUE_INVALID'],
    [{ type: 'numeric', value: 12.5, comparator: null, decimals: 2 }, numeric, 'SIL_RESULT_VALUE_INVALID'],
    [{ type: 'numeric', value: Number.NaN, comparator: null, decimals: 1 }, numeric, 'SIL_RESULT_VALUE_INVALID'],
    [{ type: 'numeric', value: -1, comparator: null, decimals: 1 }, numeric, 'SIL_RESULT_VALUE_OUT_OF_RANGE'],
    [{ type: 'coded', code: 'POS' }, numeric, 'SIL_RESULT_TYPE_MISMATCH'],
    [{ type: 'coded', code: 'POS' }, { type: 'coded', options: rai }, null],
    [{ type: 'coded', code: 'pos' }, { type: 'coded', options: rai }, 'SIL_RESULT_CODE_UNKNOWN'],
    [{ type: 'text', text: 'Absence de germe' }, { type: 'text' }, null],
    [{ type: 'text', text: ' padded ' }, { type: 'text' }, 'SIL_RESULT_VALUE_INVALID'],
    [{ type: 'text', text: 'abcdef' }, { type: 'text', maxLength: 5 }, 'SIL_RESULT_TEXT_TOO_LONG'],
    [{ type: 'text', text: '12,5' }, numeric, 'SIL_RESULT_TYPE_MISMATCH'],
  ] as const)('%o against %o → %s', (value, spec, code) => {
    expect(checkResultValue(value, spec)).toBe(code);
  });
});
