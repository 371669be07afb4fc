/**
 * SQL of orders (lab_order, order_analysis, result rows created with the order, prescription
 * scans). Every function takes the handle it runs in (a transaction inside a mutation).
 */
import type { ResultStatus, SpecimenStatus } from '@sillage/core';
import type { Queryable } from '../../db/database.js';

export interface OrderPatientRow {
  id: string;
  patient_number: string;
  birth_name: string;
  used_name: string | null;
  birth_first_names: string;
  first_first_name: string;
  birth_date: string;
  sex: 'F' | 'M' | 'I';
  identity_status: 'PROV' | 'RECUP' | 'VALI' | 'QUAL';
  ins_number: string | null;
  phone: string | null;
  merged_into_id: string | null;
}

const patientColumns = `p.id, p.patient_number, p.birth_name, p.used_name, p.birth_first_names, p.first_first_name,
  p.birth_date::text AS birth_date, p.sex, p.identity_status, p.ins_number, p.phone, p.merged_into_id`;

export async function findPatient(db: Queryable, id: string, forShare = false): Promise<OrderPatientRow | undefined> {
  // FOR SHARE: a merge running at the same time cannot retire the record under the new order.
  const rows = await db.query<OrderPatientRow>(
    `SELECT ${patientColumns} FROM patient p WHERE p.id = $1${forShare ? ' FOR SHARE' : ''}`,
    [id]
  );
  return rows[0];
}

export interface PrescriberRow {
  id: string;
  rpps: string | null;
  last_name: string;
  first_name: string | null;
  specialty: string | null;
  active: boolean;
}

export async function findPrescriber(db: Queryable, id: string): Promise<PrescriberRow | undefined> {
  const rows = await db.query<PrescriberRow>(
    'SELECT id, rpps, last_name, first_name, specialty, active FROM prescriber WHERE id = $1',
    [id]
  );
  return rows[0];
}

export interface OrderRow {
  id: string;
  order_number: string;
  patient_id: string;
  prescriber_id: string | null;
  site_id: string | null;
  prescription_date: string | null;
  urgency: 'routine' | 'urgent' | 'vital';
  clinical_info: string | null;
  patient_fasting: boolean | null;
  planned_sampling_at: Date | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  cancelled_at: Date | null;
  version: number;
}

const orderColumns = `o.id, o.order_number, o.patient_id, o.prescriber_id, o.site_id, o.prescription_date::text AS prescription_date,
  o.urgency, o.clinical_info, o.patient_fasting, o.planned_sampling_at, o.created_by, u.display_name AS created_by_name,
  o.created_at, o.cancelled_at, o.version`;

export interface NewOrder {
  orderNumber: string;
  patientId: string;
  prescriberId: string | null;
  siteId: string | null;
  prescriptionDate: string | null;
  urgency: OrderRow['urgency'];
  clinicalInfo: string | null;
  patientFasting: boolean | null;
  plannedSamplingAt: string | null;
  createdBy: string | null;
}

export async function insertOrder(db: Queryable, order: NewOrder): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO lab_order (order_number, patient_id, prescriber_id, site_id, prescription_date, urgency, clinical_info,
       patient_fasting, planned_sampling_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      order.orderNumber,
      order.patientId,
      order.prescriberId,
      order.siteId,
      order.prescriptionDate,
      order.urgency,
      order.clinicalInfo,
      order.patientFasting,
      order.plannedSamplingAt,
      order.createdBy,
    ]
  );
  return (row as { id: string }).id;
}

export async function findOrder(db: Queryable, id: string, forUpdate = false): Promise<OrderRow | undefined> {
  const rows = await db.query<OrderRow>(
    `SELECT ${orderColumns} FROM lab_order o LEFT JOIN app_user u ON u.id = o.created_by WHERE o.id = $1
     ${forUpdate ? 'FOR UPDATE OF o' : ''}`,
    [id]
  );
  return rows[0];
}

/** Touches the order row so concurrent changes to one order are serialised and versioned. */
export async function bumpOrderVersion(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE lab_order SET version = version + 1 WHERE id = $1', [id]);
}

