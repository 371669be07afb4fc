/** SQL of reimbursement returns, disputes (litiges) and amounts billed to patients (migration 0010). */
import type { ReturnLine, ReturnPayer } from '@sillage/core';
import type { Queryable } from '../../db/database.js';

export type DisputeStatus = 'open' | 'corrected_resubmitted' | 'billed_to_patient' | 'written_off';

export async function importExists(
  db: Queryable,
  sha256: string
): Promise<{ id: string; imported_at: Date } | undefined> {
  const rows = await db.query<{ id: string; imported_at: Date }>(
    'SELECT id, imported_at FROM reimbursement_import WHERE sha256 = $1',
    [sha256]
  );
  return rows[0];
}

/** Amounts no longer expected from each insurer (rejections billed to the patient or written off). */
export async function closedByPayer(
  db: Queryable,
  invoiceIds: readonly string[]
): Promise<{ invoice_id: string; payer: ReturnPayer; cents: number }[]> {
  const rows = await db.query<{ invoice_id: string; payer: ReturnPayer; cents: number }>(
    `SELECT invoice_id, payer, sum(amount_cents)::int AS cents FROM dispute
      WHERE invoice_id = ANY($1::uuid[]) AND status IN ('billed_to_patient', 'written_off')
      GROUP BY invoice_id, payer`,
    [invoiceIds]
  );
  return rows.map((row) => ({ ...row, cents: Number(row.cents) }));
}

export async function insertImport(
  db: Queryable,
  entry: {
    filename: string;
    format: 'csv' | 'json';
    sha256: string;
    lineCount: number;
    paymentCount: number;
    rejectionCount: number;
    paidTotalCents: number;
    importedBy: string | null;
  }
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO reimbursement_import (filename, format, sha256, line_count, payment_count, rejection_count,
       paid_total_cents, imported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      entry.filename,
      entry.format,
      entry.sha256,
      entry.lineCount,
      entry.paymentCount,
      entry.rejectionCount,
      entry.paidTotalCents,
      entry.importedBy,
    ]
  );
  return (row as { id: string }).id;
}

/** Inserts the lines of an import in one statement; returns each line's id by line number. */
export async function insertReturns(
  db: Queryable,
  importId: string,
  lines: readonly (ReturnLine & { invoiceId: string })[]
): Promise<Map<number, string>> {
  const rows = await db.query<{ id: string; line_number: number }>(
    `INSERT INTO reimbursement_return (import_id, line_number, invoice_id, payer, paid_cents, rejection_code,
       rejection_reason, payment_date)
     SELECT $1::uuid, * FROM unnest($2::int[], $3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[], $8::date[])
     RETURNING id, line_number`,
    [
      importId,
      lines.map((l) => l.line),
      lines.map((l) => l.invoiceId),
      lines.map((l) => l.payer),
      lines.map((l) => l.paidCents),
      lines.map((l) => l.rejectionCode),
      lines.map((l) => l.rejectionReason),
      lines.map((l) => l.paymentDate),
    ] as never
  );
  return new Map(rows.map((row) => [Number(row.line_number), row.id]));
}

export interface NewDispute {
  invoiceId: string;
  patientId: string;
  returnId: string;
  payer: ReturnPayer;
  rejectionCode: string;
  rejectionReason: string | null;
  amountCents: number;
  openedOn: string;
}

/** Opens disputes; the due date is 30 days after the return's date (changeable afterwards). */
export async function insertDisputes(db: Queryable, disputes: readonly NewDispute[]): Promise<string[]> {
  if (disputes.length === 0) {
    return [];
  }
  const rows = await db.query<{ id: string }>(
    `INSERT INTO dispute (invoice_id, patient_id, return_id, payer, rejection_code, rejection_reason, amount_cents,
       opened_on, due_date)
     SELECT invoice_id, patient_id, return_id, payer, rejection_code, rejection_reason, amount_cents, opened_on,
            opened_on + 30
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::int[], $8::date[])
         AS d(invoice_id, patient_id, return_id, payer, rejection_code, rejection_reason, amount_cents, opened_on)
     RETURNING id`,
    [
      disputes.map((d) => d.invoiceId),
      disputes.map((d) => d.patientId),
      disputes.map((d) => d.returnId),
      disputes.map((d) => d.payer),
      disputes.map((d) => d.rejectionCode),
      disputes.map((d) => d.rejectionReason),
      disputes.map((d) => d.amountCents),
      disputes.map((d) => d.openedOn),
    ] as never
  );
  return rows.map((row) => row.id);
}

