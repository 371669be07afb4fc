/**
 * Calculated analytes (DFG, calcium corrigé, LDL Friedewald, CST, INR, formule leucocytaire en
 * valeurs absolues): formulas as data (id, named inputs with units, output unit, source) evaluated by
 * explicit TypeScript functions keyed by formula id.
 *
 * Why functions and not an expression language: these formulas are few, published and fixed; each has
 * domain rules an arithmetic expression does not carry (CKD-EPI's piecewise κ/α by sex and its
 * adult-only validity, Friedewald's triglyceride limit and its "doser le LDL direct" outcome). A
 * typed function per formula is reviewed and tested against the publication, cannot be altered by a
 * catalogue edit into something unverified, and leaves no parser to attack (no `eval`, no
 * `new Function`). The catalogue stores `{ formulaId, inputs: { name → analyte code or constant } }`;
 * the server resolves the bindings, converts values into the units declared here, and rounds the
 * output to the analyte's decimals.
 */
import type { ErrorCode } from '../errors/error-catalog.js';
import type { ReferenceSex } from './reference-interval.js';

export const calculatedFormulaIds = [
  'ckd-epi-2009',
  'calcium-corrected-albumin',
  'ldl-friedewald',
  'transferrin-saturation',
  'inr',
  'leukocyte-absolute-count',
] as const;
export type CalculatedFormulaId = (typeof calculatedFormulaIds)[number];

export interface FormulaInputDefinition {
  readonly name: string;
  readonly labelFr: string;
  /** UCUM unit the value must be given in. */
  readonly unit: string;
  /** `analyte`: another result of the same specimen/order; `parameter`: a catalogue constant (ISI, TQ témoin). */
  readonly kind: 'analyte' | 'parameter';
}

export interface CalculatedFormulaDefinition {
  readonly id: CalculatedFormulaId;
  readonly labelFr: string;
  readonly inputs: readonly FormulaInputDefinition[];
  /** UCUM unit of the result. */
  readonly outputUnit: string;
  /** Patient data the formula uses (sex and age at collection). */
  readonly usesSex: boolean;
  readonly usesAge: boolean;
  readonly source: string;
}

export interface CalculationPatient {
  readonly sex: ReferenceSex | null;
  /** Completed years at collection (`ageAt(...).years`). */
  readonly ageYears: number | null;
}

export type CalculationInputs = Readonly<Record<string, number | null | undefined>>;

export type CalculationErrorCode = Extract<
  ErrorCode,
  | 'SIL_CALCULATION_FORMULA_UNKNOWN'
  | 'SIL_CALCULATION_INPUT_MISSING'
  | 'SIL_CALCULATION_INPUT_INVALID'
  | 'SIL_CALCULATION_NOT_APPLICABLE'
>;

export type CalculationOutcome =
  | { readonly ok: true; readonly value: number }
  | {
      readonly ok: false;
      readonly code: CalculationErrorCode;
      /** French text for the result comment (e.g. "LDL non calculable … doser le LDL direct"). */
      readonly messageFr: string;
      /** Names of the missing inputs (for SIL_CALCULATION_INPUT_MISSING). */
      readonly missing: readonly string[];
    };

function notApplicable(messageFr: string): CalculationOutcome {
  return { ok: false, code: 'SIL_CALCULATION_NOT_APPLICABLE', messageFr, missing: [] };
}

function invalid(messageFr: string): CalculationOutcome {
  return { ok: false, code: 'SIL_CALCULATION_INPUT_INVALID', messageFr, missing: [] };
}

type Values = Readonly<Record<string, number>>;

interface FormulaImplementation {
  readonly definition: CalculatedFormulaDefinition;
  readonly compute: (values: Values, patient: CalculationPatient) => CalculationOutcome;
}

function value(values: Values, name: string): number {
  return values[name] ?? Number.NaN;
}

/** µmol/L per mg/dL of creatinine (1 mg/dL = 10 mg/L ÷ 113.12 g/mol = 88.4 µmol/L), as the CKD-EPI authors convert. */
export const CREATININE_UMOL_PER_MG_DL = 88.4;

