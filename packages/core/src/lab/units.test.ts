import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../test-support/shared-fixtures.js';
import {
  convertUnit,
  formatUnitForDisplay,
  fromConventionalValue,
  isSupportedUnit,
  toConventionalValue,
  unitConversionFactor,
} from './units.js';

function convertedValue(value: number, from: string, to: string, options = {}): number {
  const outcome = convertUnit(value, from, to, options);
  if (!outcome.ok) {
    throw new Error(`${from} → ${to}: ${outcome.code}`);
  }
  return outcome.value;
}

describe('convertUnit', () => {
  it.each([
    // [value, from, to, options, expected]
    [1, 'mmol/L', 'umol/L', {}, 1000],
    [1, 'g/L', 'mg/dL', {}, 100],
    [1, 'µmol/L', 'nmol/mL', {}, 1],
    [250_000, '/mm3', '10*9/L', {}, 250],
    [4.5, '10*12/L', '10*6/uL', {}, 4.5],
    [7.2, '10*9/L', '10*3/uL', {}, 7.2],
    [60, 'U/L', 'ukat/L', {}, 1], // UCUM: U = umol/min, so 60 U = 1 µkat
    [35, '[IU]/L', 'm[IU]/mL', {}, 35],
    [12, 'mIU/mL', '[IU]/L', {}, 12],
    [45, '%', '1', {}, 0.45],
    [37, 'Cel', '[degF]', {}, 98.6],
    [310.15, 'K', 'Cel', {}, 37],
    [2, 'h', 'min', {}, 120],
    [90, 'mL/min/{1.73_m2}', 'L/h/{1.73_m2}', {}, 5.4],
  ] as const)('%d %s → %s', (value, from, to, options, expected) => {
    expect(convertedValue(value, from, to, options)).toBeCloseTo(expected, 9);
  });

  it.each([
    ['mmol/L', 'g/L', {}, 'SIL_UNIT_MOLAR_MASS_REQUIRED'],
    ['mmol/L', 'meq/L', {}, 'SIL_UNIT_CHARGE_REQUIRED'],
    ['mmol/L', 'mmol', {}, 'SIL_UNIT_INCOMPATIBLE'],
    ['U/L', '[IU]/L', {}, 'SIL_UNIT_INCOMPATIBLE'],
    ['Cel', 'mmol/L', {}, 'SIL_UNIT_INCOMPATIBLE'],
    ['mmol/L', 'furlong', {}, 'SIL_UNIT_UNKNOWN'],
    ['mmol/', 'mmol/L', {}, 'SIL_UNIT_UNKNOWN'],
    ['mg/{dL', 'mg/dL', {}, 'SIL_UNIT_UNKNOWN'],
    ['mg /dL', 'mg/dL', {}, 'SIL_UNIT_UNKNOWN'],
  ] as const)('%s → %s refused with %s', (from, to, options, code) => {
    expect(convertUnit(1, from, to, options)).toMatchObject({ ok: false, code });
  });
});

describe('unitConversionFactor: conventional French units', () => {
  it.each([
    // conventional = SI × factor; molar masses (g/mol): glucose C6H12O6 180.156, créatinine 113.12, urée 60.06,
    // acide urique 168.11, cholestérol 386.65, calcium 40.078.
    ['glucose', 'mmol/L', 'g/L', 180.156, 0.180156],
    ['créatinine', 'umol/L', 'mg/L', 113.12, 0.11312],
    ['urée', 'mmol/L', 'g/L', 60.06, 0.06006],
    ['acide urique', 'umol/L', 'mg/L', 168.11, 0.16811],
    ['cholestérol', 'mmol/L', 'g/L', 386.65, 0.38665],
    ['calcium', 'mmol/L', 'mg/L', 40.078, 40.078],
  ])('%s %s → %s: factor %d', (_analyte, from, to, molarMass, factor) => {
    const outcome = unitConversionFactor(from, to, { molarMass });
    expect(outcome.ok).toBe(true);
    expect(outcome.ok ? outcome.value : Number.NaN).toBeCloseTo(factor, 10);
  });

  it('a temperature has no factor', () => {
    expect(unitConversionFactor('Cel', 'K')).toMatchObject({ ok: false, code: 'SIL_UNIT_INCOMPATIBLE' });
  });

  it('toConventionalValue / fromConventionalValue apply the catalogue factor', () => {
    const glucose = { unit: 'mmol/L', conventionalUnit: 'g/L', conventionalFactor: 0.180156 };
    expect(toConventionalValue(5.05, glucose)).toBeCloseTo(0.9098, 4);
    expect(fromConventionalValue(0.91, glucose)).toBeCloseTo(5.0512, 4);
    const noConventional = { unit: '%', conventionalUnit: null, conventionalFactor: null };
    expect(toConventionalValue(5, noConventional)).toBeNull();
    expect(fromConventionalValue(5, noConventional)).toBeNull();
  });
});

interface UcumVector {
  from: string;
  value: number;
  to: string;
  molecularWeight?: number;
  charge?: number;
  expect: number | string;
  precision?: number;
  expect_round_x100?: number;
}

interface ReportPair {
  analyte: string;
  conventional: [number, string];
  si: [number, string];
  ref_conventional: [number | null, number | null];
  ref_si: [number | null, number | null];
}

