/** SQL of invoices, their lines and what billing reads of orders (migration 0010). */
import type { CotationLineKind, InvoiceKind, InvoiceStatus, Territory } from '@sillage/core';
import type { Queryable } from '../../db/database.js';

// ── What an invoice is made from ─────────────────────────────────────────

export interface BillableOrderRow {
  id: string;
  order_number: string;
  patient_id: string;
  prescriber_id: string | null;
  site_id: string | null;
  territory: Territory;
  /** The site is in Bas-Rhin, Haut-Rhin or Moselle (local public holidays for the urgent supplements). */
  alsace_moselle: boolean;
  prescription_date: string | null;
  urgency: 'routine' | 'urgent' | 'vital';
  created_at: Date;
  cancelled_at: Date | null;
  birth_date: string;
  /** Earliest collection time of the order's tubes, when collected. */
  first_collected_at: Date | null;
  /** Whether one of the order's tubes (not rejected) holds blood: sang, plasma, sérum. */
  blood_sample: boolean;
}

export async function findBillableOrder(
  db: Queryable,
  orderId: string,
  forUpdate = false
): Promise<BillableOrderRow | undefined> {
  const rows = await db.query<BillableOrderRow>(
    `SELECT o.id, o.order_number, o.patient_id, o.prescriber_id, o.site_id, coalesce(s.territory, 'metropole') AS territory,
            coalesce(s.alsace_moselle, false) AS alsace_moselle, o.prescription_date::text AS prescription_date, o.urgency, o.created_at, o.cancelled_at,
            p.birth_date::text AS birth_date,
            (SELECT min(sp.collected_at) FROM specimen sp WHERE sp.order_id = o.id AND sp.status <> 'rejected')
              AS first_collected_at,
            -- Blood tubes: the container's specimen type is whole blood, plasma or serum (starter containers).
            coalesce((SELECT bool_or(c.specimen_type ~* '(sang|plasma|s[ée]rum)') FROM specimen sp
               JOIN container c ON c.code = sp.container_code
              WHERE sp.order_id = o.id AND sp.status <> 'rejected'), false) AS blood_sample
       FROM lab_order o JOIN patient p ON p.id = o.patient_id LEFT JOIN site s ON s.id = o.site_id
      WHERE o.id = $1 ${forUpdate ? 'FOR UPDATE OF o' : ''}`,
    [orderId]
  );
  return rows[0];
}

export interface OrderActRow {
  code: string;
  label: string;
  nabm_codes: string[];
  /** The lab's price of an analysis outside the NABM, as in the ordered version of the analysis. */
  off_nomenclature_price_cents: number | null;
}

/** Active analyses of an order with their NABM codes (or off-nomenclature price), in order position. */
export async function listOrderActs(db: Queryable, orderId: string): Promise<OrderActRow[]> {
  return db.query<OrderActRow>(
    `SELECT a.code, a.label, a.nabm_codes, a.off_nomenclature_price_cents FROM order_analysis oa JOIN analysis a ON a.id = oa.analysis_id
      WHERE oa.order_id = $1 AND oa.cancelled_at IS NULL ORDER BY oa.position`,
    [orderId]
  );
}

export interface SameDayBillingRow {
  invoice_id: string;
  number: string;
  order_id: string;
  performed_at: Date;
  codes: string[];
  participation_count: number;
  participation_cents: number;
}

/**
 * The patient's other issued invoices on a Paris day: their billed codes (9005 once a day, NABM
 * art. 4 quater) and participations forfaitaires (daily ceiling).
 */
export async function listSameDayBillings(
  db: Queryable,
  patientId: string,
  actsDate: string,
  excludeOrderId: string
): Promise<SameDayBillingRow[]> {
  return db.query<SameDayBillingRow>(
    `SELECT i.id AS invoice_id, i.number, i.order_id, i.performed_at, i.participation_count, i.participation_cents,
            coalesce((SELECT array_agg(l.code ORDER BY l.position) FROM invoice_line l
                       WHERE l.invoice_id = i.id AND l.billed), '{}') AS codes
       FROM invoice i
      WHERE i.patient_id = $1 AND i.acts_date = $2 AND i.kind = 'invoice' AND i.status NOT IN ('draft', 'cancelled')
        AND i.order_id <> $3
      ORDER BY i.performed_at, i.number`,
    [patientId, actsDate, excludeOrderId]
  );
}