/** Friedewald's validity limit adopted in France: TG < 3,4 g/L (≈ 3,9 mmol/L). */
export const FRIEDEWALD_MAX_TRIGLYCERIDES_G_L = 3.4;

const ckdEpi2009: FormulaImplementation = {
  definition: {
    id: 'ckd-epi-2009',
    labelFr: 'DFG estimé (CKD-EPI 2009)',
    inputs: [{ name: 'creatinine', labelFr: 'Créatinine', unit: 'umol/L', kind: 'analyte' }],
    outputUnit: 'mL/min/{1.73_m2}',
    usesSex: true,
    usesAge: true,
    source:
      'Levey AS et al. A new equation to estimate glomerular filtration rate. Ann Intern Med 2009;150:604-12 ' +
      '(CKD-EPI 2009, without the coefficient for Black Americans); HAS, « Évaluation du débit de filtration ' +
      'glomérulaire et du dosage de la créatininémie dans le diagnostic de la maladie rénale chronique chez ' +
      'l’adulte », décembre 2011 (CKD-EPI + créatinine enzymatique IDMS).',
  },
  compute(values, patient) {
    const creatinine = value(values, 'creatinine');
    if (!(creatinine > 0)) {
      return invalid('Créatinine nulle ou négative : DFG non calculable.');
    }
    if (patient.sex === null) {
      return notApplicable('DFG non calculable : sexe du patient requis par l’équation CKD-EPI.');
    }
    if (patient.ageYears === null || patient.ageYears < 18) {
      return notApplicable('DFG non calculable : équation CKD-EPI validée chez l’adulte (18 ans et plus).');
    }
    // eGFR = 141 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.209 × 0.993^âge × 1.018 [femme], Scr en mg/dL,
    // κ = 0.7 (F) / 0.9 (M), α = −0.329 (F) / −0.411 (M). The ×1.159 "black" factor is not applied in
    // France (HAS 2011; it was fitted on Black Americans and is not transposable).
    const female = patient.sex === 'F';
    const kappa = female ? 0.7 : 0.9;
    const alpha = female ? -0.329 : -0.411;
    const ratio = creatinine / CREATININE_UMOL_PER_MG_DL / kappa;
    const egfr = 141 * Math.min(ratio, 1) ** alpha * Math.max(ratio, 1) ** -1.209 * 0.993 ** patient.ageYears;
    return { ok: true, value: female ? egfr * 1.018 : egfr };
  },
};

const calciumCorrected: FormulaImplementation = {
  definition: {
    id: 'calcium-corrected-albumin',
    labelFr: 'Calcium corrigé (albumine)',
    inputs: [
      { name: 'calcium', labelFr: 'Calcium total', unit: 'mmol/L', kind: 'analyte' },
      { name: 'albumin', labelFr: 'Albumine', unit: 'g/L', kind: 'analyte' },
    ],
    outputUnit: 'mmol/L',
    usesSex: false,
    usesAge: false,
    source:
      'Payne RB et al. Interpretation of serum calcium in patients with abnormal serum proteins. BMJ 1973;4:643-6: ' +
      'Ca corrigé = Ca + 0,8 × (4 − albumine g/dL) mg/dL, soit Ca (mmol/L) + 0,02 × (40 − albumine g/L).',
  },
  compute(values) {
    const calcium = value(values, 'calcium');
    const albumin = value(values, 'albumin');
    if (!(calcium > 0) || !(albumin > 0)) {
      return invalid('Calcium ou albumine nul ou négatif : calcium corrigé non calculable.');
    }
    return { ok: true, value: calcium + 0.02 * (40 - albumin) };
  },
};

