/**
 * The analyte editor's values ↔ the API definition. Checks mirror the server's
 * (catalogue-validation.ts) so that most mistakes are shown on the field before saving; the server
 * stays the authority and its French errors are shown as they come.
 */
import { calculatedFormulas, isCalculatedFormulaId, isSupportedUnit, luhnCheckDigit } from '@sillage/core';
import { formatDecimalInput, parseDecimal } from './catalogue-decimal.js';
import { catalogueCodePattern, type CatalogueFormIssue } from './catalogue-form-issue.js';
import { intervalToRow, rowsToIntervals, type IntervalRow } from './catalogue-interval-form.js';
import type { Analyte, AnalyteDefinition, CodedValue, DeltaKind, ResultType } from './catalogue-types.js';

export interface AnalyteFormValues {
  code: string;
  label: string;
  shortLabel: string;
  loinc: string;
  chapter: string;
  resultType: ResultType;
  unitUcum: string;
  unitConventional: string;
  conventionalFactor: string;
  decimals: string;
  codedValues: CodedValue[];
  criticalLow: string;
  criticalHigh: string;
  deltaKind: DeltaKind | 'none';
  deltaThreshold: string;
  deltaMaxAgeDays: string;
  /** '' = not calculated. */
  formulaId: string;
  /** Formula input name → analyte code. */
  formulaInputs: Record<string, string>;
  referenceIntervals: IntervalRow[];
  reason: string;
}

const codedValueCodePattern = /^[A-Z0-9_+-]{1,20}$/;
const loincPattern = /^(\d{1,7})-(\d)$/;
/** Server: a change reason of 3 characters at least (catalogue.service.ts). */
export const reasonMinLength = 3;

/** LOINC syntax with its mod-10 check digit, as the server checks it (loinc-code.ts). */
export function isValidLoinc(code: string): boolean {
  const match = loincPattern.exec(code);
  return match !== null && luhnCheckDigit(match[1] ?? '') === Number(match[2]);
}

export function analyteToFormValues(analyte: Analyte | null, locale: 'fr' | 'en'): AnalyteFormValues {
  return {
    code: analyte?.code ?? '',
    label: analyte?.label ?? '',
    shortLabel: analyte?.shortLabel ?? '',
    loinc: analyte?.loinc ?? '',
    chapter: analyte?.chapter ?? '',
    resultType: analyte?.resultType ?? 'numeric',
    unitUcum: analyte?.unitUcum ?? '',
    unitConventional: analyte?.unitConventional ?? '',
    conventionalFactor: formatDecimalInput(analyte?.conventionalFactor, locale),
    decimals: String(analyte?.decimals ?? 0),
    codedValues: analyte?.codedValues?.map((value) => ({ ...value })) ?? [],
    criticalLow: formatDecimalInput(analyte?.criticalLow, locale),
    criticalHigh: formatDecimalInput(analyte?.criticalHigh, locale),
    deltaKind: analyte?.deltaRule?.kind ?? 'none',
    deltaThreshold: formatDecimalInput(analyte?.deltaRule?.threshold, locale),
    deltaMaxAgeDays: analyte?.deltaRule === null || analyte === null ? '' : String(analyte.deltaRule.maxAgeDays),
    formulaId: analyte?.formula?.id ?? '',
    formulaInputs: { ...(analyte?.formula?.inputs ?? {}) },
    referenceIntervals: analyte?.referenceIntervals.map((interval) => intervalToRow(interval, locale)) ?? [],
    reason: '',
  };
}

/** The analyte inputs a formula takes (its `parameter` inputs are not bound in the catalogue). */
export function formulaAnalyteInputs(formulaId: string): { name: string; labelFr: string; unit: string }[] {
  if (!isCalculatedFormulaId(formulaId)) {
    return [];
  }
  return calculatedFormulas[formulaId].inputs.filter((input) => input.kind === 'analyte');
}

interface Checker {
  issues: CatalogueFormIssue[];
  /** A number field: `null` when blank, `undefined` (and an issue) when not a number. */
  optionalNumber(path: string, text: string): number | null | undefined;
  text(path: string, value: string, max: number): string;
}

function checker(): Checker {
  const issues: CatalogueFormIssue[] = [];
  return {
    issues,
    optionalNumber(path, text) {
      const value = parseDecimal(text);
      if (value === undefined) {
        return null;
      }
      if (Number.isNaN(value)) {
        issues.push({ path, key: 'number' });
        return undefined;
      }
      return value;
    },
    text(path, value, max) {
      const trimmed = value.trim();
      if (trimmed === '' || trimmed.length > max) {
        issues.push({ path, key: 'required' });
      }
      return trimmed;
    },
  };
}

function unitOf(check: Checker, path: string, text: string): string | null {
  const unit = text.trim();
  if (unit === '') {
    return null;
  }
  if (!isSupportedUnit(unit)) {
    check.issues.push({ path, key: 'unitUnknown', values: { unit } });
  }
  return unit;
}

