import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyteRuleOf, type AnalyteColumns } from './analyte-rule.js';
import { calculate, convertFromAnalyteUnit, convertToAnalyteUnit, formulaIdOf } from './calculated-results.js';
import {
  evaluate,
  parseEntry,
  patientAtCollection,
  resultValueOf,
  sameStoredValue,
  storedValueOf,
} from './result-evaluation.js';

function analyte(overrides: Partial<AnalyteColumns>): AnalyteColumns {
  return {
    analyte_id: '00000000-0000-4000-8000-000000000001',
    analyte_code: 'X',
    analyte_label: 'X',
    result_type: 'numeric',
    decimals: 1,
    unit_ucum: 'mmol/L',
    unit_conventional: null,
    conventional_factor: null,
    coded_values: null,
    critical_low: null,
    critical_high: null,
    delta_rule: null,
    formula: null,
    reference_intervals: [],
    ...overrides,
  };
}

const adultMan = patientAtCollection('1970-05-04', 'M', new Date('2026-03-02T08:15:00+01:00'));

describe('analyte rules read from catalogue rows', () => {
  it('reads the catalogue spellings: sex "any", numeric columns as strings, missing delta window', () => {
    const rule = analyteRuleOf(
      analyte({
        conventional_factor: '0.18016',
        critical_low: '2.2',
        critical_high: null,
        delta_rule: { kind: 'percent', threshold: '20' },
        reference_intervals: [
          { sex: 'any', ageMinDays: 0, ageMaxDays: null, low: '3.9', high: 5.8, source: 'insert' },
          'garbage',
        ],
      })
    );
    expect(rule).toMatchObject({
      conventionalFactor: 0.18016,
      criticalLow: 2.2,
      criticalHigh: null,
      deltaRule: { kind: 'percent', threshold: 20, maxAgeDays: 365 },
      intervals: [{ sex: null, ageMinDays: 0, ageMaxDays: null, low: 3.9, high: 5.8, source: 'insert' }],
    });
  });

  it('reads a coded list with its abnormal and critical codes', () => {
    const rule = analyteRuleOf(
      analyte({
        result_type: 'coded',
        coded_values: [
          { code: 'NEG', label: 'Négatif', abnormal: false },
          { code: 'POS', label: 'Positif', abnormal: true, critical: true },
        ],
      })
    );
    const positive = evaluate(rule, parseEntry(rule, 'positif'), adultMan, null);
    expect(positive).toMatchObject({ flag: 'AA', critical: true });
    expect(evaluate(rule, parseEntry(rule, 'neg'), adultMan, null)).toMatchObject({ flag: 'N', critical: false });
  });
});

describe('stored values', () => {
  it('round-trips every numeric entry through the result_version columns (property)', () => {
    const rule = analyteRuleOf(analyte({ decimals: 2 }));
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999_999, max: 99_999_999 }),
        fc.constantFrom('', '<', '>', '<=', '>='),
        fc.boolean(),
        (hundredths, comparator, comma) => {
          const text = (hundredths / 100).toFixed(2);
          const typed = `${comparator}${comma ? text.replace('.', ',') : text}`;
          const value = parseEntry(rule, typed);
          const back = resultValueOf(storedValueOf(value), rule.decimals);
          expect(back).toEqual(value);
          expect(sameStoredValue(storedValueOf(value), storedValueOf(back ?? value))).toBe(true);
        }
      )
    );
  });

  it('keeps the decimals a censored value was typed with', () => {
    const rule = analyteRuleOf(analyte({ decimals: 1 }));
    const value = parseEntry(rule, '<0,05');
    expect(resultValueOf(storedValueOf(value), 1)).toEqual({
      type: 'numeric',
      value: 0.05,
      comparator: '<',
      decimals: 2,
    });
  });
});

describe('delta check at entry', () => {
  const creatinine = analyteRuleOf(
    analyte({ unit_ucum: 'umol/L', decimals: 0, delta_rule: { kind: 'absolute', threshold: 50, maxAgeDays: 30 } })
  );

  it('compares with a previous result inside the window, not with one too old, not a censored value', () => {
    const recent = { value: 80, at: new Date('2026-02-20T08:00:00+01:00') };
    const old = { value: 80, at: new Date('2025-12-01T08:00:00+01:00') };
    expect(evaluate(creatinine, parseEntry(creatinine, '140'), adultMan, recent).delta).toMatchObject({
      previousValue: 80,
      delta: 60,
      exceeded: true,
    });
    expect(evaluate(creatinine, parseEntry(creatinine, '120'), adultMan, recent).delta?.exceeded).toBe(false);
    expect(evaluate(creatinine, parseEntry(creatinine, '140'), adultMan, old).delta).toBeNull();
    expect(evaluate(creatinine, parseEntry(creatinine, '>1000'), adultMan, recent).delta).toBeNull();
  });
});

