/**
 * What a report is built from (issue 3 item 9: "built only from validated results"): per result of
 * an order, its latest biologically validated version — never a version still awaiting validation —
 * with the interval frozen with it, the validating biologist, and the patient's previous validated
 * result of the same analyte (antériorité) with its date. Shared with the reports feature: call it
 * inside the report's own transaction.
 */
import { formatUnitForDisplay, type NumericComparator, type ResultFlag, type ResultType } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import { codedValuesOf } from './analyte-rule.js';
import { displayOf, resultValueOf } from './result-evaluation.js';
import { frozenInterval } from './result-views.js';
import type { IntervalView } from './results.schemas.js';

export interface ValidatedPreviousResult {
  resultId: string;
  version: number;
  /** French display (`12,5`, `<0,5`, coded label). */
  value: string;
  valueNumeric: number | null;
  unit: string | null;
  flag: ResultFlag | null;
  /** ISO instant of the previous specimen's collection. */
  collectedAt: string | null;
}

export interface ValidatedResult {
  resultId: string;
  orderAnalysisId: string;
  analysisCode: string;
  analysisLabel: string;
  chapter: string;
  analyteCode: string;
  analyteLabel: string;
  shortLabel: string | null;
  loinc: string | null;
  resultType: ResultType;
  /** Result status now (biologically_validated, released, or entered again after an amendment). */
  status: string;
  /** The validated version reported. */
  version: number;
  /** The version carries a correction made after an earlier validation (report "amended"). */
  amended: boolean;
  amendmentReason: string | null;
  /** French display of the value (decimal comma, coded label, text). */
  value: string;
  valueNumeric: number | null;
  comparator: NumericComparator | null;
  valueCode: string | null;
  valueText: string | null;
  decimals: number;
  /** UCUM unit, and as printed (`µmol/L`, `10⁹/L`). */
  unit: string | null;
  unitDisplay: string | null;
  flag: ResultFlag | null;
  critical: boolean;
  interval: IntervalView | null;
  comment: string | null;
  commentCodes: string[];
  source: 'manual' | 'instrument' | 'calculated';
  enteredAt: string;
  validatorId: string;
  validatorName: string;
  validatedAt: string;
  collectedAt: string | null;
  receivedAt: string | null;
  specimenBarcode: string | null;
  previous: ValidatedPreviousResult | null;
}

interface ValidatedRow {
  result_id: string;
  order_analysis_id: string;
  analysis_code: string;
  analysis_label: string;
  chapter: string;
  analyte_code: string;
  analyte_label: string;
  short_label: string | null;
  loinc: string | null;
  result_type: ResultType;
  decimals: number;
  coded_values: unknown;
  status: string;
  version: number;
  value_numeric: string | null;
  qualifier: NumericComparator | null;
  value_text: string | null;
  value_code: string | null;
  unit: string | null;
  flag: ResultFlag | null;
  critical: boolean;
  reference: unknown;
  comment: string | null;
  comment_codes: string[] | null;
  source: 'manual' | 'instrument' | 'calculated';
  amendment_reason: string | null;
  entered_at: Date;
  validator_id: string;
  validator_name: string;
  validated_at: Date;
  collected_at: Date | null;
  received_at: Date | null;
  barcode: string | null;
  prev_result_id: string | null;
  prev_version: number | null;
  prev_value_numeric: string | null;
  prev_qualifier: NumericComparator | null;
  prev_value_text: string | null;
  prev_value_code: string | null;
  prev_unit: string | null;
  prev_flag: ResultFlag | null;
  prev_decimals: number | null;
  prev_coded_values: unknown;
  prev_collected_at: Date | null;
}

function previousOf(row: ValidatedRow): ValidatedPreviousResult | null {
  if (row.prev_result_id === null || row.prev_version === null) {
    return null;
  }
  const value = resultValueOf(
    {
      valueNumeric: row.prev_value_numeric,
      qualifier: row.prev_qualifier,
      valueText: row.prev_value_text,
      valueCode: row.prev_value_code,
    },
    row.prev_decimals ?? row.decimals
  );
  return {
    resultId: row.prev_result_id,
    version: row.prev_version,
    value: displayOf(value, { codedValues: codedValuesOf(row.prev_coded_values) }) ?? '',
    valueNumeric: row.prev_value_numeric === null ? null : Number(row.prev_value_numeric),
    unit: row.prev_unit,
    flag: row.prev_flag,
    collectedAt: row.prev_collected_at === null ? null : row.prev_collected_at.toISOString(),
  };
}

/**
 * Per result of the order (report order: analyses by position, analytes as the analysis lists them),
 * the latest biologically validated version. Results never validated are absent (a partial report).
 */
