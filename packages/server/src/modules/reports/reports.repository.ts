/**
 * SQL of the reports feature. Reports read the order, the patient and the biologically validated
 * result versions straight from the 0003 tables (the report owns its reading, so what it prints is
 * exactly what the query below selects: the latest biologically validated version of each result).
 */
import type { Queryable } from '../../db/database.js';
import type { ReportedVersion } from './report-issuance.js';

export interface OrderHeaderRow {
  order_id: string;
  order_number: string;
  patient_id: string;
  prescription_date: string | null;
  cancelled_at: Date | null;
  site_name: string | null;
  site_address: string | null;
  site_finess: string | null;
  prescriber_last_name: string | null;
  prescriber_first_name: string | null;
  prescriber_rpps: string | null;
  prescriber_specialty: string | null;
  prescriber_organisation: string | null;
  prescriber_address: string | null;
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
}

/** Locks the order row: two concurrent issues of the same order take their version numbers in turn. */
export async function findOrderHeader(
  db: Queryable,
  orderId: string,
  forUpdate = false
): Promise<OrderHeaderRow | undefined> {
  const rows = await db.query<OrderHeaderRow>(
    `SELECT o.id AS order_id, o.order_number, o.patient_id, o.prescription_date::text AS prescription_date,
       o.cancelled_at, s.name AS site_name, s.address AS site_address, s.finess AS site_finess,
       pr.last_name AS prescriber_last_name, pr.first_name AS prescriber_first_name, pr.rpps AS prescriber_rpps,
       pr.specialty AS prescriber_specialty, pr.organisation AS prescriber_organisation,
       pr.address AS prescriber_address,
       p.patient_number, p.birth_name, p.used_name, p.birth_first_names, p.first_first_name,
       p.birth_date::text AS birth_date, p.sex, p.ins_number, p.ins_oid, p.identity_status
     FROM lab_order o
     JOIN patient p ON p.id = o.patient_id
     LEFT JOIN site s ON s.id = o.site_id
     LEFT JOIN prescriber pr ON pr.id = o.prescriber_id
     WHERE o.id = $1${forUpdate ? ' FOR UPDATE OF o' : ''}`,
    [orderId]
  );
  return rows[0];
}

export interface LabRow {
  name: string;
  finess: string | null;
  address: string | null;
}

export async function findLab(db: Queryable): Promise<LabRow> {
  const [row] = await db.query<LabRow>('SELECT name, finess, address FROM lab WHERE id = 1');
  return row ?? { name: 'Laboratoire', finess: null, address: null };
}

export async function listActiveBiologists(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ display_name: string }>(
    `SELECT u.display_name FROM app_user u JOIN user_role r ON r.user_id = u.id
     WHERE r.role = 'biologiste' AND u.active ORDER BY u.display_name, u.id`
  );
  return rows.map((r) => r.display_name);
}

export interface ValidatedResultRow {
  result_id: string;
  version: number;
  analyte_code: string;
  analyte_label: string;
  loinc: string | null;
  result_type: 'numeric' | 'coded' | 'text';
  unit_ucum: string | null;
  decimals: number;
  coded_values: unknown;
  value_numeric: string | null;
  value_text: string | null;
  value_code: string | null;
  qualifier: string | null;
  unit: string | null;
  flag: 'N' | 'L' | 'H' | 'LL' | 'HH' | 'A' | 'AA' | null;
  critical: boolean;
  reference: unknown;
  comment: string | null;
  comment_codes: string[];
  /** The coded comments' labels from the lab's list (`result_comment_code`), in the codes' order; an unlisted code as itself. */
  comment_labels: string[];
  amendment_reason: string | null;
  validator_name: string;
  validated_at: Date;
  order_analysis_id: string;
  position: number;
  analysis_code: string;
  analysis_label: string;
  analysis_chapter: string;
  analysis_analyte_codes: string[];
  collected_at: Date | null;
  received_at: Date | null;
  previous_value_numeric: string | null;
  previous_value_text: string | null;
  previous_value_code: string | null;
  previous_qualifier: string | null;
  previous_unit: string | null;
  previous_at: Date | null;
}

/**
 * Per result of the order, its latest biologically validated version (validation log, append-only),
 * with the analyte and analysis it belongs to, its specimen's times, and the patient's previous
 * validated result for the same analyte from an earlier order (antériorité; merged records count).
 */
