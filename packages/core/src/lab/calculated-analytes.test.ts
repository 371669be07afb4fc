import { describe, expect, it } from 'vitest';
import {
  calculatedFormulaIds,
  calculatedFormulas,
  computeCalculatedAnalyte,
  isCalculatedFormulaId,
  type CalculationInputs,
  type CalculationPatient,
} from './calculated-analytes.js';
import { roundHalfAwayFromZero } from './decimal-format.js';

const adultMan60: CalculationPatient = { sex: 'M', ageYears: 60 };
const noPatient: CalculationPatient = { sex: null, ageYears: null };

function valueOf(formulaId: string, inputs: CalculationInputs, patient: CalculationPatient = noPatient): number {
  const outcome = computeCalculatedAnalyte(formulaId, inputs, patient);
  if (!outcome.ok) {
    throw new Error(`${formulaId}: ${outcome.code} ${outcome.messageFr}`);
  }
  return outcome.value;
}

describe('DFG CKD-EPI 2009 (Levey 2009, no ethnic factor)', () => {
  it.each([
    // Man, 60 y, créatinine 100 µmol/L:
    //   Scr = 100 / 88.4 = 1.13122 mg/dL; Scr/κ = 1.13122 / 0.9 = 1.25691 (> 1, so min(…)^α = 1)
    //   max(…)^−1.209 = exp(−1.209 × ln 1.25691) = exp(−1.209 × 0.228693) = exp(−0.276490) = 0.758431
    //   0.993^60 = exp(60 × ln 0.993) = exp(60 × −0.00702461) = exp(−0.421477) = 0.656077
    //   141 × 0.758431 × 0.656077 = 70.16 mL/min/1,73 m²
    [100, 'M', 60, 70.16],
    // Woman, 30 y, créatinine 53 µmol/L:
    //   Scr = 53 / 88.4 = 0.599548 mg/dL; Scr/κ = 0.599548 / 0.7 = 0.856496 (< 1, so max(…)^−1.209 = 1)
    //   min(…)^−0.329 = exp(−0.329 × ln 0.856496) = exp(−0.329 × −0.154910) = exp(0.050965) = 1.052286
    //   0.993^30 = exp(−0.210738) = 0.809989
    //   141 × 1.052286 × 0.809989 × 1.018 = 122.34
    [53, 'F', 30, 122.34],
    // Man, 70 y, créatinine 300 µmol/L:
    //   Scr/κ = 3.39367 / 0.9 = 3.77074; 3.77074^−1.209 = exp(−1.209 × 1.327271) = exp(−1.604671) = 0.200962
    //   0.993^70 = exp(−0.491723) = 0.611577; 141 × 0.200962 × 0.611577 = 17.33
    [300, 'M', 70, 17.33],
  ] as const)('créatinine %d µmol/L, %s, %d ans → %d', (creatinine, sex, ageYears, expected) => {
    const egfr = valueOf('ckd-epi-2009', { creatinine }, { sex, ageYears });
    expect(roundHalfAwayFromZero(egfr, 2)).toBe(expected);
  });

  it('the female factor 1.018 applies at equal Scr/κ', () => {
    // Scr/κ = 1 for both: 61.88 µmol/L (0.7 mg/dL) for a woman, 79.56 µmol/L (0.9 mg/dL) for a man.
    const woman = valueOf('ckd-epi-2009', { creatinine: 61.88 }, { sex: 'F', ageYears: 50 });
    const man = valueOf('ckd-epi-2009', { creatinine: 79.56 }, { sex: 'M', ageYears: 50 });
    expect(woman / man).toBeCloseTo(1.018, 10);
  });

  it.each([
    [{ creatinine: 100 }, { sex: null, ageYears: 60 }, 'SIL_CALCULATION_NOT_APPLICABLE'],
    [{ creatinine: 100 }, { sex: 'M', ageYears: 17 }, 'SIL_CALCULATION_NOT_APPLICABLE'],
    [{ creatinine: 100 }, { sex: 'M', ageYears: null }, 'SIL_CALCULATION_NOT_APPLICABLE'],
    [{ creatinine: 0 }, adultMan60, 'SIL_CALCULATION_INPUT_INVALID'],
    [{ creatinine: null }, adultMan60, 'SIL_CALCULATION_INPUT_MISSING'],
    [{}, adultMan60, 'SIL_CALCULATION_INPUT_MISSING'],
    [{ creatinine: Number.NaN }, adultMan60, 'SIL_CALCULATION_INPUT_MISSING'],
  ] as const)('%o for %o → %s', (inputs, patient, code) => {
    expect(computeCalculatedAnalyte('ckd-epi-2009', inputs, patient)).toMatchObject({ ok: false, code });
  });

  it('explains a missing input in French and names it', () => {
    expect(computeCalculatedAnalyte('ckd-epi-2009', {}, adultMan60)).toEqual({
      ok: false,
      code: 'SIL_CALCULATION_INPUT_MISSING',
      messageFr: 'DFG estimé (CKD-EPI 2009) non calculable : Créatinine manquant(s).',
      missing: ['creatinine'],
    });
  });
});

