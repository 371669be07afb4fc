/**
 * API views of results. What is shown with a value is what was frozen with its version (interval
 * applied, delta), never recomputed from today's catalogue.
 */
import type { PatientSummaryView, DeltaView, IntervalView, ResultValueView } from './results.schemas.js';
import type { AnalyteRule } from './analyte-rule.js';
import { displayOf, resultValueOf } from './result-evaluation.js';
import type { OrderResultRow } from './results.repository.js';

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The interval frozen with a version (`reference` column), as the API shows it. */
export function frozenInterval(reference: unknown): IntervalView | null {
  const entry = record(reference);
  if (entry === null || typeof entry.display !== 'string') {
    return null;
  }
  return {
    low: typeof entry.low === 'number' ? entry.low : null,
    high: typeof entry.high === 'number' ? entry.high : null,
    text: typeof entry.text === 'string' ? entry.text : null,
    display: entry.display,
    sex: entry.sex === 'F' || entry.sex === 'M' ? entry.sex : null,
    ageMinDays: typeof entry.ageMinDays === 'number' ? entry.ageMinDays : 0,
    ageMaxDays: typeof entry.ageMaxDays === 'number' ? entry.ageMaxDays : null,
    source: typeof entry.source === 'string' ? entry.source : '',
  };
}

export function frozenDelta(delta: unknown): DeltaView | null {
  const entry = record(delta);
  const rule = record(entry?.rule);
  if (entry === null || rule === null || typeof entry.previousValue !== 'number' || typeof entry.delta !== 'number') {
    return null;
  }
  return {
    previousValue: entry.previousValue,
    previousAt: typeof entry.previousAt === 'string' ? entry.previousAt : '',
    delta: entry.delta,
    deltaPercent: typeof entry.deltaPercent === 'number' ? entry.deltaPercent : null,
    exceeded: entry.exceeded === true,
    rule: {
      kind: rule.kind === 'percent' ? 'percent' : 'absolute',
      threshold: typeof rule.threshold === 'number' ? rule.threshold : 0,
      maxAgeDays: typeof rule.maxAgeDays === 'number' ? rule.maxAgeDays : 0,
    },
  };
}

export type VersionColumns = Pick<
  OrderResultRow,
  | 'value_numeric'
  | 'qualifier'
  | 'value_text'
  | 'value_code'
  | 'flag'
  | 'reference'
  | 'delta'
  | 'comment'
  | 'comment_codes'
  | 'entered_at'
>;

export type ResultColumns = Pick<
  OrderResultRow,
  'id' | 'order_id' | 'specimen_id' | 'status' | 'current_version' | 'critical'
>;

export function resultViewOf(row: ResultColumns & VersionColumns, analyte: AnalyteRule): ResultValueView {
  const value = resultValueOf(
    { valueNumeric: row.value_numeric, qualifier: row.qualifier, valueText: row.value_text, valueCode: row.value_code },
    analyte.decimals
  );
  return {
    id: row.id,
    orderId: row.order_id,
    specimenId: row.specimen_id,
    analyteCode: analyte.code,
    analyteLabel: analyte.label,
    resultType: analyte.resultType,
    unit: analyte.unit,
    decimals: analyte.decimals,
    calculated: analyte.formula !== null,
    status: row.status,
    version: row.current_version,
    value: displayOf(value, analyte),
    valueNumeric: value?.type === 'numeric' ? value.value : null,
    comparator: value?.type === 'numeric' ? value.comparator : null,
    valueCode: value?.type === 'coded' ? value.code : null,
    flag: row.flag,
    critical: row.critical,
    interval: frozenInterval(row.reference),
    delta: frozenDelta(row.delta),
    comment: row.comment,
    commentCodes: row.comment_codes ?? [],
    enteredAt: row.entered_at === null ? null : row.entered_at.toISOString(),
  };
}

export interface PatientSummaryColumns {
  patient_id: string;
  patient_number: string;
  birth_name: string;
  used_name: string | null;
  first_first_name: string;
  birth_date: string;
  sex: 'F' | 'M' | 'I';
}

export const patientSummarySql = `p.id AS patient_id, p.patient_number, p.birth_name, p.used_name, p.first_first_name,
  p.birth_date::text AS birth_date, p.sex`;

export function patientSummaryOf(row: PatientSummaryColumns): PatientSummaryView {
  return {
    id: row.patient_id,
    patientNumber: row.patient_number,
    birthName: row.birth_name,
    usedName: row.used_name,
    firstFirstName: row.first_first_name,
    birthDate: row.birth_date,
    sex: row.sex,
  };
}

export const urgencyRankSql = (column: string): string =>
  `CASE ${column} WHEN 'vital' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`;

export function isoOrNull(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}
