/**
 * SQL of the bench worklists: open results (pending, entered, sent back to rerun) of accepted tubes,
 * by bench section, urgent first then oldest received. It starts from `result_bench_open_idx` (a
 * partial index holding only open results), so its cost follows the bench's load, not the base's size.
 */
import type { NumericComparator, ResultFlag } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import { analyteColumnsSql, type AnalyteColumns } from './analyte-rule.js';
import { patientSummarySql, urgencyRankSql, type PatientSummaryColumns } from './result-views.js';
import type { ResultStatus } from './results.schemas.js';

export interface WorklistRow extends AnalyteColumns, PatientSummaryColumns {
  specimen_id: string;
  barcode: string;
  container_code: string;
  collected_at: Date | null;
  received_at: Date | null;
  order_id: string;
  order_number: string;
  urgency: 'routine' | 'urgent' | 'vital';
  result_id: string;
  status: ResultStatus;
  current_version: number;
  critical: boolean;
  analysis_code: string;
  value_numeric: string | null;
  qualifier: NumericComparator | null;
  value_text: string | null;
  value_code: string | null;
  flag: ResultFlag | null;
  reference: unknown;
  comment: string | null;
  comment_codes: string[] | null;
}

/** Statuses the bench still has to work on (enter, check, rerun). */
export const openStatusesSql = `('pending', 'entered', 'rejected_by_biologist')`;
/** Tubes whose results may be entered (core/lab isSpecimenAccepted). */
export const acceptedSpecimenSql = `('received', 'in_analysis', 'stored')`;

export async function worklistRows(
  db: Queryable,
  section: string | null,
  specimenLimit: number
): Promise<WorklistRow[]> {
  return db.query<WorklistRow>(
    `WITH candidates AS (
       SELECT DISTINCT r.specimen_id
       FROM result r
       JOIN order_analysis oa ON oa.id = r.order_analysis_id
       JOIN analysis an ON an.id = oa.analysis_id
       WHERE r.status IN ${openStatusesSql} AND r.specimen_id IS NOT NULL AND ($1::text IS NULL OR an.section = $1)
     ), chosen AS (
       SELECT s.id, s.barcode, s.container_code, s.collected_at, s.received_at, s.order_id, o.order_number,
         o.urgency, o.patient_id, ${urgencyRankSql('o.urgency')} AS urgency_rank
       FROM candidates c
       JOIN specimen s ON s.id = c.specimen_id
       JOIN lab_order o ON o.id = s.order_id
       WHERE s.status IN ${acceptedSpecimenSql} AND o.cancelled_at IS NULL
       ORDER BY urgency_rank, s.received_at NULLS LAST, s.barcode
       LIMIT $2
     )
     SELECT chosen.id AS specimen_id, chosen.barcode, chosen.container_code, chosen.collected_at, chosen.received_at,
       chosen.order_id, chosen.order_number, chosen.urgency, ${patientSummarySql},
       r.id AS result_id, r.status, r.current_version, r.critical, ${analyteColumnsSql}, an.code AS analysis_code,
       rv.value_numeric::text AS value_numeric, rv.qualifier, rv.value_text, rv.value_code, rv.flag, rv.reference,
       rv.comment, rv.comment_codes
     FROM chosen
     JOIN patient p ON p.id = chosen.patient_id
     JOIN result r ON r.specimen_id = chosen.id AND r.status IN ${openStatusesSql}
     JOIN order_analysis oa ON oa.id = r.order_analysis_id
     JOIN analysis an ON an.id = oa.analysis_id AND ($1::text IS NULL OR an.section = $1)
     JOIN analyte a ON a.id = r.analyte_id
     LEFT JOIN result_version rv ON rv.result_id = r.id AND rv.version = r.current_version
     ORDER BY chosen.urgency_rank, chosen.received_at NULLS LAST, chosen.barcode, oa.position,
       array_position(an.analyte_codes, r.analyte_code), r.analyte_code`,
    [section, specimenLimit]
  );
}