describe('calcium corrigé (Payne 1973)', () => {
  it.each([
    [2.1, 30, 2.3], // 2.10 + 0.02 × (40 − 30) = 2.10 + 0.20 = 2.30
    [2.4, 45, 2.3], // 2.40 + 0.02 × (40 − 45) = 2.40 − 0.10 = 2.30
    [2.35, 40, 2.35], // no correction at 40 g/L
  ])('Ca %d mmol/L, albumine %d g/L → %d', (calcium, albumin, expected) => {
    expect(valueOf('calcium-corrected-albumin', { calcium, albumin })).toBeCloseTo(expected, 10);
  });

  it('refuses a null albumin', () => {
    expect(
      computeCalculatedAnalyte('calcium-corrected-albumin', { calcium: 2.3, albumin: 0 }, noPatient)
    ).toMatchObject({
      ok: false,
      code: 'SIL_CALCULATION_INPUT_INVALID',
    });
  });
});

describe('LDL-cholestérol Friedewald (g/L)', () => {
  it('reproduces the French report of fixtures/units part B: CT 2.19, HDL 0.63, TG 0.73 → LDL 1.41', () => {
    // 2.19 − 0.63 − 0.73 / 5 = 2.19 − 0.63 − 0.146 = 1.414 → 1.41 g/L, as printed on the report.
    const ldl = valueOf('ldl-friedewald', { totalCholesterol: 2.19, hdlCholesterol: 0.63, triglycerides: 0.73 });
    expect(ldl).toBeCloseTo(1.414, 10);
    expect(roundHalfAwayFromZero(ldl, 2)).toBe(1.41);
  });

  it('TG just below 3.4 g/L is computed: 3.0 − 0.5 − 3.39 / 5 = 1.822', () => {
    expect(valueOf('ldl-friedewald', { totalCholesterol: 3, hdlCholesterol: 0.5, triglycerides: 3.39 })).toBeCloseTo(
      1.822,
      10
    );
  });

  it.each([3.4, 5])('TG %d g/L → non calculable, doser le LDL direct', (triglycerides) => {
    expect(
      computeCalculatedAnalyte('ldl-friedewald', { totalCholesterol: 3, hdlCholesterol: 0.5, triglycerides }, noPatient)
    ).toEqual({
      ok: false,
      code: 'SIL_CALCULATION_NOT_APPLICABLE',
      messageFr: 'LDL-cholestérol non calculable (triglycérides ≥ 3,4 g/L) : doser le LDL-cholestérol direct.',
      missing: [],
    });
  });

  it('a negative LDL is reported as an inconsistency, not printed', () => {
    expect(
      computeCalculatedAnalyte(
        'ldl-friedewald',
        { totalCholesterol: 1, hdlCholesterol: 0.9, triglycerides: 1 },
        noPatient
      )
    ).toMatchObject({ ok: false, code: 'SIL_CALCULATION_NOT_APPLICABLE' });
  });
});