export interface DisputeRow {
  id: string;
  invoice_id: string;
  invoice_number: string | null;
  patient_id: string;
  patient_name: string;
  payer: ReturnPayer;
  rejection_code: string;
  rejection_reason: string | null;
  amount_cents: number;
  status: DisputeStatus;
  opened_on: string;
  due_date: string;
  assignee_id: string | null;
  assignee_name: string | null;
  resolution_reason: string | null;
  resolved_at: Date | null;
  resolved_by_name: string | null;
  version: number;
}

const disputeColumns = `d.id, d.invoice_id, i.number AS invoice_number, d.patient_id,
  coalesce(p.used_name, p.birth_name) || ' ' || p.first_first_name AS patient_name, d.payer, d.rejection_code,
  d.rejection_reason, d.amount_cents, d.status, d.opened_on::text AS opened_on, d.due_date::text AS due_date,
  d.assignee_id, a.display_name AS assignee_name, d.resolution_reason, d.resolved_at, r.display_name AS resolved_by_name,
  d.version`;

const disputeFrom = `dispute d JOIN invoice i ON i.id = d.invoice_id JOIN patient p ON p.id = d.patient_id
  LEFT JOIN app_user a ON a.id = d.assignee_id LEFT JOIN app_user r ON r.id = d.resolved_by`;

export async function findDispute(db: Queryable, id: string, forUpdate = false): Promise<DisputeRow | undefined> {
  const rows = await db.query<DisputeRow>(
    `SELECT ${disputeColumns} FROM ${disputeFrom} WHERE d.id = $1 ${forUpdate ? 'FOR UPDATE OF d' : ''}`,
    [id]
  );
  return rows[0];
}

export async function listDisputes(
  db: Queryable,
  filter: { status?: DisputeStatus; assigneeId?: string; patientId?: string; invoiceId?: string; limit: number }
): Promise<DisputeRow[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  for (const [column, value] of [
    ['d.status', filter.status],
    ['d.assignee_id', filter.assigneeId],
    ['d.patient_id', filter.patientId],
    ['d.invoice_id', filter.invoiceId],
  ] as const) {
    if (value !== undefined) {
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
  }
  params.push(filter.limit);
  return db.query<DisputeRow>(
    `SELECT ${disputeColumns} FROM ${disputeFrom} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY d.opened_on, i.number, d.payer LIMIT $${params.length}`,
    params
  );
}

export async function updateAssignment(
  db: Queryable,
  id: string,
  change: { assigneeId: string | null; dueDate: string }
): Promise<void> {
  await db.query('UPDATE dispute SET assignee_id = $2, due_date = $3, version = version + 1 WHERE id = $1', [
    id,
    change.assigneeId,
    change.dueDate,
  ]);
}

export async function resolveDispute(
  db: Queryable,
  id: string,
  resolution: Exclude<DisputeStatus, 'open'>,
  reason: string,
  userId: string | null
): Promise<void> {
  await db.query(
    `UPDATE dispute SET status = $2, resolution_reason = $3, resolved_at = now(), resolved_by = $4, version = version + 1
      WHERE id = $1`,
    [id, resolution, reason, userId]
  );
}

export async function insertPatientCharge(
  db: Queryable,
  charge: {
    invoiceId: string;
    patientId: string;
    disputeId: string;
    amountCents: number;
    reason: string;
    createdBy: string | null;
  }
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO patient_charge (invoice_id, patient_id, dispute_id, amount_cents, reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [charge.invoiceId, charge.patientId, charge.disputeId, charge.amountCents, charge.reason, charge.createdBy]
  );
  return (row as { id: string }).id;
}

export async function userIsActive(db: Queryable, userId: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>('SELECT id FROM app_user WHERE id = $1 AND active', [userId]);
  return rows.length > 0;
}

export interface PatientChargeRow {
  invoice_id: string;
  amount_cents: number;
  reason: string;
  created_at: Date;
}

export async function listPatientCharges(db: Queryable, patientId: string): Promise<PatientChargeRow[]> {
  return db.query<PatientChargeRow>(
    'SELECT invoice_id, amount_cents, reason, created_at FROM patient_charge WHERE patient_id = $1 ORDER BY created_at',
    [patientId]
  );
}