/** Participations forfaitaires already charged to the patient in the calendar year, before `actsDate`'s invoices. */
export async function participationThisYear(
  db: Queryable,
  patientId: string,
  actsDate: string,
  excludeOrderId: string
): Promise<number> {
  const [row] = await db.query<{ cents: number }>(
    `SELECT coalesce(sum(participation_cents), 0)::int AS cents FROM invoice
      WHERE patient_id = $1 AND kind = 'invoice' AND status NOT IN ('draft', 'cancelled')
        AND acts_date >= date_trunc('year', $2::date)::date AND acts_date <= $2::date AND order_id <> $3`,
    [patientId, actsDate, excludeOrderId]
  );
  return Number(row?.cents ?? 0);
}

// ── Invoices ─────────────────────────────────────────────────────────────

export interface InvoiceRow {
  id: string;
  kind: InvoiceKind;
  number: string | null;
  order_id: string;
  order_number: string;
  patient_id: string;
  site_id: string | null;
  prescriber_id: string | null;
  credited_invoice_id: string | null;
  credited_invoice_number: string | null;
  credit_note_id: string | null;
  credit_note_number: string | null;
  credit_reason: string | null;
  status: InvoiceStatus;
  performed_at: Date;
  acts_date: string;
  territory: Territory;
  b_value_millicents: number | null;
  total_cents: number;
  amo_cents: number;
  amc_cents: number;
  patient_cents: number;
  amc_refund_to_patient_cents: number;
  participation_cents: number;
  participation_count: number;
  participation_reason: string | null;
  coverage: Record<string, unknown>;
  notes: string[];
  patient_paid_cents: number;
  patient_charged_cents: number;
  amo_paid_cents: number;
  amc_paid_cents: number;
  insurer_closed_cents: number;
  fse_sent_at: Date | null;
  fse_batch: string | null;
  issued_at: Date | null;
  created_at: Date;
  version: number;
}

const invoiceColumns = `i.id, i.kind, i.number, i.order_id, o.order_number, i.patient_id, i.site_id, i.prescriber_id,
  i.credited_invoice_id, ci.number AS credited_invoice_number, cn.id AS credit_note_id, cn.number AS credit_note_number,
  coalesce(i.credit_reason, cn.credit_reason) AS credit_reason, i.status, i.performed_at, i.acts_date::text AS acts_date,
  i.territory, i.b_value_millicents, i.total_cents, i.amo_cents, i.amc_cents, i.patient_cents,
  i.amc_refund_to_patient_cents, i.participation_cents, i.participation_count, i.participation_reason, i.coverage, i.notes,
  i.patient_paid_cents, i.patient_charged_cents, i.amo_paid_cents, i.amc_paid_cents, i.insurer_closed_cents,
  i.fse_sent_at, i.fse_batch, i.issued_at, i.created_at, i.version`;

const invoiceFrom = `invoice i JOIN lab_order o ON o.id = i.order_id
  LEFT JOIN invoice ci ON ci.id = i.credited_invoice_id
  LEFT JOIN invoice cn ON cn.credited_invoice_id = i.id AND cn.kind = 'credit_note'`;

export async function findInvoice(db: Queryable, id: string, forUpdate = false): Promise<InvoiceRow | undefined> {
  const rows = await db.query<InvoiceRow>(
    `SELECT ${invoiceColumns} FROM ${invoiceFrom} WHERE i.id = $1 ${forUpdate ? 'FOR UPDATE OF i' : ''}`,
    [id]
  );
  return rows[0];
}

export async function findActiveInvoiceOfOrder(db: Queryable, orderId: string): Promise<InvoiceRow | undefined> {
  const rows = await db.query<InvoiceRow>(
    `SELECT ${invoiceColumns} FROM ${invoiceFrom}
      WHERE i.order_id = $1 AND i.kind = 'invoice' AND i.status <> 'cancelled'`,
    [orderId]
  );
  return rows[0];
}

export interface InvoiceListFilter {
  orderId?: string | undefined;
  patientId?: string | undefined;
  actsDate?: string | undefined;
  status?: InvoiceStatus | undefined;
  limit: number;
}

export interface InvoiceListRow extends InvoiceRow {
  birth_name: string;
  used_name: string | null;
  first_first_name: string;
}

export async function listInvoices(db: Queryable, filter: InvoiceListFilter): Promise<InvoiceListRow[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.orderId !== undefined) {
    params.push(filter.orderId);
    where.push(`i.order_id = $${params.length}`);
  }
  if (filter.patientId !== undefined) {
    params.push(filter.patientId);
    where.push(`i.patient_id = $${params.length}`);
  }
  if (filter.actsDate !== undefined) {
    params.push(filter.actsDate);
    where.push(`i.acts_date = $${params.length}`);
  }
  if (filter.status !== undefined) {
    params.push(filter.status);
    where.push(`i.status = $${params.length}`);
  }
  params.push(filter.limit);
  return db.query<InvoiceListRow>(
    `SELECT ${invoiceColumns}, p.birth_name, p.used_name, p.first_first_name
       FROM ${invoiceFrom} JOIN patient p ON p.id = i.patient_id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY i.created_at DESC, i.number DESC LIMIT $${params.length}`,
    params
  );
}

