/**
 * What a value means for this patient, computed the moment it is typed: parsed by result type,
 * rounded, the reference interval for the patient's sex and age in days AT COLLECTION, the flag
 * (L/H/LL/HH/A/AA) and the delta against the previous validated result. Rules are core/lab's; this
 * file only feeds them and shapes what is frozen with the version (the interval applied never
 * changes afterwards, even when the catalogue does).
 */
import {
  ageAt,
  checkDelta,
  computeCodedFlag,
  computeFlag,
  formatReferenceInterval,
  formatResultValue,
  parseResultValue,
  referenceSexOf,
  selectReferenceInterval,
  SillageError,
  type FlagOutcome,
  type NumericComparator,
  type ReferenceInterval,
  type ReferenceSex,
  type ResultFlag,
  type ResultValue,
} from '@sillage/core';
import type { AnalyteRule } from './analyte-rule.js';
import type { DeltaView, IntervalView } from './results.schemas.js';

export interface PatientAtCollection {
  readonly sex: ReferenceSex | null;
  readonly ageDays: number;
  readonly ageYears: number;
  readonly collectedAt: Date;
}

/** Sex and age of the patient on the Paris day the specimen was collected (core/lab age.ts). */
export function patientAtCollection(birthDate: string, sex: string, collectedAt: Date): PatientAtCollection {
  const age = ageAt(birthDate, collectedAt);
  return { sex: referenceSexOf(sex), ageDays: age.days, ageYears: age.years, collectedAt };
}

/** Parses an entry by the analyte's result type; a wrong value saves nothing (stable code from core). */
export function parseEntry(analyte: AnalyteRule, input: string): ResultValue {
  const parsed = parseResultValue(
    input,
    analyte.resultType === 'numeric'
      ? { type: 'numeric', decimals: analyte.decimals }
      : analyte.resultType === 'coded'
        ? { type: 'coded', options: analyte.codedValues ?? [] }
        : { type: 'text' }
  );
  if (!parsed.ok) {
    throw new SillageError(parsed.code, {
      issues: [{ path: 'value', message: `${analyte.code} : ${parsed.detail}`.trim() }],
    });
  }
  return parsed.value;
}

export function intervalView(interval: ReferenceInterval, decimals: number): IntervalView {
  return {
    low: interval.low,
    high: interval.high,
    text: interval.text ?? null,
    display: formatReferenceInterval(interval, decimals),
    sex: interval.sex,
    ageMinDays: interval.ageMinDays,
    ageMaxDays: interval.ageMaxDays,
    source: interval.source,
  };
}

export function selectInterval(analyte: AnalyteRule, patient: PatientAtCollection): ReferenceInterval | null {
  return selectReferenceInterval(analyte.intervals, { sex: patient.sex, ageDays: patient.ageDays });
}

export function flagOf(analyte: AnalyteRule, value: ResultValue, interval: ReferenceInterval | null): FlagOutcome {
  switch (value.type) {
    case 'numeric':
      return computeFlag({
        value: value.value,
        comparator: value.comparator,
        interval,
        criticalLow: analyte.criticalLow,
        criticalHigh: analyte.criticalHigh,
      });
    case 'coded': {
      const options = analyte.codedValues ?? [];
      return computeCodedFlag({
        code: value.code,
        abnormalCodes: options.filter((option) => option.abnormal).map((option) => option.code),
        criticalCodes: options.filter((option) => option.critical).map((option) => option.code),
      });
    }
    case 'text':
      return { flag: null, critical: false };
  }
}

export interface PreviousNumeric {
  readonly value: number;
  readonly at: Date;
}

/** Delta check (CLSI EP33) of a plain numeric value; a censored value (`<0,5`) has no delta. */
export function deltaOf(
  analyte: AnalyteRule,
  value: ResultValue,
  previous: PreviousNumeric | null,
  at: Date
): DeltaView | null {
  if (analyte.deltaRule === null || value.type !== 'numeric' || value.comparator !== null || previous === null) {
    return null;
  }
  const outcome = checkDelta(value.value, previous, analyte.deltaRule, at);
  if (outcome === null) {
    return null;
  }
  return {
    previousValue: outcome.previousValue,
    previousAt: previous.at.toISOString(),
    delta: outcome.delta,
    deltaPercent: outcome.deltaPercent,
    exceeded: outcome.exceeded,
    rule: analyte.deltaRule,
  };
}

export interface Evaluation {
  readonly value: ResultValue;
  readonly flag: ResultFlag | null;
  readonly critical: boolean;
  readonly interval: IntervalView | null;
  readonly delta: DeltaView | null;
}

export function evaluate(
  analyte: AnalyteRule,
  value: ResultValue,
  patient: PatientAtCollection,
  previous: PreviousNumeric | null
): Evaluation {
  const interval = selectInterval(analyte, patient);
  const { flag, critical } = flagOf(analyte, value, interval);
  return {
    value,
    flag,
    critical,
    interval: interval === null ? null : intervalView(interval, analyte.decimals),
    delta: deltaOf(analyte, value, previous, patient.collectedAt),
  };
}

// ── Storage (result_version columns) ─────────────────────────────────────

export interface StoredValue {
  readonly valueNumeric: string | null;
  readonly qualifier: NumericComparator | null;
  readonly valueText: string | null;
  readonly valueCode: string | null;
}

export function storedValueOf(value: ResultValue): StoredValue {
  switch (value.type) {
    case 'numeric':
      return { valueNumeric: String(value.value), qualifier: value.comparator, valueText: null, valueCode: null };
    case 'coded':
      return { valueNumeric: null, qualifier: null, valueText: null, valueCode: value.code };
    case 'text':
      return { valueNumeric: null, qualifier: null, valueText: value.text, valueCode: null };
  }
}

function decimalsOfText(text: string): number {
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}

/** The value a version holds (`null` when it holds none); a text on a numeric analyte is a remark such as "non calculable". */
export function resultValueOf(stored: StoredValue, decimals: number): ResultValue | null {
  if (stored.valueNumeric !== null) {
    const value = Number(stored.valueNumeric);
    // A censored value keeps the decimals it was typed with (`<0,05` on a 1-decimal analyte).
    const shown = stored.qualifier === null ? decimals : Math.max(decimals, decimalsOfText(stored.valueNumeric));
    return { type: 'numeric', value, comparator: stored.qualifier, decimals: Math.min(shown, 10) };
  }
  if (stored.valueCode !== null) {
    return { type: 'coded', code: stored.valueCode };
  }
  if (stored.valueText !== null) {
    return { type: 'text', text: stored.valueText };
  }
  return null;
}

export function displayOf(value: ResultValue | null, analyte: Pick<AnalyteRule, 'codedValues'>): string | null {
  return value === null ? null : formatResultValue(value, analyte.codedValues ?? undefined);
}

export function sameStoredValue(a: StoredValue, b: StoredValue): boolean {
  const numericEqual =
    a.valueNumeric === null || b.valueNumeric === null
      ? a.valueNumeric === b.valueNumeric
      : Number(a.valueNumeric) === Number(b.valueNumeric);
  return numericEqual && a.qualifier === b.qualifier && a.valueText === b.valueText && a.valueCode === b.valueCode;
}