const ldlFriedewald: FormulaImplementation = {
  definition: {
    id: 'ldl-friedewald',
    labelFr: 'LDL-cholestérol calculé (Friedewald)',
    inputs: [
      { name: 'totalCholesterol', labelFr: 'Cholestérol total', unit: 'g/L', kind: 'analyte' },
      { name: 'hdlCholesterol', labelFr: 'HDL-cholestérol', unit: 'g/L', kind: 'analyte' },
      { name: 'triglycerides', labelFr: 'Triglycérides', unit: 'g/L', kind: 'analyte' },
    ],
    outputUnit: 'g/L',
    usesSex: false,
    usesAge: false,
    source:
      'Friedewald WT, Levy RI, Fredrickson DS. Clin Chem 1972;18:499-502 (LDL = CT − HDL − TG/5 en g/L, TG/5 ' +
      'estimant le cholestérol des VLDL); limite française TG < 3,4 g/L, au-delà LDL-cholestérol dosé ' +
      'directement (NABM 2001 « dosage du cholestérol-LDL » ; EAL NABM 0996).',
  },
  compute(values) {
    const total = value(values, 'totalCholesterol');
    const hdl = value(values, 'hdlCholesterol');
    const triglycerides = value(values, 'triglycerides');
    if (!(total > 0) || !(hdl > 0) || !(triglycerides >= 0)) {
      return invalid('Valeur lipidique nulle ou négative : LDL-cholestérol non calculable.');
    }
    if (triglycerides >= FRIEDEWALD_MAX_TRIGLYCERIDES_G_L) {
      return notApplicable(
        'LDL-cholestérol non calculable (triglycérides ≥ 3,4 g/L) : doser le LDL-cholestérol direct.'
      );
    }
    const ldl = total - hdl - triglycerides / 5;
    if (ldl < 0) {
      return notApplicable('LDL-cholestérol calculé négatif : incohérence, doser le LDL-cholestérol direct.');
    }
    return { ok: true, value: ldl };
  },
};

const transferrinSaturation: FormulaImplementation = {
  definition: {
    id: 'transferrin-saturation',
    labelFr: 'Coefficient de saturation de la transferrine (CST)',
    inputs: [
      { name: 'iron', labelFr: 'Fer sérique', unit: 'umol/L', kind: 'analyte' },
      { name: 'transferrin', labelFr: 'Transferrine', unit: 'g/L', kind: 'analyte' },
    ],
    outputUnit: '%',
    usesSex: false,
    usesAge: false,
    source:
      'CST (%) = fer (µmol/L) / CTF × 100 with CTF (µmol/L) = 25 × transferrine (g/L): transferrin (≈ 79 570 g/mol) ' +
      'binds 2 Fe, so 1 g/L binds 2 / 79.57 mmol/L ≈ 25.1 µmol/L (Gambino R et al., Clin Chem 1997;43:2408-12).',
  },
  compute(values) {
    const iron = value(values, 'iron');
    const transferrin = value(values, 'transferrin');
    if (!(iron >= 0) || !(transferrin > 0)) {
      return invalid('Fer négatif ou transferrine nulle : CST non calculable.');
    }
    return { ok: true, value: (iron / (25 * transferrin)) * 100 };
  },
};

const inr: FormulaImplementation = {
  definition: {
    id: 'inr',
    labelFr: 'INR',
    inputs: [
      { name: 'prothrombinTime', labelFr: 'Temps de Quick du patient', unit: 's', kind: 'analyte' },
      { name: 'normalProthrombinTime', labelFr: 'Temps de Quick témoin (MNPT)', unit: 's', kind: 'parameter' },
      { name: 'isi', labelFr: 'ISI du lot de thromboplastine', unit: '1', kind: 'parameter' },
    ],
    outputUnit: '1',
    usesSex: false,
    usesAge: false,
    source:
      'INR = (TQ patient / TQ témoin)^ISI — WHO Expert Committee on Biological Standardization, 33rd report ' +
      '(TRS 687, 1983); WHO guidelines for thromboplastins and plasma used to control oral anticoagulant ' +
      'therapy (TRS 889, 1999, Annex 3).',
  },
  compute(values) {
    const patientTime = value(values, 'prothrombinTime');
    const normalTime = value(values, 'normalProthrombinTime');
    const isi = value(values, 'isi');
    if (!(patientTime > 0) || !(normalTime > 0) || !(isi > 0)) {
      return invalid('Temps de Quick, témoin ou ISI nul ou négatif : INR non calculable.');
    }
    return { ok: true, value: (patientTime / normalTime) ** isi };
  },
};