export async function insertOrderAnalysis(
  db: Queryable,
  orderId: string,
  analysisId: string,
  position: number
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO order_analysis (order_id, analysis_id, position) VALUES ($1, $2, $3) RETURNING id',
    [orderId, analysisId, position]
  );
  return (row as { id: string }).id;
}

export interface OrderAnalysisRow {
  id: string;
  analysis_id: string;
  position: number;
  cancelled_at: Date | null;
  code: string;
  version: number;
  mnemonic: string;
  label: string;
  section: string;
  container_code: string;
  volume_ml: string;
  shareable: boolean;
  /** Result statuses of the analysis, one per analyte. */
  result_statuses: string[];
  /** Barcodes of the tubes carrying it. */
  barcodes: string[];
}

export async function listOrderAnalyses(db: Queryable, orderId: string): Promise<OrderAnalysisRow[]> {
  return db.query<OrderAnalysisRow>(
    `SELECT oa.id, oa.analysis_id, oa.position, oa.cancelled_at, a.code, a.version, a.mnemonic, a.label, a.section,
       a.container_code, a.volume_ml, a.shareable,
       coalesce((SELECT array_agg(r.status ORDER BY r.analyte_code) FROM result r WHERE r.order_analysis_id = oa.id),
         '{}') AS result_statuses,
       coalesce((SELECT array_agg(s.barcode ORDER BY s.barcode) FROM specimen_analysis sa
         JOIN specimen s ON s.id = sa.specimen_id WHERE sa.order_analysis_id = oa.id), '{}') AS barcodes
     FROM order_analysis oa JOIN analysis a ON a.id = oa.analysis_id
     WHERE oa.order_id = $1 ORDER BY oa.position`,
    [orderId]
  );
}

export async function cancelOrderAnalysis(db: Queryable, orderAnalysisId: string): Promise<void> {
  await db.query('UPDATE order_analysis SET cancelled_at = now() WHERE id = $1', [orderAnalysisId]);
}

export interface NewResult {
  orderId: string;
  orderAnalysisId: string;
  specimenId: string;
  patientId: string;
  analyteId: string;
  analyteCode: string;
  urgent: boolean;
}

/** One pending result row per analyte (the values come later as result_version rows). */
export async function insertPendingResults(db: Queryable, results: readonly NewResult[]): Promise<void> {
  if (results.length === 0) {
    return;
  }
  await db.query(
    `INSERT INTO result (order_id, order_analysis_id, specimen_id, patient_id, analyte_id, analyte_code, urgent)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::boolean[])`,
    [
      results.map((r) => r.orderId),
      results.map((r) => r.orderAnalysisId),
      results.map((r) => r.specimenId),
      results.map((r) => r.patientId),
      results.map((r) => r.analyteId),
      results.map((r) => r.analyteCode),
      results.map((r) => (r.urgent ? 'true' : 'false')),
    ]
  );
}

export interface PrescriptionDocumentRow {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by_name: string | null;
  uploaded_at: Date;
}

export async function listPrescriptionDocuments(db: Queryable, orderId: string): Promise<PrescriptionDocumentRow[]> {
  return db.query<PrescriptionDocumentRow>(
    `SELECT d.id, d.filename, d.content_type, octet_length(d.content) AS size, d.sha256,
       u.display_name AS uploaded_by_name, d.uploaded_at
     FROM prescription_document d LEFT JOIN app_user u ON u.id = d.uploaded_by
     WHERE d.order_id = $1 ORDER BY d.uploaded_at, d.id`,
    [orderId]
  );
}

export async function insertPrescriptionDocument(
  db: Queryable,
  document: {
    orderId: string;
    filename: string;
    contentType: string;
    content: Buffer;
    sha256: string;
    uploadedBy: string | null;
  }
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO prescription_document (order_id, filename, content_type, content, sha256, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [document.orderId, document.filename, document.contentType, document.content, document.sha256, document.uploadedBy]
  );
  return (row as { id: string }).id;
}

