/**
 * Cash desk (issue 5 item 6): payments of the patient's share (cash, card, cheque, transfer),
 * partial payments, refunds, and the daily closing of a desk (site + desk code) with its Z report.
 * A desk-day is locked (advisory lock) while a movement or its closing is written; once closed,
 * nothing more is recorded on it (SIL_CASH_DAY_CLOSED), and a second closing is refused
 * (SIL_CASH_ALREADY_CLOSED). Payments and closings are append-only in the database.
 */
import { createHash } from 'node:crypto';
import {
  computeClosingFigures,
  formatEuros,
  SillageError,
  type ClosingFigures,
  type MovementTotals,
  type PaymentMethod,
} from '@sillage/core';
import type { Database, Queryable } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { renderPdf } from '../orders/pdf-engine.js';
import { isoOf, todayInParis } from './billing-format.js';
import * as repo from './cash.repository.js';
import type { ClosingCreateInput, ClosingView, PaymentCreateInput, RefundCreateInput } from './cash.schemas.js';
import { applySettlement, patientRemainingCents } from './invoice-settlement.js';
import { findInvoice } from './invoices.repository.js';
import type { PaymentView } from './invoices.schemas.js';
import { toPaymentView } from './invoices.service.js';
import { zReportDocument } from './z-report-document.js';

export interface PaymentAnswer {
  payment: PaymentView;
  invoiceStatus: string;
  patientPaidCents: number;
  patientRemainingCents: number;
}

function requireSite(siteId: string | null): string {
  if (siteId === null) {
    throw new SillageError('SIL_CASH_SITE_REQUIRED');
  }
  return siteId;
}

function toClosingView(row: repo.ClosingRow): ClosingView {
  const figures = row.figures as ClosingFigures;
  return {
    id: row.id,
    siteId: row.site_id,
    siteCode: row.site_code,
    deskCode: row.desk_code,
    date: row.cash_day,
    figures: { ...figures, lines: [...figures.lines] },
    comment: row.comment,
    closedAt: isoOf(row.closed_at) ?? '',
    closedBy: row.closed_by_name,
    sha256: row.sha256,
  };
}

function totalsByMethod(rows: readonly repo.MovementTotalsRow[]): Partial<Record<PaymentMethod, MovementTotals>> {
  return Object.fromEntries(
    rows.map((row) => [
      row.method,
      { receivedCents: row.received_cents, refundedCents: row.refunded_cents, count: row.count },
    ])
  );
}

export class CashDeskService {
  constructor(private readonly database: Database) {}

  /** Checks and locks the desk-day of a movement recorded now; refuses a closed day. */
  private async openDeskDay(tx: Queryable, siteId: string, deskCode: string): Promise<string> {
    const cashDay = todayInParis();
    await repo.lockDeskDay(tx, siteId, deskCode, cashDay);
    if ((await repo.findClosing(tx, siteId, deskCode, cashDay)) !== undefined) {
      throw new SillageError('SIL_CASH_DAY_CLOSED', { detail: `caisse ${deskCode}, journée du ${cashDay}` });
    }
    return cashDay;
  }

  async pay(
    invoiceId: string,
    input: PaymentCreateInput,
    siteId: string | null,
    context: AuditContext
  ): Promise<PaymentAnswer> {
    const site = requireSite(siteId);
    return this.database.transaction(async (tx) => {
      const invoice = await findInvoice(tx, invoiceId, true);
      if (invoice === undefined) {
        throw new SillageError('SIL_INVOICE_NOT_FOUND');
      }
      if (invoice.kind !== 'invoice' || invoice.number === null) {
        throw new SillageError('SIL_INVOICE_STATE_INVALID', { detail: 'paiement sur une facture émise seulement' });
      }
      if (invoice.status === 'cancelled') {
        throw new SillageError('SIL_PAYMENT_INVOICE_CANCELLED', { detail: invoice.credit_note_number ?? '' });
      }
      const cashDay = await this.openDeskDay(tx, site, input.deskCode);
      const remaining = patientRemainingCents(invoice);
      if (input.amountCents > remaining) {
        throw new SillageError('SIL_PAYMENT_EXCEEDS_DUE', {
          detail: `${formatEuros(input.amountCents)} proposés, ${formatEuros(remaining)} restant dus sur la facture ${invoice.number}`,
          extra: { remainingCents: remaining },
        });
      }
      return this.record(tx, invoice, { ...input, reason: null }, 'payment', site, cashDay, context);
    });
  }

  async refund(
    invoiceId: string,
    input: RefundCreateInput,
    siteId: string | null,
    context: AuditContext
  ): Promise<PaymentAnswer> {
    const site = requireSite(siteId);
    return this.database.transaction(async (tx) => {
      const invoice = await findInvoice(tx, invoiceId, true);
      if (invoice === undefined) {
        throw new SillageError('SIL_INVOICE_NOT_FOUND');
      }
      if (invoice.kind !== 'invoice' || invoice.number === null) {
        throw new SillageError('SIL_INVOICE_STATE_INVALID', {
          detail: 'remboursement sur une facture émise seulement',
        });
      }
      const cashDay = await this.openDeskDay(tx, site, input.deskCode);
      if (input.amountCents > invoice.patient_paid_cents) {
        throw new SillageError('SIL_REFUND_EXCEEDS_PAID', {
          detail: `${formatEuros(input.amountCents)} demandés, ${formatEuros(invoice.patient_paid_cents)} payés sur la facture ${invoice.number}`,
        });
      }
      return this.record(tx, invoice, input, 'refund', site, cashDay, context);
    });
  }