function vectors(): { A_ucum_lhc: { vectors: UcumVector[] }; B_french_lab_report_pairs: { pairs: ReportPair[] } } {
  return JSON.parse(sharedFixtures.textWithoutHeader('units/unit_conversion_vectors.DERIVED.json'));
}

describe.skipIf(!sharedFixtures.available)('ucum-lhc test assertions (fixtures/units)', () => {
  const table = sharedFixtures.available ? vectors().A_ucum_lhc.vectors : [];

  it.each(table.map((vector) => [`${vector.value} ${vector.from} → ${vector.to}`, vector] as const))(
    '%s',
    (_name, vector) => {
      const options = { molarMass: vector.molecularWeight, charge: vector.charge };
      const outcome = convertUnit(vector.value, vector.from, vector.to, options);
      if (typeof vector.expect === 'string') {
        // "failed: molecular weight needed" / "cannot be converted"
        expect(outcome.ok).toBe(false);
        const expectedCode = vector.expect.includes('molecular weight')
          ? 'SIL_UNIT_MOLAR_MASS_REQUIRED'
          : 'SIL_UNIT_INCOMPATIBLE';
        expect(outcome).toMatchObject({ code: expectedCode });
        return;
      }
      expect(outcome.ok).toBe(true);
      const value = outcome.ok ? outcome.value : Number.NaN;
      if (vector.expect_round_x100 !== undefined) {
        expect(Math.round(value * 100)).toBe(vector.expect_round_x100);
      } else if (vector.precision !== undefined) {
        expect(Number(value.toPrecision(vector.precision))).toBe(vector.expect);
      } else {
        expect(value).toBeCloseTo(vector.expect, 12);
      }
    }
  );

  it('covers every vector of the fixture (18)', () => {
    expect(table).toHaveLength(18);
  });
});

// Molar masses (g/mol) for the report pairs. Triglycerides: French labs convert with 0.875 g per mmol
// ("triglycérides × 0,875", UNF3S nutrition course; the report's 0.73 g/L = 0.83 mmol/L needs it).
const MOLAR_MASS: Readonly<Record<string, number>> = {
  'glucose (glycemie a jeun)': 180.156,
  creatinine: 113.12,
  urea: 60.06,
  'uric acid': 168.11,
  'total cholesterol': 386.65,
  triglycerides: 875,
  'HDL cholesterol': 386.65,
  'LDL cholesterol': 386.65,
};

describe.skipIf(!sharedFixtures.available)('French report value pairs (fixtures/units part B, within 1 %)', () => {
  const pairs = sharedFixtures.available ? vectors().B_french_lab_report_pairs.pairs : [];

  it.each(pairs.map((pair) => [pair.analyte, pair] as const))('%s', (analyte, pair) => {
    const molarMass = MOLAR_MASS[analyte];
    expect(molarMass).toBeDefined();
    const [conventionalValue, conventionalUnit] = pair.conventional;
    const [siValue, siUnit] = pair.si;
    const converted = convertedValue(conventionalValue, conventionalUnit, siUnit, { molarMass });
    expect(Math.abs(converted - siValue) / siValue).toBeLessThan(0.01);
    pair.ref_conventional.forEach((limit, index) => {
      const siLimit = pair.ref_si[index];
      if (limit !== null && siLimit !== null && siLimit !== undefined) {
        const convertedLimit = convertedValue(limit, conventionalUnit, siUnit, { molarMass });
        expect(Math.abs(convertedLimit - siLimit) / siLimit).toBeLessThan(0.01);
      }
    });
  });

  it('covers the 8 analytes of the report', () => {
    expect(pairs).toHaveLength(8);
  });
});

describe('isSupportedUnit', () => {
  it.each([
    'mmol/L',
    'µmol/L',
    'g/dL',
    '10*9/L',
    '10*3/uL',
    'fL',
    'pg',
    '%',
    'U/L',
    '[IU]/L',
    'mL/min/{1.73_m2}',
    's',
    'Cel',
    '/min',
    '{ratio}',
  ])('%s is supported', (unit) => {
    expect(isSupportedUnit(unit)).toBe(true);
  });

  it.each(['', 'mmol//L', 'mg/', 'g/L/', 'xyz', 'mmol L', '10*'])('%j is not', (unit) => {
    expect(isSupportedUnit(unit)).toBe(false);
  });
});

describe('formatUnitForDisplay', () => {
  it.each([
    ['umol/L', 'µmol/L'],
    ['ug/L', 'µg/L'],
    ['uL', 'µL'],
    ['10*9/L', '10⁹/L'],
    ['10*3/uL', '10³/µL'],
    ['10*12/L', '10¹²/L'],
    ['[IU]/L', 'UI/L'],
    ['m[IU]/mL', 'mUI/mL'],
    ['mL/min/{1.73_m2}', 'mL/min/1,73 m²'],
    ['Cel', '°C'],
    ['mmol/mol', 'mmol/mol'],
    ['mol', 'mol'],
    ['ml', 'mL'],
    ['fL', 'fL'],
    ['mm3', 'mm³'],
    ['g/L', 'g/L'],
    ['U/L', 'U/L'],
    ['%', '%'],
  ])('%s → %s', (unit, display) => {
    expect(formatUnitForDisplay(unit)).toBe(display);
  });
});