export async function validatedResultsForOrder(tx: Queryable, orderId: string): Promise<ValidatedResult[]> {
  const rows = await tx.query<ValidatedRow>(
    `SELECT r.id AS result_id, r.order_analysis_id, an.code AS analysis_code, an.label AS analysis_label, a.chapter,
       r.analyte_code, a.label AS analyte_label, a.short_label, a.loinc, a.result_type, a.decimals, a.coded_values,
       r.status, ve.result_version AS version, rv.value_numeric::text AS value_numeric, rv.qualifier, rv.value_text,
       rv.value_code, rv.unit, rv.flag, rv.critical, rv.reference, rv.comment, rv.comment_codes, rv.source,
       rv.amendment_reason, rv.entered_at, ve.actor_id AS validator_id, u.display_name AS validator_name,
       ve.occurred_at AS validated_at, s.collected_at, s.received_at, s.barcode,
       prev.result_id AS prev_result_id, prev.version AS prev_version, prev.value_numeric AS prev_value_numeric,
       prev.qualifier AS prev_qualifier, prev.value_text AS prev_value_text, prev.value_code AS prev_value_code,
       prev.unit AS prev_unit, prev.flag AS prev_flag, prev.decimals AS prev_decimals,
       prev.coded_values AS prev_coded_values, prev.collected_at AS prev_collected_at
     FROM result r
     JOIN LATERAL (
       SELECT v.result_version, v.actor_id, v.occurred_at FROM validation_event v
       WHERE v.result_id = r.id AND v.kind = 'biological'
       ORDER BY v.result_version DESC LIMIT 1
     ) ve ON true
     JOIN result_version rv ON rv.result_id = r.id AND rv.version = ve.result_version
     JOIN app_user u ON u.id = ve.actor_id
     JOIN analyte a ON a.id = r.analyte_id
     JOIN order_analysis oa ON oa.id = r.order_analysis_id
     JOIN analysis an ON an.id = oa.analysis_id
     LEFT JOIN specimen s ON s.id = r.specimen_id
     LEFT JOIN LATERAL (
       SELECT pr.id AS result_id, pv.version, pv.value_numeric::text AS value_numeric, pv.qualifier, pv.value_text,
         pv.value_code, pv.unit, pv.flag, pa.decimals, pa.coded_values,
         coalesce(ps.collected_at, ps.received_at) AS collected_at
       FROM result pr
       JOIN LATERAL (
         SELECT pe.result_version FROM validation_event pe
         WHERE pe.result_id = pr.id AND pe.kind = 'biological'
         ORDER BY pe.result_version DESC LIMIT 1
       ) pl ON true
       JOIN result_version pv ON pv.result_id = pr.id AND pv.version = pl.result_version
       JOIN analyte pa ON pa.id = pr.analyte_id
       LEFT JOIN specimen ps ON ps.id = pr.specimen_id
       WHERE pr.patient_id = r.patient_id AND pr.analyte_code = r.analyte_code AND pr.order_id <> r.order_id
         AND pr.status <> 'cancelled'
         AND coalesce(ps.collected_at, ps.received_at) < coalesce(s.collected_at, s.received_at, now())
       ORDER BY coalesce(ps.collected_at, ps.received_at) DESC, pr.id
       LIMIT 1
     ) prev ON true
     WHERE r.order_id = $1 AND r.status <> 'cancelled'
     ORDER BY oa.position, array_position(an.analyte_codes, r.analyte_code), r.analyte_code`,
    [orderId]
  );
  return rows.map((row) => {
    const value = resultValueOf(
      {
        valueNumeric: row.value_numeric,
        qualifier: row.qualifier,
        valueText: row.value_text,
        valueCode: row.value_code,
      },
      row.decimals
    );
    return {
      resultId: row.result_id,
      orderAnalysisId: row.order_analysis_id,
      analysisCode: row.analysis_code,
      analysisLabel: row.analysis_label,
      chapter: row.chapter,
      analyteCode: row.analyte_code,
      analyteLabel: row.analyte_label,
      shortLabel: row.short_label,
      loinc: row.loinc,
      resultType: row.result_type,
      status: row.status,
      version: row.version,
      amended: row.amendment_reason !== null,
      amendmentReason: row.amendment_reason,
      value: displayOf(value, { codedValues: codedValuesOf(row.coded_values) }) ?? '',
      valueNumeric: value?.type === 'numeric' ? value.value : null,
      comparator: value?.type === 'numeric' ? value.comparator : null,
      valueCode: row.value_code,
      valueText: row.value_text,
      decimals: row.decimals,
      unit: row.unit,
      unitDisplay: row.unit === null ? null : formatUnitForDisplay(row.unit),
      flag: row.flag,
      critical: row.critical,
      interval: frozenInterval(row.reference),
      comment: row.comment,
      commentCodes: row.comment_codes ?? [],
      source: row.source,
      enteredAt: row.entered_at.toISOString(),
      validatorId: row.validator_id,
      validatorName: row.validator_name,
      validatedAt: row.validated_at.toISOString(),
      collectedAt: row.collected_at === null ? null : row.collected_at.toISOString(),
      receivedAt: row.received_at === null ? null : row.received_at.toISOString(),
      specimenBarcode: row.barcode,
      previous: previousOf(row),
    };
  });
}
