import { describe, expect, it } from 'vitest';
import { ageBandDays } from './age.js';
import {
  formatReferenceInterval,
  referenceSexOf,
  selectReferenceInterval,
  validateReferenceIntervals,
  type ReferenceInterval,
} from './reference-interval.js';

const WHO_2011 = 'WHO 2011, Haemoglobin concentrations for the diagnosis of anaemia (g/dL thresholds)';

function interval(partial: Partial<ReferenceInterval>): ReferenceInterval {
  return { sex: null, ageMinDays: 0, ageMaxDays: null, low: null, high: null, source: 'test', ...partial };
}

// Haemoglobin (g/dL): adult thresholds of WHO 2011 (anaemia below 12 F / 13 M from 15 years), a
// unisex child band, and a narrow neonatal band as a catalogue would hold them.
const FIFTEEN_YEARS = ageBandDays({ years: 15 }); // 5478 days
const haemoglobin: ReferenceInterval[] = [
  interval({ ageMinDays: 0, ageMaxDays: 2, low: 14.5, high: 22.5, source: 'neonatal band (test)' }),
  interval({ ageMinDays: 2, ageMaxDays: FIFTEEN_YEARS, low: 11, high: 15.5, source: 'child band (test)' }),
  interval({ sex: 'F', ageMinDays: FIFTEEN_YEARS, low: 12, high: 16, source: WHO_2011 }),
  interval({ sex: 'M', ageMinDays: FIFTEEN_YEARS, low: 13, high: 17, source: WHO_2011 }),
  interval({ ageMinDays: FIFTEEN_YEARS, low: 12, high: 17, source: 'unisex adult fallback (test)' }),
];

describe('selectReferenceInterval', () => {
  it.each([
    // [sex, ageDays, expected index, why]
    ['F', 0, 0, 'day of birth: neonatal band'],
    ['M', 1, 0, 'day 1: neonatal band'],
    ['M', 2, 1, 'ageMaxDays is exclusive: day 2 is in the child band'],
    ['F', 5477, 1, 'last day before the 15-year band'],
    ['F', 5478, 2, 'sex-specific adult band beats the unisex fallback'],
    ['M', 30_000, 3, 'open upper bound'],
    [null, 10_000, 4, 'unknown sex: only unisex intervals apply'],
  ] as const)('%s, %i days → interval %i (%s)', (sex, ageDays, index, _why) => {
    expect(selectReferenceInterval(haemoglobin, { sex, ageDays })).toBe(haemoglobin[index]);
  });

  it('sex-specific beats unisex even when the unisex band is narrower', () => {
    const narrowUnisex = interval({ ageMinDays: 6000, ageMaxDays: 7000, low: 1, high: 2 });
    const wideFemale = interval({ sex: 'F', ageMinDays: 0, low: 3, high: 4 });
    expect(selectReferenceInterval([narrowUnisex, wideFemale], { sex: 'F', ageDays: 6500 })).toBe(wideFemale);
  });

  it('narrowest age band among equally sex-specific intervals; first listed on a tie', () => {
    const wide = interval({ sex: 'M', ageMinDays: 0, ageMaxDays: 36_500, low: 1, high: 2 });
    const narrow = interval({ sex: 'M', ageMinDays: 6000, ageMaxDays: 7000, low: 3, high: 4 });
    const twin = interval({ sex: 'M', ageMinDays: 6000, ageMaxDays: 7000, low: 5, high: 6 });
    expect(selectReferenceInterval([wide, narrow, twin], { sex: 'M', ageDays: 6500 })).toBe(narrow);
    expect(selectReferenceInterval([wide, twin, narrow], { sex: 'M', ageDays: 6500 })).toBe(twin);
  });

  it('no applicable interval → null', () => {
    expect(selectReferenceInterval([interval({ sex: 'F', low: 1 })], { sex: 'M', ageDays: 100 })).toBeNull();
    expect(selectReferenceInterval([], { sex: 'F', ageDays: 100 })).toBeNull();
  });
});

describe('referenceSexOf', () => {
  it.each([
    ['F', 'F'],
    ['M', 'M'],
    ['I', null],
    [null, null],
    ['f', null],
  ] as const)('%s → %s', (sex, expected) => {
    expect(referenceSexOf(sex)).toBe(expected);
  });
});

describe('validateReferenceIntervals', () => {
  it('accepts the haemoglobin table (sex-specific bands may overlap a unisex one)', () => {
    expect(validateReferenceIntervals(haemoglobin)).toEqual([]);
  });

  it.each([
    ['low above high', [interval({ low: 5, high: 4 })], 'SIL_REFERENCE_INTERVAL_INVALID'],
    ['empty age band', [interval({ ageMinDays: 10, ageMaxDays: 10, low: 1 })], 'SIL_REFERENCE_INTERVAL_INVALID'],
    ['negative age', [interval({ ageMinDays: -1, low: 1 })], 'SIL_REFERENCE_INTERVAL_INVALID'],
    ['fractional age', [interval({ ageMinDays: 1.5, low: 1 })], 'SIL_REFERENCE_INTERVAL_INVALID'],
    ['no limit, no text', [interval({})], 'SIL_REFERENCE_INTERVAL_INVALID'],
    ['no source', [interval({ low: 1, source: ' ' })], 'SIL_REFERENCE_INTERVAL_INVALID'],
    [
      'same sex, overlapping bands',
      [interval({ sex: 'F', ageMinDays: 0, ageMaxDays: 100, low: 1 }), interval({ sex: 'F', ageMinDays: 99, low: 2 })],
      'SIL_REFERENCE_INTERVAL_OVERLAP',
    ],
  ] as const)('%s → %s', (_why, intervals, code) => {
    const issues = validateReferenceIntervals(intervals);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message.startsWith(code)).toBe(true);
  });

  it('adjacent half-open bands do not overlap', () => {
    const adjacent = [interval({ ageMaxDays: 7, low: 1 }), interval({ ageMinDays: 7, low: 2 })];
    expect(validateReferenceIntervals(adjacent)).toEqual([]);
  });

  it('accepts a text-only interval', () => {
    expect(validateReferenceIntervals([interval({ text: 'Négatif' })])).toEqual([]);
  });
});

describe('formatReferenceInterval', () => {
  // Limits printed on a real French report (FreeMedForms HPRIM test report, see
  // fixtures/units/unit_conversion_vectors.DERIVED.json part B).
  it.each([
    [interval({ low: 4.11, high: 5.88 }), 2, '4,11 – 5,88'],
    [interval({ low: 0.74, high: 1.06 }), 2, '0,74 – 1,06'],
    [interval({ high: 5.18 }), 2, '≤ 5,18'],
    [interval({ low: 1.03 }), 2, '≥ 1,03'],
    [interval({ low: 53.1, high: 97.4 }), 1, '53,1 – 97,4'],
    [interval({ low: 25, high: 60 }), 0, '25 – 60'],
    [interval({ high: 5, text: 'absence d’inflammation' }), 1, '≤ 5,0 (absence d’inflammation)'],
    [interval({ text: 'Négatif' }), 0, 'Négatif'],
  ])('%o with %i decimals → %s', (value, decimals, expected) => {
    expect(formatReferenceInterval(value, decimals)).toBe(expected);
  });
});
