import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../test-support/shared-fixtures.js';
import { diffNabmReleases } from './nabm-diff.js';
import { parseNabmActs } from './nabm-import.js';
import type { NabmAct } from './nabm-types.js';

function act(code: string, coefficientHundredths: number | null, overrides: Partial<NabmAct> = {}): NabmAct {
  return {
    code,
    label: `ACTE ${code}`,
    createdOn: '1996-01-01',
    suppressedOn: null,
    chapter: null,
    groupCode: null,
    groupLabel: null,
    keyLetter: coefficientHundredths === null ? null : 'B',
    coefficientHundredths,
    coefficientValidFrom: '2019-04-01',
    coefficientValidTo: null,
    properties: {},
    ...overrides,
  };
}

describe('diffNabmReleases', () => {
  it('lists new acts, removed acts (absent or newly deleted) and changed coefficients, by code', () => {
    const before = [act('1104', 2600), act('0552', 500), act('3785', 5000), act('0246', 4000)];
    const after = [
      act('0552', 500),
      act('1104', 2500, { coefficientValidFrom: '2019-04-01' }),
      act('3785', 5000, { suppressedOn: '2019-02-01' }),
      act('9999', null),
    ];
    const diff = diffNabmReleases(before, after);
    expect(diff.added.map((a) => a.code)).toEqual(['9999']);
    expect(diff.removed.map((r) => [r.act.code, r.how, r.suppressedOn])).toEqual([
      ['0246', 'absent', null],
      ['3785', 'suppressed', '2019-02-01'],
    ]);
    expect(diff.changedCoefficients).toEqual([
      {
        code: '1104',
        label: 'ACTE 1104',
        keyLetterBefore: 'B',
        keyLetterAfter: 'B',
        coefficientHundredthsBefore: 2600,
        coefficientHundredthsAfter: 2500,
        validFrom: '2019-04-01',
      },
    ]);
  });

  it('sees a change of key letter as a change', () => {
    const diff = diffNabmReleases([act('0024', 10000)], [act('0024', 10000, { keyLetter: 'P' })]);
    expect(diff.changedCoefficients.map((c) => [c.keyLetterBefore, c.keyLetterAfter])).toEqual([['B', 'P']]);
  });

  describe.skipIf(!sharedFixtures.available)('on the CNAM release file', () => {
    const parsed = parseNabmActs(sharedFixtures.textWithoutHeader('france/nabm/IR_BIO_R_nabm_actes_biologie.csv'));
    const acts = parsed.ok ? parsed.rows : [];

    it('finds nothing between a release and itself', () => {
      expect(acts).toHaveLength(1076);
      expect(diffNabmReleases(acts, acts)).toEqual({ added: [], removed: [], changedCoefficients: [] });
    });

    it('finds a re-rated 1104 (B 26 → B 25) and a dropped 0552 in an edited copy', () => {
      const edited = acts
        .filter((a) => a.code !== '0552')
        .map((a) =>
          a.code === '1104' ? { ...a, coefficientHundredths: 2500, coefficientValidFrom: '2019-04-01' } : a
        );
      const diff = diffNabmReleases(acts, edited);
      expect(diff.removed.map((r) => r.act.label)).toEqual(['GLUCOSE']);
      expect(
        diff.changedCoefficients.map((c) => [c.code, c.coefficientHundredthsBefore, c.coefficientHundredthsAfter])
      ).toEqual([['1104', 2600, 2500]]);
      expect(diff.added).toEqual([]);
    });
  });
});