  private async record(
    tx: Queryable,
    invoice: NonNullable<Awaited<ReturnType<typeof findInvoice>>>,
    input: PaymentCreateInput & { reason: string | null },
    direction: 'payment' | 'refund',
    siteId: string,
    cashDay: string,
    context: AuditContext
  ): Promise<PaymentAnswer> {
    const id = await repo.insertPayment(tx, {
      invoiceId: invoice.id,
      patientId: invoice.patient_id,
      siteId,
      deskCode: input.deskCode,
      cashDay,
      direction,
      method: input.method,
      amountCents: input.amountCents,
      reference: input.reference,
      reason: input.reason,
      recordedBy: context.actor?.userId ?? null,
    });
    const delta = direction === 'payment' ? input.amountCents : -input.amountCents;
    const status = await applySettlement(tx, invoice, { patientPaidDeltaCents: delta });
    await writeAuditEvent(tx, context, {
      action: direction === 'payment' ? 'payment.recorded' : 'payment.refunded',
      entityType: 'payment',
      entityId: id,
      patientId: invoice.patient_id,
      after: {
        invoice: invoice.number,
        method: input.method,
        amountCents: input.amountCents,
        deskCode: input.deskCode,
        cashDay,
        invoiceStatus: status,
      },
      reason: input.reason,
    });
    const [payment] = (await repo.listInvoicePayments(tx, [invoice.id])).filter((p) => p.id === id);
    const patientPaidCents = invoice.patient_paid_cents + delta;
    return {
      payment: toPaymentView(payment as repo.PaymentRow),
      invoiceStatus: status,
      patientPaidCents,
      patientRemainingCents: patientRemainingCents({ ...invoice, patient_paid_cents: patientPaidCents }),
    };
  }

  /** The desk-day so far: movements and what the drawer should hold (before closing). */
  async deskDay(siteId: string | null, deskCode: string, date: string | undefined) {
    const site = requireSite(siteId);
    const cashDay = date ?? todayInParis();
    const closing = await repo.findClosing(this.database, site, deskCode, cashDay);
    const movements = await repo.listDeskDayPayments(this.database, site, deskCode, cashDay);
    const expected = computeClosingFigures(
      totalsByMethod(await repo.deskDayTotals(this.database, site, deskCode, cashDay)),
      { cash: 0, card: 0, cheque: 0, transfer: 0 }
    );
    return {
      siteId: site,
      deskCode,
      date: cashDay,
      closed: closing !== undefined,
      closingId: closing?.id ?? null,
      expected: { ...expected, lines: [...expected.lines] },
      movements: movements.map((row) => ({
        ...toPaymentView(row),
        invoiceId: row.invoice_id,
        invoiceNumber: row.invoice_number,
      })),
    };
  }

  async close(input: ClosingCreateInput, siteId: string | null, context: AuditContext): Promise<ClosingView> {
    const site = requireSite(siteId);
    const today = todayInParis();
    const cashDay = input.date ?? today;
    if (cashDay > today) {
      throw new SillageError('SIL_CASH_CLOSING_FUTURE_DAY', { detail: cashDay });
    }
    return this.database.transaction(async (tx) => {
      await repo.lockDeskDay(tx, site, input.deskCode, cashDay);
      const existing = await repo.findClosing(tx, site, input.deskCode, cashDay);
      if (existing !== undefined) {
        throw new SillageError('SIL_CASH_ALREADY_CLOSED', {
          detail: `caisse ${input.deskCode}, journée du ${cashDay}, clôturée par ${existing.closed_by_name ?? '?'}`,
          extra: { closingId: existing.id },
        });
      }
      const siteRow = await repo.findSite(tx, site);
      if (siteRow === undefined) {
        throw new SillageError('SIL_SITE_NOT_FOUND');
      }
      const lab = await repo.findLab(tx);
      const figures = computeClosingFigures(
        totalsByMethod(await repo.deskDayTotals(tx, site, input.deskCode, cashDay)),
        input.counted,
        input.cashFloatCents
      );
      const closedAt = new Date();
      const pdf = await renderPdf(
        zReportDocument({
          lab: {
            ...lab,
            site: { code: siteRow.code, name: siteRow.name, address: siteRow.address, finess: siteRow.finess },
          },
          deskCode: input.deskCode,
          date: cashDay,
          figures,
          closedBy: context.actor?.name ?? null,
          closedAt,
          comment: input.comment,
        })
      );
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      const id = await repo.insertClosing(tx, {
        siteId: site,
        deskCode: input.deskCode,
        cashDay,
        figures,
        expectedTotalCents: figures.expectedTotalCents,
        countedTotalCents: figures.countedTotalCents,
        differenceTotalCents: figures.differenceTotalCents,
        movementCount: figures.movementCount,
        comment: input.comment,
        pdf,
        sha256,
        closedBy: context.actor?.userId ?? null,
      });
      await writeAuditEvent(tx, context, {
        action: 'cash.closed',
        entityType: 'cash_closing',
        entityId: id,
        after: { siteCode: siteRow.code, deskCode: input.deskCode, cashDay, ...figures, sha256 },
        reason: input.comment,
      });
      return toClosingView((await repo.findClosingById(tx, id)) as repo.ClosingRow);
    });
  }

  async listClosings(siteId: string | null, date: string | undefined): Promise<ClosingView[]> {
    const rows = await repo.listClosings(this.database, { siteId: siteId ?? undefined, cashDay: date });
    return rows.map(toClosingView);
  }

  async closingPdf(id: string): Promise<{ pdf: Buffer; filename: string }> {
    const row = await repo.closingPdf(this.database, id);
    if (row === undefined) {
      throw new SillageError('SIL_CASH_CLOSING_NOT_FOUND');
    }
    return { pdf: row.pdf, filename: `rapport-z-${row.desk_code}-${row.cash_day}.pdf` };
  }
}
