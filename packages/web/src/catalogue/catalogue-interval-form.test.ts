import { describe, expect, it } from 'vitest';
import { emptyIntervalRow, intervalToRow, rowsToIntervals, type IntervalRow } from './catalogue-interval-form.js';
import type { ReferenceInterval } from './catalogue-types.js';

const source = 'Tietz 7e éd.';

function row(overrides: Partial<IntervalRow>): IntervalRow {
  return { ...emptyIntervalRow(), source, ...overrides };
}

describe('reference interval rows ↔ API', () => {
  it('maps an API interval to a row in the units it was entered in, with a decimal comma in French', () => {
    const interval: ReferenceInterval = { sex: 'M', ageMinDays: 6575, ageMaxDays: null, low: 3.5, high: 5.1, source };
    expect(intervalToRow(interval, 'fr')).toEqual({
      sex: 'M',
      ageMin: '18',
      ageMinUnit: 'years',
      ageMax: '',
      ageMaxUnit: 'years',
      low: '3,5',
      high: '5,1',
      text: '',
      source,
    });
    expect(intervalToRow({ ...interval, sex: null, ageMinDays: 0, ageMaxDays: 31 }, 'en')).toMatchObject({
      sex: 'all',
      ageMin: '0',
      ageMinUnit: 'days',
      ageMax: '31',
      ageMaxUnit: 'days',
      low: '3.5',
    });
  });

  it('round-trips the intervals of an analyte unchanged', () => {
    const intervals: ReferenceInterval[] = [
      { sex: null, ageMinDays: 0, ageMaxDays: 31, low: 3.7, high: 5.9, source: `${source} (nouveau-né)` },
      { sex: null, ageMinDays: 31, ageMaxDays: 6575, low: 3.5, high: 5.1, source },
      { sex: 'F', ageMinDays: 6575, ageMaxDays: null, low: null, high: 5, text: 'À jeun', source },
    ];
    const rows = intervals.map((interval) => intervalToRow(interval, 'fr'));
    expect(rowsToIntervals(rows, true)).toEqual({ intervals, issues: [] });
  });

  it('converts ages typed in months and years to days, and a blank maximum to no bound', () => {
    const { intervals, issues } = rowsToIntervals(
      [row({ ageMin: '6', ageMinUnit: 'months', ageMax: '2', ageMaxUnit: 'years', low: '10', high: '36' })],
      true
    );
    expect(issues).toEqual([]);
    expect(intervals[0]).toMatchObject({ sex: null, ageMinDays: 183, ageMaxDays: 731, low: 10, high: 36 });
    expect(rowsToIntervals([row({ low: '1' })], true).intervals[0]?.ageMaxDays).toBeNull();
  });

  it('refuses low above high, max age not above min age, no limit nor text, a short source', () => {
    const { intervals, issues } = rowsToIntervals(
      [
        row({ low: '5,1', high: '3,5' }),
        row({ ageMin: '1', ageMinUnit: 'years', ageMax: '12', ageMaxUnit: 'months', low: '1' }),
        row({}),
        row({ low: '1', source: 'ab' }),
        row({ low: 'abc' }),
      ],
      true
    );
    expect(intervals).toEqual([]);
    expect(issues).toEqual([
      { path: 'referenceIntervals.0.low', key: 'lowAboveHigh' },
      { path: 'referenceIntervals.1.ageMax', key: 'ageMaxAboveMin' },
      { path: 'referenceIntervals.2.low', key: 'limitOrText' },
      { path: 'referenceIntervals.3.source', key: 'sourceRule' },
      { path: 'referenceIntervals.4.low', key: 'number' },
    ]);
  });

  it('accepts low equal to high (limits are inclusive)', () => {
    expect(rowsToIntervals([row({ low: '2', high: '2' })], true).issues).toEqual([]);
  });

  it('refuses overlapping bands of the same sex and names the other row; other sexes may overlap', () => {
    const rows = [
      row({ ageMin: '0', ageMax: '18', ageMaxUnit: 'years', low: '1' }),
      row({ sex: 'F', ageMin: '15', ageMinUnit: 'years', low: '1' }),
      row({ ageMin: '17', ageMinUnit: 'years', low: '2' }),
    ];
    expect(rowsToIntervals(rows, true).issues).toEqual([
      { path: 'referenceIntervals.2.ageMin', key: 'overlap', values: { row: 1 } },
    ]);
    // Half-open bands: [0, 18 ans) then [18 ans, ∞) touch without overlapping.
    rows[2] = row({ ageMin: '18', ageMinUnit: 'years', low: '2' });
    expect(rowsToIntervals(rows, true).issues).toEqual([]);
  });

  it('drops the limits of coded and text results and asks for a text instead', () => {
    const coded = rowsToIntervals([row({ low: '1', text: 'Négatif' })], false);
    expect(coded.intervals[0]).toMatchObject({ low: null, high: null, text: 'Négatif' });
    expect(rowsToIntervals([row({ low: '1' })], false).issues).toEqual([
      { path: 'referenceIntervals.0.text', key: 'limitOrText' },
    ]);
  });
});