describe('coefficient de saturation de la transferrine', () => {
  it.each([
    [18, 2.5, 28.8], // 18 / (25 × 2.5) × 100 = 18 / 62.5 × 100 = 28.8 %
    [45, 2, 90], // 45 / 50 × 100 = 90 % (surcharge)
    [5, 4, 5], // 5 / 100 × 100 = 5 % (carence)
  ])('fer %d µmol/L, transferrine %d g/L → %d %', (iron, transferrin, expected) => {
    expect(valueOf('transferrin-saturation', { iron, transferrin })).toBeCloseTo(expected, 10);
  });

  it('refuses a null transferrin', () => {
    expect(computeCalculatedAnalyte('transferrin-saturation', { iron: 18, transferrin: 0 }, noPatient)).toMatchObject({
      ok: false,
      code: 'SIL_CALCULATION_INPUT_INVALID',
    });
  });
});

describe('INR = (TQ patient / TQ témoin)^ISI', () => {
  it.each([
    [24, 12, 1.2, 2.2974], // (24 / 12)^1.2 = 2^1.2 = exp(1.2 × 0.693147) = exp(0.831777) = 2.2974
    [12, 12, 1.3, 1], // ratio 1 → INR 1 whatever the ISI
    [36, 12, 1, 3], // ISI 1 (WHO reference thromboplastin): INR = ratio
  ])('TQ %d s, témoin %d s, ISI %d → %d', (prothrombinTime, normalProthrombinTime, isi, expected) => {
    expect(valueOf('inr', { prothrombinTime, normalProthrombinTime, isi })).toBeCloseTo(expected, 4);
  });

  it('ISI and témoin are parameters, the patient time an analyte', () => {
    expect(calculatedFormulas.inr.inputs.map((input) => [input.name, input.kind])).toEqual([
      ['prothrombinTime', 'analyte'],
      ['normalProthrombinTime', 'parameter'],
      ['isi', 'parameter'],
    ]);
  });
});

describe('formule leucocytaire en valeur absolue', () => {
  it.each([
    [62, 7.5, 4.65], // 62 % × 7.5 G/L / 100 = 4.65 G/L neutrophiles
    [30, 7.5, 2.25], // 30 % × 7.5 / 100 = 2.25 G/L lymphocytes
    [0, 7.5, 0],
  ])('%d % of %d G/L → %d G/L', (percent, leukocytes, expected) => {
    expect(valueOf('leukocyte-absolute-count', { percent, leukocytes })).toBeCloseTo(expected, 10);
  });

  it.each([101, -1])('refuses %d %', (percent) => {
    expect(computeCalculatedAnalyte('leukocyte-absolute-count', { percent, leukocytes: 7 }, noPatient)).toMatchObject({
      ok: false,
      code: 'SIL_CALCULATION_INPUT_INVALID',
    });
  });
});

describe('formula registry', () => {
  it('unknown formula → SIL_CALCULATION_FORMULA_UNKNOWN', () => {
    expect(computeCalculatedAnalyte('mdrd', {}, noPatient)).toMatchObject({
      ok: false,
      code: 'SIL_CALCULATION_FORMULA_UNKNOWN',
    });
    expect(isCalculatedFormulaId('mdrd')).toBe(false);
    expect(isCalculatedFormulaId('inr')).toBe(true);
  });

  it('every formula has a definition with its own id, inputs with units, and a source', () => {
    for (const id of calculatedFormulaIds) {
      const definition = calculatedFormulas[id];
      expect(definition.id).toBe(id);
      expect(definition.inputs.length).toBeGreaterThan(0);
      expect(definition.source.length).toBeGreaterThan(20);
      for (const input of definition.inputs) {
        expect(input.unit).not.toBe('');
      }
    }
  });

  it('only CKD-EPI uses the patient’s sex and age', () => {
    expect(
      calculatedFormulaIds.filter((id) => calculatedFormulas[id].usesSex || calculatedFormulas[id].usesAge)
    ).toEqual(['ckd-epi-2009']);
  });
});