export async function listValidatedResults(db: Queryable, orderId: string): Promise<ValidatedResultRow[]> {
  return db.query<ValidatedResultRow>(
    `WITH latest AS (
       SELECT DISTINCT ON (ve.result_id) ve.result_id, ve.result_version, ve.actor_id, ve.occurred_at
       FROM validation_event ve JOIN result r ON r.id = ve.result_id
       WHERE r.order_id = $1 AND ve.kind = 'biological'
       ORDER BY ve.result_id, ve.result_version DESC
     )
     SELECT r.id AS result_id, rv.version, r.analyte_code, a.label AS analyte_label, a.loinc, a.result_type,
       a.unit_ucum, a.decimals, a.coded_values,
       rv.value_numeric::text AS value_numeric, rv.value_text, rv.value_code, rv.qualifier, rv.unit, rv.flag,
       rv.critical, rv.reference, rv.comment, rv.comment_codes, rv.amendment_reason,
       ARRAY(
         SELECT coalesce(cc.label, c.code)
         FROM unnest(rv.comment_codes) WITH ORDINALITY AS c(code, n)
         LEFT JOIN result_comment_code cc ON cc.code = c.code
         ORDER BY c.n
       ) AS comment_labels,
       u.display_name AS validator_name, latest.occurred_at AS validated_at,
       oa.id AS order_analysis_id, oa.position, an.code AS analysis_code, an.label AS analysis_label,
       an.chapter AS analysis_chapter, an.analyte_codes AS analysis_analyte_codes,
       s.collected_at, s.received_at,
       prev.value_numeric AS previous_value_numeric, prev.value_text AS previous_value_text,
       prev.value_code AS previous_value_code, prev.qualifier AS previous_qualifier, prev.unit AS previous_unit,
       prev.at AS previous_at
     FROM latest
     JOIN result r ON r.id = latest.result_id
     JOIN result_version rv ON rv.result_id = r.id AND rv.version = latest.result_version
     JOIN analyte a ON a.id = r.analyte_id
     JOIN order_analysis oa ON oa.id = r.order_analysis_id
     JOIN analysis an ON an.id = oa.analysis_id
     JOIN app_user u ON u.id = latest.actor_id
     LEFT JOIN specimen s ON s.id = r.specimen_id
     LEFT JOIN LATERAL (
       SELECT pv.value_numeric::text AS value_numeric, pv.value_text, pv.value_code, pv.qualifier, pv.unit,
         coalesce(ps.collected_at, pe.occurred_at) AS at
       FROM result pr
       JOIN validation_event pe ON pe.result_id = pr.id AND pe.kind = 'biological'
       JOIN result_version pv ON pv.result_id = pr.id AND pv.version = pe.result_version
       LEFT JOIN specimen ps ON ps.id = pr.specimen_id
       WHERE pr.analyte_code = r.analyte_code AND pr.order_id <> r.order_id AND pr.status <> 'cancelled'
         AND pr.patient_id IN (SELECT id FROM patient WHERE id = r.patient_id OR merged_into_id = r.patient_id)
         AND coalesce(ps.collected_at, pe.occurred_at) < coalesce(s.collected_at, latest.occurred_at)
       ORDER BY coalesce(ps.collected_at, pe.occurred_at) DESC, pe.result_version DESC
       LIMIT 1
     ) prev ON true
     WHERE r.status <> 'cancelled' AND oa.cancelled_at IS NULL
     ORDER BY oa.position, an.code, r.analyte_code`,
    [orderId]
  );
}

export interface OrderAnalysisStateRow {
  order_analysis_id: string;
  analysis_label: string;
  analyte_codes: string[];
}

export interface OrderResultStateRow {
  result_id: string;
  order_analysis_id: string;
  analyte_code: string;
  status: string;
}

/** The analyses still requested on the order (what a complete report must cover). */
export async function listOrderAnalyses(db: Queryable, orderId: string): Promise<OrderAnalysisStateRow[]> {
  return db.query<OrderAnalysisStateRow>(
    `SELECT oa.id AS order_analysis_id, an.label AS analysis_label, an.analyte_codes
     FROM order_analysis oa JOIN analysis an ON an.id = oa.analysis_id
     WHERE oa.order_id = $1 AND oa.cancelled_at IS NULL
     ORDER BY oa.position`,
    [orderId]
  );
}

export async function listOrderResults(db: Queryable, orderId: string): Promise<OrderResultStateRow[]> {
  return db.query<OrderResultStateRow>(
    'SELECT id AS result_id, order_analysis_id, analyte_code, status FROM result WHERE order_id = $1',
    [orderId]
  );
}

export interface ReportRow {
  id: string;
  order_id: string;
  patient_id: string;
  version: number;
  kind: 'partial' | 'complete' | 'amended';
  sha256: string;
  size_bytes: number;
  result_versions: ReportedVersion[];
  amendment_reason: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  latest_version: number;
}

const reportColumns = `r.id, r.order_id, o.patient_id, r.version, r.kind, r.sha256, octet_length(r.pdf) AS size_bytes,
  r.result_versions, r.amendment_reason, r.created_by, u.display_name AS created_by_name, r.created_at,
  (SELECT max(version) FROM report l WHERE l.order_id = r.order_id) AS latest_version`;