export interface NewInvoice {
  kind: InvoiceKind;
  number: string | null;
  orderId: string;
  patientId: string;
  siteId: string | null;
  prescriberId: string | null;
  creditedInvoiceId: string | null;
  creditReason: string | null;
  status: InvoiceStatus;
  performedAt: string;
  actsDate: string;
  territory: Territory;
  bValueMilliCents: number | null;
  totalCents: number;
  amoCents: number;
  amcCents: number;
  patientCents: number;
  amcRefundToPatientCents: number;
  participationCents: number;
  participationCount: number;
  participationReason: string | null;
  coverage: object;
  notes: readonly string[];
  createdBy: string | null;
}

export async function insertInvoice(db: Queryable, invoice: NewInvoice): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO invoice (kind, number, order_id, patient_id, site_id, prescriber_id, credited_invoice_id, credit_reason,
       status, performed_at, acts_date, territory, b_value_millicents, total_cents, amo_cents, amc_cents, patient_cents,
       amc_refund_to_patient_cents, participation_cents, participation_count, participation_reason, coverage, notes,
       issued_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
       CASE WHEN $2::text IS NULL THEN NULL ELSE now() END, $24)
     RETURNING id`,
    [
      invoice.kind,
      invoice.number,
      invoice.orderId,
      invoice.patientId,
      invoice.siteId,
      invoice.prescriberId,
      invoice.creditedInvoiceId,
      invoice.creditReason,
      invoice.status,
      invoice.performedAt,
      invoice.actsDate,
      invoice.territory,
      invoice.bValueMilliCents,
      invoice.totalCents,
      invoice.amoCents,
      invoice.amcCents,
      invoice.patientCents,
      invoice.amcRefundToPatientCents,
      invoice.participationCents,
      invoice.participationCount,
      invoice.participationReason,
      JSON.stringify(invoice.coverage),
      JSON.stringify(invoice.notes),
      invoice.createdBy,
    ]
  );
  return (row as { id: string }).id;
}

/** Replaces a draft's priced content and numbers it (the lines were deleted and re-inserted first). */
export async function issueDraft(db: Queryable, id: string, invoice: NewInvoice): Promise<void> {
  await db.query(
    `UPDATE invoice SET number = $2, status = $3, performed_at = $4, acts_date = $5, territory = $6,
       b_value_millicents = $7, total_cents = $8, amo_cents = $9, amc_cents = $10, patient_cents = $11,
       amc_refund_to_patient_cents = $12, participation_cents = $13, participation_count = $14,
       participation_reason = $15, coverage = $16, notes = $17, site_id = $18, prescriber_id = $19, issued_at = now(),
       version = version + 1
     WHERE id = $1`,
    [
      id,
      invoice.number,
      invoice.status,
      invoice.performedAt,
      invoice.actsDate,
      invoice.territory,
      invoice.bValueMilliCents,
      invoice.totalCents,
      invoice.amoCents,
      invoice.amcCents,
      invoice.patientCents,
      invoice.amcRefundToPatientCents,
      invoice.participationCents,
      invoice.participationCount,
      invoice.participationReason,
      JSON.stringify(invoice.coverage),
      JSON.stringify(invoice.notes),
      invoice.siteId,
      invoice.prescriberId,
    ]
  );
}

export interface InvoiceLineRow {
  position: number;
  code: string;
  label: string;
  kind: CotationLineKind;
  key_letter: string | null;
  coefficient_hundredths: number | null;
  amount_cents: number;
  billed: boolean;
  reason: string;
  amo_rate_percent: number | null;
  amo_cents: number;
  amc_share_cents: number;
  patient_cents: number;
}

export async function insertInvoiceLines(
  db: Queryable,
  invoiceId: string,
  lines: readonly InvoiceLineRow[]
): Promise<void> {
  if (lines.length === 0) {
    return;
  }
  await db.query(
    `INSERT INTO invoice_line (invoice_id, position, code, label, kind, key_letter, coefficient_hundredths, amount_cents,
       billed, reason, amo_rate_percent, amo_cents, amc_share_cents, patient_cents)
     SELECT $1::uuid, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[],
       $9::boolean[], $10::text[], $11::int[], $12::int[], $13::int[], $14::int[])`,
    [
      invoiceId,
      lines.map((l) => l.position),
      lines.map((l) => l.code),
      lines.map((l) => l.label),
      lines.map((l) => l.kind),
      lines.map((l) => l.key_letter),
      lines.map((l) => l.coefficient_hundredths),
      lines.map((l) => l.amount_cents),
      lines.map((l) => l.billed),
      lines.map((l) => l.reason),
      lines.map((l) => l.amo_rate_percent),
      lines.map((l) => l.amo_cents),
      lines.map((l) => l.amc_share_cents),
      lines.map((l) => l.patient_cents),
    ] as never
  );
}

export async function deleteDraftLines(db: Queryable, invoiceId: string): Promise<void> {
  await db.query('DELETE FROM invoice_line WHERE invoice_id = $1', [invoiceId]);
}

export async function listInvoiceLines(db: Queryable, invoiceId: string): Promise<InvoiceLineRow[]> {
  return db.query<InvoiceLineRow>(
    `SELECT position, code, label, kind, key_letter, coefficient_hundredths, amount_cents, billed, reason,
            amo_rate_percent, amo_cents, amc_share_cents, patient_cents
       FROM invoice_line WHERE invoice_id = $1 ORDER BY position`,
    [invoiceId]
  );
}

/** Writes the settlement counters and the derived status, in the movement's transaction. */
export async function updateSettlement(
  db: Queryable,
  id: string,
  settlement: {
    status: InvoiceStatus;
    patientPaidCents: number;
    patientChargedCents: number;
    amoPaidCents: number;
    amcPaidCents: number;
    insurerClosedCents: number;
    fseSentAt?: Date | null;
    fseBatch?: string | null;
  }
): Promise<void> {
  await db.query(
    `UPDATE invoice SET status = $2, patient_paid_cents = $3, patient_charged_cents = $4, amo_paid_cents = $5,
       amc_paid_cents = $6, insurer_closed_cents = $7, fse_sent_at = coalesce($8, fse_sent_at),
       fse_batch = coalesce($9, fse_batch), version = version + 1
     WHERE id = $1`,
    [
      id,
      settlement.status,
      settlement.patientPaidCents,
      settlement.patientChargedCents,
      settlement.amoPaidCents,
      settlement.amcPaidCents,
      settlement.insurerClosedCents,
      settlement.fseSentAt ?? null,
      settlement.fseBatch ?? null,
    ]
  );
}

export async function markCancelled(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE invoice SET status = 'cancelled', version = version + 1 WHERE id = $1`, [id]);
}

