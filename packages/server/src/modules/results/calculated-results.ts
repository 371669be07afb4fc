/**
 * Calculated analytes of an order (DFG CKD-EPI, calcium corrigé, LDL Friedewald, CST…), recomputed
 * whenever one of their inputs is typed. The formulas are core/lab's; this file binds the catalogue's
 * `formula.inputs` (input name → analyte code, or a constant) to the order's current values, converts
 * each into the unit the formula declares (directly, or through the analyte's conventional unit:
 * cholesterol stored in mmol/L, Friedewald written in g/L), and converts the output back into the
 * calculated analyte's unit, rounded to its decimals.
 */
import {
  calculatedFormulas,
  computeCalculatedAnalyte,
  convertUnit,
  isCalculatedFormulaId,
  roundHalfAwayFromZero,
  type ResultValue,
} from '@sillage/core';
import type { AnalyteRule } from './analyte-rule.js';
import type { PatientAtCollection } from './result-evaluation.js';

export type CalculatedOutcome =
  | { readonly kind: 'value'; readonly value: ResultValue }
  /** The formula does not apply (TG ≥ 3,4 g/L, child for CKD-EPI…): recorded as a remark. */
  | { readonly kind: 'not_computable'; readonly messageFr: string }
  /** An input has no value yet: the calculated result stays pending. */
  | { readonly kind: 'waiting' };

export interface InputValue {
  readonly value: ResultValue;
  readonly analyte: Pick<AnalyteRule, 'unit' | 'conventionalUnit' | 'conventionalFactor'>;
}

type Units = Pick<AnalyteRule, 'unit' | 'conventionalUnit' | 'conventionalFactor'>;

/** Catalogue spellings `ckd_epi_2009` and core's `ckd-epi-2009` name the same formula. */
export function formulaIdOf(id: string): string {
  return id.trim().toLowerCase().replace(/_/g, '-');
}

/** A value in the analyte's unit converted into `to`, or `null` when no conversion exists. */
export function convertFromAnalyteUnit(value: number, units: Units, to: string): number | null {
  if (units.unit === null || units.unit === to) {
    return value;
  }
  const direct = convertUnit(value, units.unit, to);
  if (direct.ok) {
    return direct.value;
  }
  if (units.conventionalUnit !== null && units.conventionalFactor !== null) {
    const viaConventional = convertUnit(value * units.conventionalFactor, units.conventionalUnit, to);
    if (viaConventional.ok) {
      return viaConventional.value;
    }
  }
  return null;
}

/** A value in `from` converted into the analyte's unit, or `null` when no conversion exists. */
export function convertToAnalyteUnit(value: number, from: string, units: Units): number | null {
  if (units.unit === null || units.unit === from) {
    return value;
  }
  const direct = convertUnit(value, from, units.unit);
  if (direct.ok) {
    return direct.value;
  }
  if (units.conventionalUnit !== null && units.conventionalFactor !== null && units.conventionalFactor !== 0) {
    const inConventional = convertUnit(value, from, units.conventionalUnit);
    if (inConventional.ok) {
      return inConventional.value / units.conventionalFactor;
    }
  }
  return null;
}

export function calculate(
  target: AnalyteRule,
  valuesByCode: ReadonlyMap<string, InputValue>,
  patient: PatientAtCollection
): CalculatedOutcome {
  const formula = target.formula;
  if (formula === null) {
    return { kind: 'waiting' };
  }
  const formulaId = formulaIdOf(formula.id);
  if (!isCalculatedFormulaId(formulaId)) {
    return { kind: 'not_computable', messageFr: `Formule de calcul inconnue : ${formula.id}.` };
  }
  const definition = calculatedFormulas[formulaId];
  const inputs: Record<string, number> = {};
  for (const input of definition.inputs) {
    const binding = formula.inputs[input.name];
    if (typeof binding === 'number') {
      inputs[input.name] = binding;
      continue;
    }
    if (binding === undefined) {
      return {
        kind: 'not_computable',
        messageFr: `${definition.labelFr} : donnée « ${input.labelFr} » non paramétrée.`,
      };
    }
    if (input.kind === 'parameter' && binding.trim() !== '' && Number.isFinite(Number(binding))) {
      inputs[input.name] = Number(binding);
      continue;
    }
    const given = valuesByCode.get(binding);
    if (given === undefined) {
      return { kind: 'waiting' };
    }
    if (given.value.type !== 'numeric' || given.value.comparator !== null) {
      return {
        kind: 'not_computable',
        messageFr: `${definition.labelFr} non calculable : ${input.labelFr} non numérique ou hors limites de mesure.`,
      };
    }
    const converted = convertFromAnalyteUnit(given.value.value, given.analyte, input.unit);
    if (converted === null) {
      return {
        kind: 'not_computable',
        messageFr: `${definition.labelFr} non calculable : unité de ${input.labelFr} incompatible (${input.unit} attendu).`,
      };
    }
    inputs[input.name] = converted;
  }
  const outcome = computeCalculatedAnalyte(formulaId, inputs, { sex: patient.sex, ageYears: patient.ageYears });
  if (!outcome.ok) {
    return outcome.code === 'SIL_CALCULATION_INPUT_MISSING'
      ? { kind: 'waiting' }
      : { kind: 'not_computable', messageFr: outcome.messageFr };
  }
  const value = convertToAnalyteUnit(outcome.value, definition.outputUnit, target);
  if (value === null || !Number.isFinite(value)) {
    return {
      kind: 'not_computable',
      messageFr: `${definition.labelFr} : unité du résultat incompatible (${definition.outputUnit}).`,
    };
  }
  const rounded = roundHalfAwayFromZero(value, target.decimals);
  return {
    kind: 'value',
    value: { type: 'numeric', value: rounded === 0 ? 0 : rounded, comparator: null, decimals: target.decimals },
  };
}