const leukocyteAbsoluteCount: FormulaImplementation = {
  definition: {
    id: 'leukocyte-absolute-count',
    labelFr: 'Formule leucocytaire en valeur absolue',
    inputs: [
      { name: 'percent', labelFr: 'Pourcentage de la population', unit: '%', kind: 'analyte' },
      { name: 'leukocytes', labelFr: 'Leucocytes', unit: '10*9/L', kind: 'analyte' },
    ],
    outputUnit: '10*9/L',
    usesSex: false,
    usesAge: false,
    source:
      'Valeur absolue = pourcentage × leucocytes / 100 (ICSH; CLSI H20-A2 reports differentials as % and absolute counts).',
  },
  compute(values) {
    const percent = value(values, 'percent');
    const leukocytes = value(values, 'leukocytes');
    if (!(percent >= 0 && percent <= 100) || !(leukocytes >= 0)) {
      return invalid('Pourcentage hors de 0–100 ou leucocytes négatifs : valeur absolue non calculable.');
    }
    return { ok: true, value: (percent * leukocytes) / 100 };
  },
};

const implementations: Readonly<Record<CalculatedFormulaId, FormulaImplementation>> = {
  'ckd-epi-2009': ckdEpi2009,
  'calcium-corrected-albumin': calciumCorrected,
  'ldl-friedewald': ldlFriedewald,
  'transferrin-saturation': transferrinSaturation,
  inr,
  'leukocyte-absolute-count': leukocyteAbsoluteCount,
};

/** The formulas' definitions (inputs, units, sources), for the catalogue editor and the seed. */
export const calculatedFormulas: Readonly<Record<CalculatedFormulaId, CalculatedFormulaDefinition>> =
  Object.fromEntries(calculatedFormulaIds.map((id) => [id, implementations[id].definition])) as Record<
    CalculatedFormulaId,
    CalculatedFormulaDefinition
  >;

export function isCalculatedFormulaId(id: string): id is CalculatedFormulaId {
  return (calculatedFormulaIds as readonly string[]).includes(id);
}

/**
 * Evaluates a formula. Inputs are named as in its definition and given in the declared units; a
 * missing one (absent, null, NaN) gives `SIL_CALCULATION_INPUT_MISSING` with the names listed, a
 * value outside the formula's domain `SIL_CALCULATION_INPUT_INVALID`, a patient or values the
 * formula does not apply to `SIL_CALCULATION_NOT_APPLICABLE` (with the French comment to print).
 * The value is not rounded.
 */
export function computeCalculatedAnalyte(
  formulaId: string,
  inputs: CalculationInputs,
  patient: CalculationPatient
): CalculationOutcome {
  if (!isCalculatedFormulaId(formulaId)) {
    return {
      ok: false,
      code: 'SIL_CALCULATION_FORMULA_UNKNOWN',
      messageFr: `Formule inconnue : ${formulaId}`,
      missing: [],
    };
  }
  const implementation = implementations[formulaId];
  const values: Record<string, number> = {};
  const missing: string[] = [];
  for (const input of implementation.definition.inputs) {
    const given = inputs[input.name];
    if (given === null || given === undefined || !Number.isFinite(given)) {
      missing.push(input.name);
    } else {
      values[input.name] = given;
    }
  }
  if (missing.length > 0) {
    const labels = implementation.definition.inputs
      .filter((input) => missing.includes(input.name))
      .map((input) => input.labelFr);
    return {
      ok: false,
      code: 'SIL_CALCULATION_INPUT_MISSING',
      messageFr: `${implementation.definition.labelFr} non calculable : ${labels.join(', ')} manquant(s).`,
      missing,
    };
  }
  return implementation.compute(values, patient);
}
