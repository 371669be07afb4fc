import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../test-support/shared-fixtures.js';
import { checkCriticalLimits, computeCodedFlag, computeFlag } from './result-flags.js';

// Potassium (mmol/L): reference 3.5–5.0, critical limits 2.8 and 6.2 (the last non-critical values),
// a typical French lab list — limits are the lab's own (ISO 15189:2022 §7.4.1.3).
const potassium = { interval: { low: 3.5, high: 5.0 }, criticalLow: 2.8, criticalHigh: 6.2 };

describe('computeFlag (HL7 v2 Table 0078 meanings)', () => {
  it.each([
    [4.2, 'N', false, 'inside'],
    [3.5, 'N', false, 'on the low limit (inclusive)'],
    [5.0, 'N', false, 'on the high limit (inclusive)'],
    [3.4, 'L', false, 'below low'],
    [5.1, 'H', false, 'above high'],
    [2.8, 'L', false, 'on the critical low limit: not critical'],
    [2.79, 'LL', true, 'below the critical low limit'],
    [6.2, 'H', false, 'on the critical high limit: not critical'],
    [6.5, 'HH', true, 'above the critical high limit'],
  ] as const)('K %d → %s, critical %s (%s)', (value, flag, critical, _why) => {
    expect(computeFlag({ value, ...potassium })).toEqual({ flag, critical });
  });

  it.each([
    // [value, comparator, interval, critical limits, flag, critical, why]
    [0.5, '<', { low: null, high: 5 }, {}, 'N', false, 'CRP <0,5 with ≤ 5: surely normal'],
    [5, '<', { low: null, high: 5 }, {}, 'N', false, '<5 with ≤ 5: every value below 5 is normal'],
    [5, '<=', { low: null, high: 4.9 }, {}, null, false, '≤5 with ≤ 4.9: undecidable'],
    [1, '<', { low: 1, high: 3 }, {}, 'L', false, '<1 with low 1: below low'],
    [1, '<=', { low: 1, high: 3 }, {}, null, false, '≤1 with low 1: 1 itself is normal'],
    [10, '<', { low: 3, high: 8 }, {}, null, false, '<10 with 3–8: undecidable'],
    [1000, '>', { low: null, high: 100 }, {}, 'H', false, '>1000 with ≤ 100'],
    [100, '>=', { low: null, high: 100 }, {}, null, false, '≥100 with ≤ 100: 100 itself is normal'],
    [60, '>', { low: 60, high: null }, {}, 'N', false, 'DFG >60 with ≥ 60 (FHIR f205)'],
    [3, '<', { low: 3.5, high: 5 }, { criticalLow: 2.8 }, null, false, '<3 may or may not be below 2.8'],
    [2, '<', { low: 3.5, high: 5 }, { criticalLow: 2.8 }, 'LL', true, '<2 is surely below 2.8'],
    [2.5, '<', { low: 3.5, high: 5 }, { criticalLow: 2.8 }, 'LL', true, '<2,5 is surely below 2.8'],
    [7, '>', { low: 3.5, high: 5 }, { criticalHigh: 6.2 }, 'HH', true, '>7 is surely above 6.2'],
  ] as const)('%d with comparator %s', (value, comparator, interval, limits, flag, critical, _why) => {
    expect(computeFlag({ value, comparator, interval, ...limits })).toEqual({ flag, critical });
  });

  it('no interval: no flag, unless a critical limit is crossed', () => {
    expect(computeFlag({ value: 4, interval: null })).toEqual({ flag: null, critical: false });
    expect(computeFlag({ value: 4, interval: { low: null, high: null } })).toEqual({ flag: null, critical: false });
    expect(computeFlag({ value: 7, interval: null, criticalHigh: 6.2 })).toEqual({ flag: 'HH', critical: true });
    expect(computeFlag({ value: 6, interval: null, criticalHigh: 6.2 })).toEqual({ flag: null, critical: false });
  });

  it('one-sided intervals', () => {
    expect(computeFlag({ value: 1.3, interval: { low: 1.5, high: null } }).flag).toBe('L');
    expect(computeFlag({ value: 1.6, interval: { low: 1.5, high: null } }).flag).toBe('N');
    expect(computeFlag({ value: 4.6, interval: { low: null, high: 3.0 } }).flag).toBe('H');
  });
});

function fhirPayload(relative: string): unknown {
  return JSON.parse(sharedFixtures.textWithoutHeader(relative));
}

interface FhirQuantity {
  value: number;
}
interface FhirObservation {
  resourceType: string;
  id: string;
  valueQuantity: FhirQuantity;
  referenceRange?: { low?: FhirQuantity; high?: FhirQuantity }[];
  interpretation?: { coding?: { code: string }[] }[];
}

function flagOf(observation: FhirObservation) {
  const range = observation.referenceRange?.[0];
  return computeFlag({
    value: observation.valueQuantity.value,
    interval: { low: range?.low?.value ?? null, high: range?.high?.value ?? null },
  });
}

describe.skipIf(!sharedFixtures.available)('computeFlag on the FHIR R4 specification examples', () => {
  it.each([
    ['fhir/observation-example-f001-glucose.json', 'H'], // 6.3 mmol/L, 3.1–6.2, interpretation H
    ['fhir/observation-example-f204-creatinine.json', 'H'], // 122 µmol/L, 64–104, interpretation H
  ])('%s → %s, as its interpretation says', (file, expected) => {
    const observation = fhirPayload(file) as FhirObservation;
    const interpretation = observation.interpretation?.flatMap((entry) => entry.coding ?? []).map((c) => c.code);
    expect(interpretation).toContain(expected);
    expect(flagOf(observation)).toEqual({ flag: expected, critical: false });
  });

  it('lipid panel bundle: cholesterol H, triglycerides N, HDL L, LDL H', () => {
    const bundle = fhirPayload('fhir/diagnosticreport-example-lipids.json') as {
      entry: { resource: FhirObservation }[];
    };
    const flags = Object.fromEntries(
      bundle.entry
        .map((entry) => entry.resource)
        .filter((resource) => resource.resourceType === 'Observation')
        .map((observation) => [observation.id, flagOf(observation).flag])
    );
    expect(flags).toEqual({ cholesterol: 'H', triglyceride: 'N', hdlcholesterol: 'L', ldlcholesterol: 'H' });
  });
});

describe('computeCodedFlag', () => {
  it.each([
    ['NEG', 'N', false],
    ['POS', 'A', false],
    ['ANTI-KELL', 'AA', true],
  ] as const)('RAI %s → %s', (code, flag, critical) => {
    expect(computeCodedFlag({ code, abnormalCodes: ['POS'], criticalCodes: ['ANTI-KELL'] })).toEqual({
      flag,
      critical,
    });
  });

  it('without a critical list, abnormal codes are A', () => {
    expect(computeCodedFlag({ code: 'POS', abnormalCodes: ['POS'] })).toEqual({ flag: 'A', critical: false });
  });
});

describe('checkCriticalLimits', () => {
  it.each([
    [2.8, 6.2, null],
    [null, 6.2, null],
    [null, null, null],
    [6.2, 2.8, 'SIL_CRITICAL_LIMITS_INVALID'],
    [3, 3, 'SIL_CRITICAL_LIMITS_INVALID'],
    [Number.NaN, 3, 'SIL_CRITICAL_LIMITS_INVALID'],
  ])('%s / %s → %s', (low, high, code) => {
    expect(checkCriticalLimits(low, high)).toBe(code);
  });
});