export async function listReports(db: Queryable, orderId: string): Promise<ReportRow[]> {
  return db.query<ReportRow>(
    `SELECT ${reportColumns} FROM report r JOIN lab_order o ON o.id = r.order_id
     LEFT JOIN app_user u ON u.id = r.created_by
     WHERE r.order_id = $1 ORDER BY r.version`,
    [orderId]
  );
}

export async function findReport(db: Queryable, id: string): Promise<ReportRow | undefined> {
  const rows = await db.query<ReportRow>(
    `SELECT ${reportColumns} FROM report r JOIN lab_order o ON o.id = r.order_id
     LEFT JOIN app_user u ON u.id = r.created_by WHERE r.id = $1`,
    [id]
  );
  return rows[0];
}

export async function findLatestReport(db: Queryable, orderId: string): Promise<ReportRow | undefined> {
  const rows = await db.query<ReportRow>(
    `SELECT ${reportColumns} FROM report r JOIN lab_order o ON o.id = r.order_id
     LEFT JOIN app_user u ON u.id = r.created_by
     WHERE r.order_id = $1 ORDER BY r.version DESC LIMIT 1`,
    [orderId]
  );
  return rows[0];
}

/** PGlite answers bytea as a Uint8Array, node-postgres as a Buffer: both become a Buffer view. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export async function findReportPdf(db: Queryable, id: string): Promise<Buffer | undefined> {
  const rows = await db.query<{ pdf: Uint8Array }>('SELECT pdf FROM report WHERE id = $1', [id]);
  return rows[0] === undefined ? undefined : asBuffer(rows[0].pdf);
}

export interface NewReport {
  id: string;
  orderId: string;
  version: number;
  kind: 'partial' | 'complete' | 'amended';
  pdf: Buffer;
  sha256: string;
  resultVersions: ReportedVersion[];
  amendmentReason: string | null;
  createdBy: string | null;
  createdAt: Date;
}

export async function insertReport(db: Queryable, report: NewReport): Promise<void> {
  await db.query(
    `INSERT INTO report (id, order_id, version, kind, pdf, sha256, result_versions, amendment_reason, created_by,
       created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      report.id,
      report.orderId,
      report.version,
      report.kind,
      report.pdf,
      report.sha256,
      JSON.stringify(report.resultVersions),
      report.amendmentReason,
      report.createdBy,
      report.createdAt,
    ]
  );
}

/**
 * Result lifecycle (core lab/result-lifecycle.ts): biologically_validated → released, effect
 * "issueReport". Only the versions the report printed move; a result corrected meanwhile does not.
 */
export async function markReleased(db: Queryable, versions: readonly ReportedVersion[]): Promise<string[]> {
  if (versions.length === 0) {
    return [];
  }
  const rows = await db.query<{ id: string }>(
    `UPDATE result r SET status = 'released', updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS x("resultId" uuid, version int)
     WHERE r.id = x."resultId" AND r.current_version = x.version AND r.status = 'biologically_validated'
     RETURNING r.id`,
    [JSON.stringify(versions)]
  );
  return rows.map((r) => r.id);
}

export interface DeliveryRow {
  id: string;
  report_id: string;
  channel: 'desk' | 'mail' | 'prescriber' | 'portal' | 'mssante' | 'fax';
  recipient: string | null;
  identity_checked: boolean;
  delivered_by: string | null;
  delivered_by_name: string | null;
  delivered_at: Date;
  comment: string | null;
}

const deliveryColumns = `d.id, d.report_id, d.channel, d.recipient, d.identity_checked, d.delivered_by,
  u.display_name AS delivered_by_name, d.delivered_at, d.comment`;

export async function listDeliveries(db: Queryable, reportId: string): Promise<DeliveryRow[]> {
  return db.query<DeliveryRow>(
    `SELECT ${deliveryColumns} FROM report_delivery d LEFT JOIN app_user u ON u.id = d.delivered_by
     WHERE d.report_id = $1 ORDER BY d.delivered_at, d.id`,
    [reportId]
  );
}

export async function insertDelivery(
  db: Queryable,
  delivery: {
    reportId: string;
    channel: DeliveryRow['channel'];
    recipient: string;
    identityChecked: boolean;
    deliveredBy: string | null;
    comment: string | null;
  }
): Promise<DeliveryRow> {
  const [row] = await db.query<DeliveryRow>(
    `WITH inserted AS (
       INSERT INTO report_delivery (report_id, channel, recipient, identity_checked, delivered_by, comment)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *
     )
     SELECT ${deliveryColumns} FROM inserted d LEFT JOIN app_user u ON u.id = d.delivered_by`,
    [
      delivery.reportId,
      delivery.channel,
      delivery.recipient,
      delivery.identityChecked,
      delivery.deliveredBy,
      delivery.comment,
    ]
  );
  return row as DeliveryRow;
}