// ── Documents ────────────────────────────────────────────────────────────

export interface DocumentContextRow {
  lab_name: string;
  lab_finess: string | null;
  lab_address: string | null;
  site_code: string | null;
  site_name: string | null;
  site_address: string | null;
  site_finess: string | null;
  patient_number: string;
  birth_name: string;
  used_name: string | null;
  first_first_name: string;
  birth_first_names: string;
  birth_date: string;
  sex: 'F' | 'M' | 'I';
  ins_number: string | null;
  address: string | null;
  prescriber_last_name: string | null;
  prescriber_first_name: string | null;
  prescriber_rpps: string | null;
  prescription_date: string | null;
}

/** The lab, the site, the patient and the prescriber an invoice's documents name. */
export async function findDocumentContext(
  db: Queryable,
  patientId: string,
  siteId: string | null,
  orderId: string | null
): Promise<DocumentContextRow | undefined> {
  const rows = await db.query<DocumentContextRow>(
    `SELECT coalesce(l.name, 'Laboratoire') AS lab_name, l.finess AS lab_finess, l.address AS lab_address,
            s.code AS site_code, s.name AS site_name, s.address AS site_address, s.finess AS site_finess,
            p.patient_number, p.birth_name, p.used_name, p.first_first_name, p.birth_first_names,
            p.birth_date::text AS birth_date, p.sex, p.ins_number, p.address,
            pr.last_name AS prescriber_last_name, pr.first_name AS prescriber_first_name, pr.rpps AS prescriber_rpps,
            o.prescription_date::text AS prescription_date
       FROM patient p
       LEFT JOIN lab l ON l.id = 1
       LEFT JOIN site s ON s.id = $2
       LEFT JOIN lab_order o ON o.id = $3
       LEFT JOIN prescriber pr ON pr.id = o.prescriber_id
      WHERE p.id = $1`,
    [patientId, siteId, orderId]
  );
  return rows[0];
}

/** Issued invoices by number, locked for the caller's transaction (returns import). */
export async function findInvoicesByNumbers(db: Queryable, numbers: readonly string[]): Promise<InvoiceRow[]> {
  return db.query<InvoiceRow>(
    `SELECT ${invoiceColumns} FROM ${invoiceFrom} WHERE i.number = ANY($1::text[]) ORDER BY i.number FOR UPDATE OF i`,
    [numbers]
  );
}