export async function findPrescriptionDocument(
  db: Queryable,
  orderId: string,
  documentId: string
): Promise<{ filename: string; content_type: string; content: Uint8Array; sha256: string } | undefined> {
  const rows = await db.query<{ filename: string; content_type: string; content: Uint8Array; sha256: string }>(
    'SELECT filename, content_type, content, sha256 FROM prescription_document WHERE order_id = $1 AND id = $2',
    [orderId, documentId]
  );
  return rows[0];
}

export interface ResultStateRow {
  order_id: string;
  status: ResultStatus;
  specimen_status: SpecimenStatus | null;
}

/** Status of each result of the orders and of its tube: the input of core deriveOrderStatus. */
export async function listResultStates(db: Queryable, orderIds: readonly string[]): Promise<ResultStateRow[]> {
  return db.query<ResultStateRow>(
    `SELECT r.order_id, r.status, s.status AS specimen_status
     FROM result r LEFT JOIN specimen s ON s.id = r.specimen_id WHERE r.order_id = ANY($1::uuid[])`,
    [orderIds]
  );
}

/**
 * Orders whose latest report is a complete (or amended) one that has been delivered at least once:
 * the "delivered" status of issue 3 §10.
 */
export async function findDeliveredOrderIds(db: Queryable, orderIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.query<{ order_id: string }>(
    `SELECT latest.order_id FROM (
       SELECT DISTINCT ON (order_id) id, order_id, kind FROM report
       WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, version DESC
     ) latest
     WHERE latest.kind <> 'partial' AND EXISTS (SELECT 1 FROM report_delivery d WHERE d.report_id = latest.id)`,
    [orderIds]
  );
  return new Set(rows.map((r) => r.order_id));
}

export async function countOpenNonConformities(
  db: Queryable,
  orderIds: readonly string[]
): Promise<Map<string, number>> {
  const rows = await db.query<{ order_id: string; n: number }>(
    `SELECT order_id, count(*)::int AS n FROM non_conformity
     WHERE order_id = ANY($1::uuid[]) AND status <> 'closed' GROUP BY order_id`,
    [orderIds]
  );
  return new Map(rows.map((r) => [r.order_id, Number(r.n)]));
}

export interface OrderListRow extends OrderRow, Omit<OrderPatientRow, 'id'> {
  prescriber_last_name: string | null;
  prescriber_first_name: string | null;
  analysis_mnemonics: string[];
  specimen_statuses: SpecimenStatus[];
}

/**
 * Orders of a lab day (the order number starts with its YYMMDD: a range scan of the unique index)
 * and/or of a patient, newest patient-first or in number order for a day.
 */
export async function listOrders(
  db: Queryable,
  filter: { numberPrefix: string | null; patientId: string | null; limit: number }
): Promise<OrderListRow[]> {
  return db.query<OrderListRow>(
    `SELECT ${orderColumns}, ${patientColumns.replace('p.id, ', '')},
       pr.last_name AS prescriber_last_name, pr.first_name AS prescriber_first_name,
       coalesce((SELECT array_agg(a.mnemonic ORDER BY oa.position) FROM order_analysis oa
         JOIN analysis a ON a.id = oa.analysis_id WHERE oa.order_id = o.id AND oa.cancelled_at IS NULL), '{}')
         AS analysis_mnemonics,
       coalesce((SELECT array_agg(s.status ORDER BY s.barcode) FROM specimen s WHERE s.order_id = o.id), '{}')
         AS specimen_statuses
     FROM lab_order o JOIN patient p ON p.id = o.patient_id
     LEFT JOIN app_user u ON u.id = o.created_by
     LEFT JOIN prescriber pr ON pr.id = o.prescriber_id
     WHERE ($1::text IS NULL OR (o.order_number >= $1 || '0000' AND o.order_number <= $1 || '9999'))
       AND ($2::uuid IS NULL OR o.patient_id = $2)
     ORDER BY CASE WHEN $1::text IS NULL THEN o.created_at END DESC, o.order_number
     LIMIT $3`,
    [filter.numberPrefix, filter.patientId, filter.limit]
  );
}
