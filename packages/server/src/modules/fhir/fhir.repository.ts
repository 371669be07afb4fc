/**
 * SQL of the FHIR facade: one base query per resource type over the relational model, filtered by
 * the conditions fhir-filters.ts builds on the base query's columns, then paged. Observations are
 * the latest biologically validated version of each result (nothing unvalidated leaves the lab).
 */
import type { Queryable } from '../../db/database.js';
import type { SqlWhere } from './fhir-sql.js';

export interface Page {
  count: number;
  offset: number;
}

export interface PageOf<Row> {
  rows: Row[];
  total: number;
}

async function search<Row extends object>(
  db: Queryable,
  base: string,
  where: SqlWhere,
  orderBy: string,
  page: Page
): Promise<PageOf<Row>> {
  const limit = where.bind(page.count);
  const offset = where.bind(page.offset);
  const rows = await db.query<Row & { total_count: number }>(
    `SELECT f.*, count(*) OVER () AS total_count FROM (${base}) f ${where.clause()}
     ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
    where.params
  );
  let total = rows[0]?.total_count ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    // Past the last page: the window count is not there to read; count separately.
    const [counted] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${base}) f ${where.clause()}`,
      where.params.slice(0, -2)
    );
    total = counted?.n ?? 0;
  }
  return { rows, total: Number(total) };
}

// ── Patient ────────────────────────────────────────────────────────────────

export interface FhirPatientRow {
  id: string;
  patient_id: string;
  patient_number: string;
  birth_name: string;
  used_name: string | null;
  birth_first_names: string;
  first_first_name: string;
  birth_date: string;
  sex: 'F' | 'M' | 'I';
  ins_number: string | null;
  ins_oid: string | null;
  identity_status: 'PROV' | 'RECUP' | 'VALI' | 'QUAL';
  merged_into_id: string | null;
  version: number;
  updated_at: Date;
}

const patientBase = `SELECT id, patient_number, birth_name, used_name, birth_first_names, first_first_name,
  birth_date::text AS birth_date, birth_date AS birth_day, sex, ins_number, ins_oid, identity_status, merged_into_id,
  version, updated_at, birth_name_key, used_name_key, id AS patient_id
  FROM patient`;

export function searchPatients(db: Queryable, where: SqlWhere, page: Page): Promise<PageOf<FhirPatientRow>> {
  return search(db, patientBase, where, 'f.birth_name_key, f.first_first_name, f.id', page);
}

// ── ServiceRequest (one per requested analysis) ─────────────────────────────

export interface FhirServiceRequestRow {
  id: string;
  order_id: string;
  order_number: string;
  patient_id: string;
  patient_name: string;
  analysis_code: string;
  analysis_label: string;
  urgency: 'routine' | 'urgent' | 'vital';
  clinical_info: string | null;
  authored_at: Date;
  prescriber_name: string | null;
  prescriber_rpps: string | null;
  status: 'active' | 'completed' | 'revoked';
  specimen_ids: string[];
}

const patientNameColumn = `concat_ws(' ', coalesce(p.used_name, p.birth_name), p.first_first_name) AS patient_name`;

const serviceRequestBase = `SELECT oa.id, oa.order_id, o.order_number, o.patient_id, ${patientNameColumn},
  an.code AS analysis_code, an.label AS analysis_label, o.urgency, o.clinical_info, o.created_at AS authored_at,
  nullif(concat_ws(' ', pr.first_name, pr.last_name), '') AS prescriber_name, pr.rpps AS prescriber_rpps,
  CASE
    WHEN oa.cancelled_at IS NOT NULL OR o.cancelled_at IS NOT NULL THEN 'revoked'
    WHEN EXISTS (SELECT 1 FROM result r WHERE r.order_analysis_id = oa.id
                   AND r.status IN ('biologically_validated', 'released'))
     AND NOT EXISTS (SELECT 1 FROM result r WHERE r.order_analysis_id = oa.id
                   AND r.status NOT IN ('biologically_validated', 'released', 'cancelled')) THEN 'completed'
    ELSE 'active'
  END AS status,
  ARRAY(SELECT sa.specimen_id::text FROM specimen_analysis sa WHERE sa.order_analysis_id = oa.id
        ORDER BY sa.specimen_id) AS specimen_ids
  FROM order_analysis oa
  JOIN lab_order o ON o.id = oa.order_id
  JOIN analysis an ON an.id = oa.analysis_id
  JOIN patient p ON p.id = o.patient_id
  LEFT JOIN prescriber pr ON pr.id = o.prescriber_id`;

