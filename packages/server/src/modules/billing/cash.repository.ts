/** SQL of the cash desk: payments and refunds, daily closings (migration 0010). */
import type { PaymentMethod } from '@sillage/core';
import type { Queryable } from '../../db/database.js';

export interface PaymentRow {
  id: string;
  invoice_id: string;
  invoice_number: string | null;
  direction: 'payment' | 'refund';
  method: PaymentMethod;
  amount_cents: number;
  desk_code: string;
  cash_day: string;
  reference: string | null;
  reason: string | null;
  recorded_at: Date;
  recorded_by_name: string | null;
}

const paymentColumns = `pa.id, pa.invoice_id, i.number AS invoice_number, pa.direction, pa.method, pa.amount_cents,
  pa.desk_code, pa.cash_day::text AS cash_day, pa.reference, pa.reason, pa.recorded_at, u.display_name AS recorded_by_name`;

const paymentFrom = `payment pa JOIN invoice i ON i.id = pa.invoice_id LEFT JOIN app_user u ON u.id = pa.recorded_by`;

export async function listInvoicePayments(db: Queryable, invoiceIds: readonly string[]): Promise<PaymentRow[]> {
  return db.query<PaymentRow>(
    `SELECT ${paymentColumns} FROM ${paymentFrom} WHERE pa.invoice_id = ANY($1::uuid[]) ORDER BY pa.recorded_at, pa.id`,
    [invoiceIds]
  );
}

export async function listDeskDayPayments(
  db: Queryable,
  siteId: string,
  deskCode: string,
  cashDay: string
): Promise<PaymentRow[]> {
  return db.query<PaymentRow>(
    `SELECT ${paymentColumns} FROM ${paymentFrom}
      WHERE pa.site_id = $1 AND pa.desk_code = $2 AND pa.cash_day = $3 ORDER BY pa.recorded_at, pa.id`,
    [siteId, deskCode, cashDay]
  );
}

export interface NewPayment {
  invoiceId: string;
  patientId: string;
  siteId: string;
  deskCode: string;
  cashDay: string;
  direction: 'payment' | 'refund';
  method: PaymentMethod;
  amountCents: number;
  reference: string | null;
  reason: string | null;
  recordedBy: string | null;
}

export async function insertPayment(db: Queryable, payment: NewPayment): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO payment (invoice_id, patient_id, site_id, desk_code, cash_day, direction, method, amount_cents, reference,
       reason, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      payment.invoiceId,
      payment.patientId,
      payment.siteId,
      payment.deskCode,
      payment.cashDay,
      payment.direction,
      payment.method,
      payment.amountCents,
      payment.reference,
      payment.reason,
      payment.recordedBy,
    ]
  );
  return (row as { id: string }).id;
}

/**
 * Serialises the movements and the closing of one desk-day (a payment waits while the closing
 * computes its figures, and then finds the day closed). Two-key advisory lock, transaction-scoped.
 */
export async function lockDeskDay(db: Queryable, siteId: string, deskCode: string, cashDay: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(5106, hashtext($1))', [`${siteId}|${deskCode}|${cashDay}`]);
}

export interface MovementTotalsRow {
  method: PaymentMethod;
  received_cents: number;
  refunded_cents: number;
  count: number;
}

/** One aggregate over the desk-day's movements (index payment_desk_day_idx). */
export async function deskDayTotals(
  db: Queryable,
  siteId: string,
  deskCode: string,
  cashDay: string
): Promise<MovementTotalsRow[]> {
  const rows = await db.query<MovementTotalsRow>(
    `SELECT method,
            coalesce(sum(amount_cents) FILTER (WHERE direction = 'payment'), 0)::bigint AS received_cents,
            coalesce(sum(amount_cents) FILTER (WHERE direction = 'refund'), 0)::bigint AS refunded_cents,
            count(*)::int AS count
       FROM payment WHERE site_id = $1 AND desk_code = $2 AND cash_day = $3 GROUP BY method`,
    [siteId, deskCode, cashDay]
  );
  return rows.map((row) => ({
    method: row.method,
    received_cents: Number(row.received_cents),
    refunded_cents: Number(row.refunded_cents),
    count: Number(row.count),
  }));
}

