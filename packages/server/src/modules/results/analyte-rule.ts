/**
 * An analyte version as the result rules need it, read from the catalogue's columns (migration 0003:
 * `reference_intervals`, `coded_values`, `delta_rule`, `formula` are JSON; `numeric` columns come
 * back as strings). Reading is tolerant of the catalogue's spellings (`sex: 'any'`, numbers as
 * strings) so a hand-edited catalogue row never breaks result entry.
 */
import type { CodedOption, DeltaCheckRule, ReferenceInterval, ReferenceSex, ResultType } from '@sillage/core';

export interface CodedValueRule extends CodedOption {
  /** Flags A when chosen. */
  readonly abnormal: boolean;
  /** Flags AA (critical) when chosen: a critical coded value needs its call like a numeric one. */
  readonly critical: boolean;
}

export interface FormulaRule {
  readonly id: string;
  /** Formula input name → analyte code (or a constant for a `parameter` input such as the ISI). */
  readonly inputs: Readonly<Record<string, string | number>>;
}

export interface AnalyteRule {
  readonly id: string;
  readonly code: string;
  readonly label: string;
  readonly resultType: ResultType;
  readonly decimals: number;
  /** UCUM unit results are stored in. */
  readonly unit: string | null;
  readonly conventionalUnit: string | null;
  readonly conventionalFactor: number | null;
  readonly codedValues: readonly CodedValueRule[] | null;
  readonly criticalLow: number | null;
  readonly criticalHigh: number | null;
  readonly deltaRule: DeltaCheckRule | null;
  readonly formula: FormulaRule | null;
  readonly intervals: readonly ReferenceInterval[];
}

/** The analyte columns a repository selects (`a.*` renamed with the `analyte_` prefix). */
export interface AnalyteColumns {
  analyte_id: string;
  analyte_code: string;
  analyte_label: string;
  result_type: ResultType;
  decimals: number;
  unit_ucum: string | null;
  unit_conventional: string | null;
  conventional_factor: string | number | null;
  coded_values: unknown;
  critical_low: string | number | null;
  critical_high: string | number | null;
  delta_rule: unknown;
  formula: unknown;
  reference_intervals: unknown;
}

export const analyteColumnsSql = `a.id AS analyte_id, a.code AS analyte_code, a.label AS analyte_label, a.result_type,
  a.decimals, a.unit_ucum, a.unit_conventional, a.conventional_factor, a.coded_values, a.critical_low, a.critical_high,
  a.delta_rule, a.formula, a.reference_intervals`;

export function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function sexOf(value: unknown): ReferenceSex | null {
  return value === 'F' || value === 'M' ? value : null;
}

function intervalsOf(value: unknown): ReferenceInterval[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const intervals: ReferenceInterval[] = [];
  for (const item of value) {
    const entry = record(item);
    if (entry === null) {
      continue;
    }
    const text = typeof entry.text === 'string' && entry.text.trim() !== '' ? entry.text : undefined;
    intervals.push({
      sex: sexOf(entry.sex),
      ageMinDays: numberOrNull(entry.ageMinDays) ?? 0,
      ageMaxDays: numberOrNull(entry.ageMaxDays),
      low: numberOrNull(entry.low),
      high: numberOrNull(entry.high),
      ...(text === undefined ? {} : { text }),
      source: typeof entry.source === 'string' ? entry.source : '',
    });
  }
  return intervals;
}

/** The catalogue's coded list (`[{code, label, abnormal, critical?}]`), `null` when absent. */
export function codedValuesOf(value: unknown): CodedValueRule[] | null {
  if (!Array.isArray(value)) {
    return null;
  }
  const options: CodedValueRule[] = [];
  for (const item of value) {
    const entry = record(item);
    if (entry === null || typeof entry.code !== 'string') {
      continue;
    }
    options.push({
      code: entry.code,
      label: typeof entry.label === 'string' ? entry.label : entry.code,
      abnormal: entry.abnormal === true,
      critical: entry.critical === true,
    });
  }
  return options;
}

function deltaRuleOf(value: unknown): DeltaCheckRule | null {
  const entry = record(value);
  const threshold = numberOrNull(entry?.threshold);
  const maxAgeDays = numberOrNull(entry?.maxAgeDays);
  if (entry === null || (entry.kind !== 'absolute' && entry.kind !== 'percent') || threshold === null) {
    return null;
  }
  // CLSI EP33: a delta rule always has a look-back window; a year when the catalogue omits it.
  return { kind: entry.kind, threshold, maxAgeDays: maxAgeDays ?? 365 };
}

function formulaOf(value: unknown): FormulaRule | null {
  const entry = record(value);
  const id = entry?.id ?? entry?.formulaId;
  const inputs = record(entry?.inputs);
  if (typeof id !== 'string' || inputs === null) {
    return null;
  }
  const bindings: Record<string, string | number> = {};
  for (const [name, binding] of Object.entries(inputs)) {
    if (typeof binding === 'string' || typeof binding === 'number') {
      bindings[name] = binding;
    }
  }
  return { id, inputs: bindings };
}

export function analyteRuleOf(row: AnalyteColumns): AnalyteRule {
  return {
    id: row.analyte_id,
    code: row.analyte_code,
    label: row.analyte_label,
    resultType: row.result_type,
    decimals: row.decimals,
    unit: row.unit_ucum,
    conventionalUnit: row.unit_conventional,
    conventionalFactor: numberOrNull(row.conventional_factor),
    codedValues: codedValuesOf(row.coded_values),
    criticalLow: numberOrNull(row.critical_low),
    criticalHigh: numberOrNull(row.critical_high),
    deltaRule: deltaRuleOf(row.delta_rule),
    formula: formulaOf(row.formula),
    intervals: intervalsOf(row.reference_intervals),
  };
}