export function searchServiceRequests(
  db: Queryable,
  where: SqlWhere,
  page: Page
): Promise<PageOf<FhirServiceRequestRow>> {
  return search(db, serviceRequestBase, where, 'f.authored_at DESC, f.id', page);
}

// ── Specimen ───────────────────────────────────────────────────────────────

export interface FhirSpecimenRow {
  id: string;
  order_id: string;
  order_number: string;
  patient_id: string;
  patient_name: string;
  barcode: string;
  container_code: string;
  container_label: string;
  specimen_type: string;
  capacity_ml: string;
  lab_status: string;
  status: 'available' | 'unavailable' | 'unsatisfactory';
  collected_at: Date | null;
  received_at: Date | null;
  collector_name: string | null;
  rejection_reason: string | null;
  rejection_comment: string | null;
  request_ids: string[];
}

const specimenBase = `SELECT s.id, s.order_id, o.order_number, o.patient_id, ${patientNameColumn}, s.barcode,
  s.container_code, c.label AS container_label, c.specimen_type, c.capacity_ml::text AS capacity_ml,
  s.status AS lab_status,
  CASE s.status WHEN 'rejected' THEN 'unsatisfactory' WHEN 'expected' THEN 'unavailable'
    WHEN 'disposed' THEN 'unavailable' ELSE 'available' END AS status,
  s.collected_at, s.received_at, u.display_name AS collector_name, s.rejection_reason, s.rejection_comment,
  ARRAY(SELECT sa.order_analysis_id::text FROM specimen_analysis sa WHERE sa.specimen_id = s.id
        ORDER BY sa.order_analysis_id) AS request_ids
  FROM specimen s
  JOIN lab_order o ON o.id = s.order_id
  JOIN patient p ON p.id = o.patient_id
  JOIN container c ON c.code = s.container_code
  LEFT JOIN app_user u ON u.id = s.collected_by`;

export function searchSpecimens(db: Queryable, where: SqlWhere, page: Page): Promise<PageOf<FhirSpecimenRow>> {
  return search(db, specimenBase, where, 'f.collected_at DESC NULLS LAST, f.id', page);
}

// ── Observation (latest biologically validated version of a result) ─────────

export interface FhirObservationRow {
  id: string;
  patient_id: string;
  patient_name: string;
  order_analysis_id: string;
  specimen_id: string | null;
  analyte_code: string;
  analyte_label: string;
  loinc: string | null;
  result_type: 'numeric' | 'coded' | 'text';
  unit_ucum: string | null;
  coded_values: unknown;
  version: number;
  status: 'final' | 'amended';
  value_numeric: string | null;
  value_text: string | null;
  value_code: string | null;
  qualifier: '<' | '>' | '<=' | '>=' | null;
  unit: string | null;
  flag: string | null;
  reference: unknown;
  comment: string | null;
  effective_at: Date;
  validated_at: Date;
  validator_name: string;
}

const observationBase = `SELECT r.id, r.patient_id, ${patientNameColumn}, r.order_analysis_id, r.specimen_id,
  r.analyte_code, a.label AS analyte_label, a.loinc, a.result_type, a.unit_ucum, a.coded_values,
  lv.result_version AS version, CASE WHEN lv.result_version > 1 THEN 'amended' ELSE 'final' END AS status,
  rv.value_numeric::text AS value_numeric, rv.value_text, rv.value_code, rv.qualifier, rv.unit, rv.flag,
  rv.reference, rv.comment, coalesce(s.collected_at, lv.occurred_at) AS effective_at,
  lv.occurred_at AS validated_at, u.display_name AS validator_name
  FROM result r
  JOIN LATERAL (
    SELECT ve.result_version, ve.occurred_at, ve.actor_id FROM validation_event ve
    WHERE ve.result_id = r.id AND ve.kind = 'biological' ORDER BY ve.result_version DESC LIMIT 1
  ) lv ON true
  JOIN result_version rv ON rv.result_id = r.id AND rv.version = lv.result_version
  JOIN analyte a ON a.id = r.analyte_id
  JOIN app_user u ON u.id = lv.actor_id
  JOIN patient p ON p.id = r.patient_id
  LEFT JOIN specimen s ON s.id = r.specimen_id
  WHERE r.status <> 'cancelled'`;