function codedValuesOf(check: Checker, values: AnalyteFormValues): CodedValue[] | null {
  if (values.resultType !== 'coded') {
    return null;
  }
  if (values.codedValues.length === 0) {
    check.issues.push({ path: 'codedValues', key: 'codedValuesRequired' });
  }
  const seen = new Set<string>();
  return values.codedValues.map((value, index) => {
    const code = value.code.trim().toUpperCase();
    if (!codedValueCodePattern.test(code)) {
      check.issues.push({ path: `codedValues.${index}.code`, key: 'codedValueCode' });
    } else if (seen.has(code)) {
      check.issues.push({ path: `codedValues.${index}.code`, key: 'codedValueDuplicate' });
    }
    seen.add(code);
    return { code, label: check.text(`codedValues.${index}.label`, value.label, 100), abnormal: value.abnormal };
  });
}

function numericPart(check: Checker, values: AnalyteFormValues) {
  if (values.resultType !== 'numeric') {
    return {
      unitUcum: null,
      unitConventional: null,
      conventionalFactor: null,
      criticalLow: null,
      criticalHigh: null,
      deltaRule: null,
      formula: null,
    };
  }
  const unitUcum = unitOf(check, 'unitUcum', values.unitUcum);
  const unitConventional = unitOf(check, 'unitConventional', values.unitConventional);
  const conventionalFactor = check.optionalNumber('conventionalFactor', values.conventionalFactor) ?? null;
  if ((unitConventional === null) !== (conventionalFactor === null)) {
    check.issues.push({
      path: unitConventional === null ? 'unitConventional' : 'conventionalFactor',
      key: 'unitAndFactor',
    });
  } else if (conventionalFactor !== null && !(conventionalFactor > 0)) {
    check.issues.push({ path: 'conventionalFactor', key: 'positive' });
  }
  const criticalLow = check.optionalNumber('criticalLow', values.criticalLow) ?? null;
  const criticalHigh = check.optionalNumber('criticalHigh', values.criticalHigh) ?? null;
  if (criticalLow !== null && criticalHigh !== null && criticalLow >= criticalHigh) {
    check.issues.push({ path: 'criticalLow', key: 'criticalOrder' });
  }
  let deltaRule: AnalyteDefinition['deltaRule'] = null;
  if (values.deltaKind !== 'none') {
    const threshold = check.optionalNumber('deltaThreshold', values.deltaThreshold);
    const maxAgeDays = check.optionalNumber('deltaMaxAgeDays', values.deltaMaxAgeDays);
    if (threshold === null || (threshold !== undefined && !(threshold > 0))) {
      check.issues.push({ path: 'deltaThreshold', key: 'positive' });
    }
    if (maxAgeDays === null || (maxAgeDays !== undefined && !(Number.isInteger(maxAgeDays) && maxAgeDays > 0))) {
      check.issues.push({ path: 'deltaMaxAgeDays', key: 'integer' });
    }
    deltaRule = { kind: values.deltaKind, threshold: threshold ?? 0, maxAgeDays: maxAgeDays ?? 0 };
  }
  let formula: AnalyteDefinition['formula'] = null;
  if (values.formulaId !== '') {
    const inputs: Record<string, string> = {};
    for (const input of formulaAnalyteInputs(values.formulaId)) {
      const bound = values.formulaInputs[input.name] ?? '';
      if (bound === '' || bound === values.code) {
        check.issues.push({ path: `formulaInputs.${input.name}`, key: 'formulaInput' });
      }
      inputs[input.name] = bound;
    }
    formula = { id: values.formulaId, inputs };
  }
  return { unitUcum, unitConventional, conventionalFactor, criticalLow, criticalHigh, deltaRule, formula };
}

/**
 * The API definition of the form's values, or the issues that stop the save. `creating` checks the
 * code; an edit needs a change reason (the server refuses a new version without one).
 */
export function analyteFormToDefinition(
  values: AnalyteFormValues,
  creating: boolean
): { definition: AnalyteDefinition; issues: CatalogueFormIssue[] } {
  const check = checker();
  if (creating && !catalogueCodePattern.test(values.code)) {
    check.issues.push({ path: 'code', key: 'codeRule' });
  }
  const label = check.text('label', values.label, 200);
  const shortLabel = check.text('shortLabel', values.shortLabel, 100);
  const chapter = check.text('chapter', values.chapter, 100);
  const loinc = values.loinc.trim() === '' ? null : values.loinc.trim();
  if (loinc !== null && !isValidLoinc(loinc)) {
    check.issues.push({ path: 'loinc', key: 'loincRule' });
  }
  const decimals = Number(values.decimals);
  if (!(Number.isInteger(decimals) && decimals >= 0 && decimals <= 6) || values.decimals.trim() === '') {
    check.issues.push({ path: 'decimals', key: 'decimalsRule' });
  }
  const codedValues = codedValuesOf(check, values);
  const numeric = numericPart(check, values);
  const { intervals, issues: intervalIssues } = rowsToIntervals(
    values.referenceIntervals,
    values.resultType === 'numeric'
  );
  check.issues.push(...intervalIssues);
  if (!creating && values.reason.trim().length < reasonMinLength) {
    check.issues.push({ path: 'reason', key: 'reasonRule' });
  }
  return {
    definition: {
      label,
      shortLabel,
      loinc,
      chapter,
      resultType: values.resultType,
      decimals,
      codedValues,
      ...numeric,
      referenceIntervals: intervals,
    },
    issues: check.issues,
  };
}