export interface ClosingRow {
  id: string;
  site_id: string;
  site_code: string;
  site_name: string;
  desk_code: string;
  cash_day: string;
  figures: unknown;
  expected_total_cents: number;
  counted_total_cents: number;
  difference_total_cents: number;
  movement_count: number;
  comment: string | null;
  sha256: string;
  closed_by_name: string | null;
  closed_at: Date;
}

const closingColumns = `cc.id, cc.site_id, s.code AS site_code, s.name AS site_name, cc.desk_code, cc.cash_day::text AS cash_day,
  cc.figures, cc.expected_total_cents, cc.counted_total_cents, cc.difference_total_cents, cc.movement_count, cc.comment,
  cc.sha256, u.display_name AS closed_by_name, cc.closed_at`;

const closingFrom = `cash_closing cc JOIN site s ON s.id = cc.site_id LEFT JOIN app_user u ON u.id = cc.closed_by`;

export async function findClosing(
  db: Queryable,
  siteId: string,
  deskCode: string,
  cashDay: string
): Promise<ClosingRow | undefined> {
  const rows = await db.query<ClosingRow>(
    `SELECT ${closingColumns} FROM ${closingFrom} WHERE cc.site_id = $1 AND cc.desk_code = $2 AND cc.cash_day = $3`,
    [siteId, deskCode, cashDay]
  );
  return rows[0];
}

export async function findClosingById(db: Queryable, id: string): Promise<ClosingRow | undefined> {
  const rows = await db.query<ClosingRow>(`SELECT ${closingColumns} FROM ${closingFrom} WHERE cc.id = $1`, [id]);
  return rows[0];
}

export async function closingPdf(
  db: Queryable,
  id: string
): Promise<{ pdf: Buffer; cash_day: string; desk_code: string } | undefined> {
  const rows = await db.query<{ pdf: Buffer | Uint8Array; cash_day: string; desk_code: string }>(
    'SELECT pdf, cash_day::text AS cash_day, desk_code FROM cash_closing WHERE id = $1',
    [id]
  );
  const row = rows[0];
  return row === undefined ? undefined : { ...row, pdf: Buffer.from(row.pdf) };
}

export async function listClosings(
  db: Queryable,
  filter: { siteId?: string; cashDay?: string }
): Promise<ClosingRow[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.siteId !== undefined) {
    params.push(filter.siteId);
    where.push(`cc.site_id = $${params.length}`);
  }
  if (filter.cashDay !== undefined) {
    params.push(filter.cashDay);
    where.push(`cc.cash_day = $${params.length}`);
  }
  return db.query<ClosingRow>(
    `SELECT ${closingColumns} FROM ${closingFrom} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY cc.cash_day DESC, s.code, cc.desk_code LIMIT 200`,
    params
  );
}

export interface NewClosing {
  siteId: string;
  deskCode: string;
  cashDay: string;
  figures: object;
  expectedTotalCents: number;
  countedTotalCents: number;
  differenceTotalCents: number;
  movementCount: number;
  comment: string | null;
  pdf: Buffer;
  sha256: string;
  closedBy: string | null;
}

export async function insertClosing(db: Queryable, closing: NewClosing): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO cash_closing (site_id, desk_code, cash_day, figures, expected_total_cents, counted_total_cents,
       difference_total_cents, movement_count, comment, pdf, sha256, closed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      closing.siteId,
      closing.deskCode,
      closing.cashDay,
      JSON.stringify(closing.figures),
      closing.expectedTotalCents,
      closing.countedTotalCents,
      closing.differenceTotalCents,
      closing.movementCount,
      closing.comment,
      closing.pdf,
      closing.sha256,
      closing.closedBy,
    ]
  );
  return (row as { id: string }).id;
}

export interface SiteRow {
  id: string;
  code: string;
  name: string;
  address: string | null;
  finess: string | null;
}

export async function findSite(db: Queryable, siteId: string): Promise<SiteRow | undefined> {
  const rows = await db.query<SiteRow>('SELECT id, code, name, address, finess FROM site WHERE id = $1', [siteId]);
  return rows[0];
}

export async function findLab(db: Queryable): Promise<{ name: string; finess: string | null; address: string | null }> {
  const rows = await db.query<{ name: string; finess: string | null; address: string | null }>(
    'SELECT name, finess, address FROM lab WHERE id = 1'
  );
  return rows[0] ?? { name: 'Laboratoire', finess: null, address: null };
}