export function searchObservations(db: Queryable, where: SqlWhere, page: Page): Promise<PageOf<FhirObservationRow>> {
  return search(db, observationBase, where, 'f.effective_at DESC, f.analyte_code, f.id', page);
}

// ── DiagnosticReport (one per stored report version) ───────────────────────

export interface FhirDiagnosticReportRow {
  id: string;
  order_id: string;
  order_number: string;
  patient_id: string;
  patient_name: string;
  version: number;
  kind: 'partial' | 'complete' | 'amended';
  status: 'partial' | 'final' | 'amended';
  current: boolean;
  sha256: string;
  size_bytes: number;
  result_versions: { resultId: string; version: number }[];
  amendment_reason: string | null;
  created_at: Date;
  effective_at: Date | null;
  request_ids: string[];
  specimen_ids: string[];
  interpreters: string[];
}

const diagnosticReportBase = `SELECT rp.id, rp.order_id, o.order_number, o.patient_id, ${patientNameColumn},
  rp.version, rp.kind,
  CASE rp.kind WHEN 'partial' THEN 'partial' WHEN 'complete' THEN 'final' ELSE 'amended' END AS status,
  rp.version = (SELECT max(l.version) FROM report l WHERE l.order_id = rp.order_id) AS current,
  rp.sha256, octet_length(rp.pdf) AS size_bytes, rp.result_versions, rp.amendment_reason, rp.created_at,
  (SELECT min(s.collected_at) FROM specimen s WHERE s.order_id = rp.order_id) AS effective_at,
  ARRAY(SELECT oa.id::text FROM order_analysis oa WHERE oa.order_id = rp.order_id ORDER BY oa.position, oa.id)
    AS request_ids,
  ARRAY(SELECT s.id::text FROM specimen s WHERE s.order_id = rp.order_id ORDER BY s.barcode) AS specimen_ids,
  ARRAY(SELECT DISTINCT u.display_name FROM jsonb_to_recordset(rp.result_versions) AS x("resultId" uuid, version int)
        JOIN validation_event ve ON ve.result_id = x."resultId" AND ve.result_version = x.version
          AND ve.kind = 'biological'
        JOIN app_user u ON u.id = ve.actor_id
        ORDER BY u.display_name) AS interpreters
  FROM report rp
  JOIN lab_order o ON o.id = rp.order_id
  JOIN patient p ON p.id = o.patient_id`;

export function searchDiagnosticReports(
  db: Queryable,
  where: SqlWhere,
  page: Page
): Promise<PageOf<FhirDiagnosticReportRow>> {
  return search(db, diagnosticReportBase, where, 'f.created_at DESC, f.id', page);
}

/** PDFs of a page of reports, fetched apart so the search itself never reads the documents. */
export async function reportPdfs(db: Queryable, ids: readonly string[]): Promise<Map<string, Buffer>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db.query<{ id: string; pdf: Uint8Array }>('SELECT id, pdf FROM report WHERE id = ANY($1)', [ids]);
  return new Map(
    rows.map((r) => [
      r.id,
      Buffer.isBuffer(r.pdf) ? r.pdf : Buffer.from(r.pdf.buffer, r.pdf.byteOffset, r.pdf.byteLength),
    ])
  );
}

export interface FhirLabRow {
  name: string;
  finess: string | null;
}

export async function findLab(db: Queryable): Promise<FhirLabRow> {
  const [row] = await db.query<FhirLabRow>('SELECT name, finess FROM lab WHERE id = 1');
  return row ?? { name: 'Laboratoire', finess: null };
}