describe('calculated analytes', () => {
  const cholesterolUnits = { unit: 'mmol/L', conventionalUnit: 'g/L', conventionalFactor: 0.38665 };

  it('normalises the catalogue’s formula ids', () => {
    expect(formulaIdOf('ckd_epi_2009')).toBe('ckd-epi-2009');
    expect(formulaIdOf('LDL_FRIEDEWALD')).toBe('ldl-friedewald');
  });

  it('converts through the conventional unit when mass and amount differ (mmol/L ↔ g/L)', () => {
    expect(convertFromAnalyteUnit(5, cholesterolUnits, 'g/L')).toBeCloseTo(1.93325, 10);
    expect(convertToAnalyteUnit(1.93325, 'g/L', cholesterolUnits)).toBeCloseTo(5, 10);
    // Same dimension: a plain UCUM conversion (créatinine µmol/L → mmol/L).
    expect(
      convertFromAnalyteUnit(88.4, { unit: 'umol/L', conventionalUnit: null, conventionalFactor: null }, 'mmol/L')
    ).toBeCloseTo(0.0884, 10);
    expect(
      convertFromAnalyteUnit(5, { unit: 'mmol/L', conventionalUnit: null, conventionalFactor: null }, 'g/L')
    ).toBeNull();
  });

  it('waits for a missing input, reports a formula that does not apply, computes otherwise', () => {
    const dfg = analyteRuleOf(
      analyte({
        unit_ucum: 'mL/min/{1.73_m2}',
        decimals: 0,
        formula: { id: 'ckd_epi_2009', inputs: { creatinine: 'CREA' } },
      })
    );
    const creatinineUnits = { unit: 'umol/L', conventionalUnit: null, conventionalFactor: null };
    const numeric = (value: number) => ({ type: 'numeric' as const, value, comparator: null, decimals: 0 });
    expect(calculate(dfg, new Map(), adultMan)).toEqual({ kind: 'waiting' });
    const child = patientAtCollection('2016-01-01', 'F', new Date('2026-03-02T08:15:00+01:00'));
    expect(calculate(dfg, new Map([['CREA', { value: numeric(50), analyte: creatinineUnits }]]), child)).toMatchObject({
      kind: 'not_computable',
    });
    const censored = { type: 'numeric' as const, value: 20, comparator: '<' as const, decimals: 0 };
    expect(calculate(dfg, new Map([['CREA', { value: censored, analyte: creatinineUnits }]]), adultMan)).toMatchObject({
      kind: 'not_computable',
    });
    const outcome = calculate(dfg, new Map([['CREA', { value: numeric(80), analyte: creatinineUnits }]]), adultMan);
    // Levey 2009, man aged 55 on 2026-03-02: 141 × (80/88.4/0.9)^−1.209 × 0.993^55.
    expect(outcome).toEqual({
      kind: 'value',
      value: numeric(Math.round(141 * (80 / 88.4 / 0.9) ** -1.209 * 0.993 ** 55)),
    });
  });

  it('uses a constant bound to a parameter input (INR: témoin and ISI)', () => {
    const inr = analyteRuleOf(
      analyte({
        unit_ucum: '1',
        decimals: 2,
        formula: { id: 'inr', inputs: { prothrombinTime: 'TQ', normalProthrombinTime: 12, isi: '1.1' } },
      })
    );
    const outcome = calculate(
      inr,
      new Map([
        [
          'TQ',
          {
            value: { type: 'numeric', value: 24, comparator: null, decimals: 1 },
            analyte: { unit: 's', conventionalUnit: null, conventionalFactor: null },
          },
        ],
      ]),
      adultMan
    );
    expect(outcome).toEqual({
      kind: 'value',
      value: { type: 'numeric', value: Number((2 ** 1.1).toFixed(2)), comparator: null, decimals: 2 },
    });
  });
});
