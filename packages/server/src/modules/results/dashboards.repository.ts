/**
 * SQL of the role home screens (issue 3 item 10): the bench's open work by section, urgent first,
 * and the biologist's queue size and critical values still awaiting their call. Each query starts
 * from a partial index of open results (0003 `result_status_idx`, 0006 `result_bench_open_idx`,
 * `result_critical_open_idx`).
 */
import type { NumericComparator, ResultFlag } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import { acceptedSpecimenSql, openStatusesSql } from './worklists.repository.js';
import { patientSummarySql, urgencyRankSql, type PatientSummaryColumns } from './result-views.js';
import type { ResultStatus } from './results.schemas.js';

export interface SectionLoadRow {
  section: string;
  awaiting_entry: number;
  awaiting_technical_validation: number;
  urgent: number;
  specimens: number;
  oldest_received_at: Date | null;
}

const openWorkJoins = `FROM result r
  JOIN specimen s ON s.id = r.specimen_id
  JOIN lab_order o ON o.id = r.order_id
  JOIN order_analysis oa ON oa.id = r.order_analysis_id
  JOIN analysis an ON an.id = oa.analysis_id
  WHERE r.status IN ${openStatusesSql} AND s.status IN ${acceptedSpecimenSql} AND o.cancelled_at IS NULL`;

export async function sectionLoads(db: Queryable): Promise<SectionLoadRow[]> {
  return db.query<SectionLoadRow>(
    `SELECT an.section,
       count(*) FILTER (WHERE r.status IN ('pending', 'rejected_by_biologist'))::int AS awaiting_entry,
       count(*) FILTER (WHERE r.status = 'entered')::int AS awaiting_technical_validation,
       count(*) FILTER (WHERE o.urgency <> 'routine')::int AS urgent,
       count(DISTINCT r.specimen_id)::int AS specimens,
       min(s.received_at) AS oldest_received_at
     ${openWorkJoins}
     GROUP BY an.section
     ORDER BY urgent DESC, an.section`
  );
}

export interface UrgentSpecimenRow {
  specimen_id: string;
  barcode: string;
  order_number: string;
  urgency: 'routine' | 'urgent' | 'vital';
  sections: string[];
  open_results: number;
  received_at: Date | null;
}

export async function urgentSpecimens(db: Queryable, limit: number): Promise<UrgentSpecimenRow[]> {
  return db.query<UrgentSpecimenRow>(
    `SELECT s.id AS specimen_id, s.barcode, o.order_number, o.urgency,
       array_agg(DISTINCT an.section ORDER BY an.section) AS sections, count(*)::int AS open_results, s.received_at
     ${openWorkJoins} AND o.urgency <> 'routine'
     GROUP BY s.id, s.barcode, o.order_number, o.urgency, s.received_at
     ORDER BY ${urgencyRankSql('o.urgency')}, s.received_at NULLS LAST, s.barcode
     LIMIT $1`,
    [limit]
  );
}

export interface QueueSizeRow {
  queue_orders: number;
  queue_results: number;
  urgent_orders: number;
}

export async function queueSize(db: Queryable): Promise<QueueSizeRow> {
  const rows = await db.query<QueueSizeRow>(
    `SELECT count(DISTINCT r.order_id)::int AS queue_orders, count(*)::int AS queue_results,
       count(DISTINCT r.order_id) FILTER (WHERE o.urgency <> 'routine')::int AS urgent_orders
     FROM result r JOIN lab_order o ON o.id = r.order_id
     WHERE r.status = 'technically_validated'`
  );
  return rows[0] ?? { queue_orders: 0, queue_results: 0, urgent_orders: 0 };
}

export interface CriticalAwaitingRow extends PatientSummaryColumns {
  result_id: string;
  order_id: string;
  order_number: string;
  urgency: 'routine' | 'urgent' | 'vital';
  analyte_code: string;
  analyte_label: string;
  unit_ucum: string | null;
  decimals: number;
  coded_values: unknown;
  status: ResultStatus;
  value_numeric: string | null;
  qualifier: NumericComparator | null;
  value_text: string | null;
  value_code: string | null;
  flag: ResultFlag | null;
  entered_at: Date | null;
}

/** Critical values entered or technically validated whose current version has no call recorded. */
export async function criticalAwaitingCall(db: Queryable, limit: number): Promise<CriticalAwaitingRow[]> {
  return db.query<CriticalAwaitingRow>(
    `SELECT r.id AS result_id, r.order_id, o.order_number, o.urgency, ${patientSummarySql},
       a.code AS analyte_code, a.label AS analyte_label, a.unit_ucum, a.decimals, a.coded_values, r.status,
       rv.value_numeric::text AS value_numeric, rv.qualifier, rv.value_text, rv.value_code, rv.flag, rv.entered_at
     FROM result r
     JOIN lab_order o ON o.id = r.order_id
     JOIN patient p ON p.id = r.patient_id
     JOIN analyte a ON a.id = r.analyte_id
     JOIN result_version rv ON rv.result_id = r.id AND rv.version = r.current_version
     WHERE r.critical AND r.status IN ('entered', 'technically_validated')
       AND NOT EXISTS (SELECT 1 FROM critical_notification cn
                       WHERE cn.result_id = r.id AND cn.result_version = r.current_version)
     ORDER BY ${urgencyRankSql('o.urgency')}, r.updated_at
     LIMIT $1`,
    [limit]
  );
}
