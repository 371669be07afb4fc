/**
 * Keeps an invoice's settlement counters and derived status (core `deriveInvoiceStatus`) in step
 * with each movement, in the movement's own transaction: a payment or refund at the desk, an
 * insurer's return, a dispute resolved by billing the patient or writing the amount off.
 */
import { deriveInvoiceStatus, type InvoiceStatus } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import { updateSettlement, type InvoiceRow } from './invoices.repository.js';

export interface SettlementChange {
  patientPaidDeltaCents?: number;
  patientChargedDeltaCents?: number;
  amoPaidDeltaCents?: number;
  amcPaidDeltaCents?: number;
  insurerClosedDeltaCents?: number;
  fseSentAt?: Date;
  fseBatch?: string | null;
}

/** What the patient still owes on an invoice at the desk. */
export function patientRemainingCents(row: InvoiceRow): number {
  return row.kind === 'credit_note' ? 0 : row.patient_cents + row.patient_charged_cents - row.patient_paid_cents;
}

export async function applySettlement(
  db: Queryable,
  row: InvoiceRow,
  change: SettlementChange
): Promise<InvoiceStatus> {
  const patientPaidCents = row.patient_paid_cents + (change.patientPaidDeltaCents ?? 0);
  const patientChargedCents = row.patient_charged_cents + (change.patientChargedDeltaCents ?? 0);
  const amoPaidCents = row.amo_paid_cents + (change.amoPaidDeltaCents ?? 0);
  const amcPaidCents = row.amc_paid_cents + (change.amcPaidDeltaCents ?? 0);
  const insurerClosedCents = row.insurer_closed_cents + (change.insurerClosedDeltaCents ?? 0);
  const status =
    row.kind === 'credit_note'
      ? row.status
      : deriveInvoiceStatus({
          numbered: row.number !== null,
          cancelled: row.status === 'cancelled',
          sentToInsurer: (change.fseSentAt ?? row.fse_sent_at) !== null,
          patientDueCents: row.patient_cents + patientChargedCents,
          patientPaidCents,
          insurerDueCents: row.amo_cents + row.amc_cents,
          insurerPaidCents: amoPaidCents + amcPaidCents,
          insurerClosedCents,
        });
  await updateSettlement(db, row.id, {
    status,
    patientPaidCents,
    patientChargedCents,
    amoPaidCents,
    amcPaidCents,
    insurerClosedCents,
    fseSentAt: change.fseSentAt ?? null,
    fseBatch: change.fseBatch ?? null,
  });
  return status;
}
