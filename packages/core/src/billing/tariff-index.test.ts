import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../test-support/shared-fixtures.js';
import { parseCoefficientHistory, parseNabmActs } from './nabm-import.js';
import type { CoefficientPeriod, NabmAct } from './nabm-types.js';
import { buildTariffIndex, lookupCoefficient } from './tariff-index.js';

const glucose: NabmAct = {
  code: '0552',
  label: 'GLUCOSE',
  createdOn: '1996-01-01',
  suppressedOn: null,
  chapter: '13',
  groupCode: '6',
  groupLabel: 'EXPLORATION GLUCIDIQUE',
  keyLetter: 'B',
  coefficientHundredths: 500,
  coefficientValidFrom: '2009-02-08',
  coefficientValidTo: null,
  properties: {},
};
const period = (validFrom: string, validTo: string | null, hundredths: number): CoefficientPeriod => ({
  code: '0552',
  keyLetter: 'B',
  coefficientHundredths: hundredths,
  validFrom,
  validTo,
});

describe('tariff index', () => {
  it('applies the period in force on the day; the newest start wins between the release row and the history', () => {
    const index = buildTariffIndex(
      [glucose],
      [period('2005-12-11', '2009-02-07', 1000), period('2025-03-01', null, 600)]
    );
    const at = (date: string) => {
      const found = lookupCoefficient(index, '0552', date);
      return found.ok ? found.coefficientHundredths : found.code;
    };
    expect(at('2008-01-01')).toBe(1000);
    expect(at('2009-02-08')).toBe(500); // the release row (BIO_HIS_DTD 08FEB2009)
    expect(at('2025-02-28')).toBe(500);
    expect(at('2025-03-01')).toBe(600); // a newer history row overrides it
    expect(at('2005-12-10')).toBe('SIL_NABM_NO_COEFFICIENT_AT_DATE');
  });

  it('refuses unknown codes and acts outside their creation / deletion dates', () => {
    const deleted: NabmAct = { ...glucose, code: '3785', createdOn: '1997-07-30', suppressedOn: '2019-02-01' };
    const index = buildTariffIndex([glucose, deleted], []);
    expect(lookupCoefficient(index, '7777', '2025-06-02')).toMatchObject({ ok: false, code: 'SIL_NABM_UNKNOWN_ACT' });
    expect(lookupCoefficient(index, '3785', '2019-02-01').ok).toBe(true); // deletion day is the last valid day
    expect(lookupCoefficient(index, '3785', '2019-02-02')).toMatchObject({
      ok: false,
      code: 'SIL_NABM_ACT_NOT_VALID_AT_DATE',
    });
    expect(lookupCoefficient(index, '3785', '1997-07-29')).toMatchObject({
      ok: false,
      code: 'SIL_NABM_ACT_NOT_VALID_AT_DATE',
    });
  });

  describe.skipIf(!sharedFixtures.available)('built from the CNAM release files', () => {
    const acts = parseNabmActs(sharedFixtures.textWithoutHeader('france/nabm/IR_BIO_R_nabm_actes_biologie.csv'));
    const history = parseCoefficientHistory(
      sharedFixtures.textWithoutHeader('france/nabm/IR_BTF_R_coefficient_history.csv')
    );
    const index = buildTariffIndex(acts.ok ? acts.rows : [], history.ok ? history.rows : []);
    const at = (code: string, date: string) => {
      const found = lookupCoefficient(index, code, date);
      return found.ok ? found.coefficientHundredths : found.code;
    };

    it.each([
      // IR_BTF_R 1104: B 26 from 14APR2018 to 31MAR2019, then B 25 from 01APR2019 (open end).
      ['1104', '2018-06-01', 2600],
      ['1104', '2025-06-02', 2500],
      // 9005: B 16 (20APR2016 → 31MAR2019), B 17 from 01APR2019; created at B 3 on 08FEB2009.
      ['9005', '2009-02-08', 300],
      ['9005', '2018-06-01', 1600],
      ['9005', '2025-06-02', 1700],
      // 0559: B 40 / B 30 / B 25.
      ['0559', '2009-06-01', 4000],
      ['0559', '2010-06-01', 3000],
      ['0559', '2025-06-01', 2500],
      ['0552', '2025-06-02', 500],
      ['9105', '2025-06-02', 500],
      ['0388', '2025-06-02', 4500],
      ['3784', '2025-06-02', 4800],
    ])('%s on %s: %i hundredths', (code, date, hundredths) => {
      expect(at(code, date)).toBe(hundredths);
    });

    it('refuses 3785 after its deletion (2019-02-01)', () => {
      expect(at('3785', '2025-06-02')).toBe('SIL_NABM_ACT_NOT_VALID_AT_DATE');
    });

    it('keeps history codes without an act out of billing (29 in this snapshot)', () => {
      expect(index.orphanHistoryCodes).toHaveLength(29);
      expect(index.acts.size).toBe(1076);
    });
  });
});
