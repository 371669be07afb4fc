/**
 * Reimbursement returns and disputes (issue 5 item 7). A returns file (NOEMIE RSP data in the
 * documented exchange form, RETURNS-FORMAT.md) is matched to invoices as a whole: any malformed
 * line, unknown invoice or impossible amount refuses the whole file with the list of lines, and
 * nothing is written. Each rejection opens a dispute (litige): corrected and resubmitted, billed to
 * the patient (a charge payable at the cash desk), or written off — with reason, due date,
 * assignee and audit. The list shows the ageing (0–30, 31–60, 61–90, > 90 days).
 */
import { createHash } from 'node:crypto';
import {
  ageingBucketLabels,
  ageingBucketOf,
  ageingBuckets,
  daysBetweenIsoDates,
  formatEuros,
  parseReturnsCsv,
  parseReturnsJson,
  SillageError,
  type ReturnLine,
  type ReturnLineError,
  type ReturnsParseOutcome,
} from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, writeAuditEvents, type AccessEventWriter, type AuditContext } from '../audit/audit-writer.js';
import { renderPdf } from '../orders/pdf-engine.js';
import { isoOf, todayInParis } from './billing-format.js';
import { listInvoicePayments } from './cash.repository.js';
import * as repo from './disputes.repository.js';
import type { DisputeView } from './disputes.schemas.js';
import { applySettlement, patientRemainingCents, type SettlementChange } from './invoice-settlement.js';
import {
  findDocumentContext,
  findInvoice,
  findInvoicesByNumbers,
  listInvoices,
  type InvoiceRow,
} from './invoices.repository.js';
import { patientStatementDocument, type StatementInvoice } from './patient-statement-document.js';

export interface ReturnsImportSummary {
  importId: string;
  filename: string;
  format: 'csv' | 'json';
  lineCount: number;
  paymentCount: number;
  rejectionCount: number;
  paidTotalCents: number;
  disputeIds: string[];
}

function refuse(errors: readonly ReturnLineError[]): SillageError {
  return new SillageError('SIL_RETURNS_FILE_INVALID', {
    detail: errors
      .slice(0, 20)
      .map((e) => `ligne ${e.line}${e.field === null ? '' : ` (${e.field})`} : ${e.message}`)
      .join(' ; '),
    issues: errors
      .slice(0, 200)
      .map((e) => ({ path: `ligne ${e.line}${e.field === null ? '' : `.${e.field}`}`, message: e.message })),
    extra: { lineErrors: errors.slice(0, 1000), errorCount: errors.length },
  });
}

export function toDisputeView(row: repo.DisputeRow, today: string): DisputeView {
  const ageDays = Math.max(0, daysBetweenIsoDates(row.opened_on, today));
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    patientId: row.patient_id,
    patientName: row.patient_name,
    payer: row.payer,
    rejectionCode: row.rejection_code,
    rejectionReason: row.rejection_reason,
    amountCents: row.amount_cents,
    status: row.status,
    openedOn: row.opened_on,
    dueDate: row.due_date,
    overdue: row.status === 'open' && row.due_date < today,
    ageDays,
    ageingBucket: ageingBucketOf(ageDays),
    assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name },
    resolutionReason: row.resolution_reason,
    resolvedAt: isoOf(row.resolved_at),
    resolvedBy: row.resolved_by_name,
    version: row.version,
  };
}

/** What each insurer is still expected to pay on an invoice (paid and closed amounts deducted). */
function remainingFromPayer(invoice: InvoiceRow, payer: 'AMO' | 'AMC', closed: number): number {
  return payer === 'AMO'
    ? invoice.amo_cents - invoice.amo_paid_cents - closed
    : invoice.amc_cents - invoice.amc_paid_cents - closed;
}

export class DisputeService {
  constructor(
    private readonly database: Database,
    private readonly accessEvents: AccessEventWriter
  ) {}

  async importReturns(
    file: { filename: string; format: 'csv' | 'json'; content: unknown },
    context: AuditContext
  ): Promise<ReturnsImportSummary> {
    const text = file.format === 'csv' ? String(file.content) : JSON.stringify(file.content);
    const parsed: ReturnsParseOutcome =
      file.format === 'csv' ? parseReturnsCsv(String(file.content)) : parseReturnsJson(file.content);
    if (!parsed.ok) {
      throw refuse(parsed.errors);
    }
    const sha256 = createHash('sha256').update(text).digest('hex');
    return this.database.transaction(async (tx) => {
      const previous = await repo.importExists(tx, sha256);
      if (previous !== undefined) {
        throw new SillageError('SIL_RETURNS_ALREADY_IMPORTED', {
          detail: `importé le ${isoOf(previous.imported_at) ?? ''}`,
          extra: { importId: previous.id },
        });
      }
      const invoices = new Map(
        (await findInvoicesByNumbers(tx, [...new Set(parsed.lines.map((l) => l.invoiceNumber))])).map((row) => [
          row.number as string,
          row,
        ])
      );
      const closed = new Map(
        (
          await repo.closedByPayer(
            tx,
            [...invoices.values()].map((row) => row.id)
          )
        ).map((row) => [`${row.invoice_id}|${row.payer}`, row.cents])
      );
      const errors: ReturnLineError[] = [];
      const matched: (ReturnLine & { invoiceId: string; invoice: InvoiceRow; rejectedCents: number })[] = [];
      for (const line of parsed.lines) {
        const invoice = invoices.get(line.invoiceNumber);
        const fail = (field: string, message: string) => errors.push({ line: line.line, field, message });
        if (invoice === undefined) {
          fail('invoiceNumber', `facture ${line.invoiceNumber} inconnue`);
          continue;
        }
        if (invoice.status === 'cancelled') {
          fail(
            'invoiceNumber',
            `facture ${line.invoiceNumber} annulée par l’avoir ${invoice.credit_note_number ?? ''}`
          );
          continue;
        }
        if (line.payer === 'AMC' && invoice.amc_cents === 0) {
          fail('payer', `pas de part complémentaire en tiers payant sur la facture ${line.invoiceNumber}`);
          continue;
        }
        const expected = remainingFromPayer(invoice, line.payer, closed.get(`${invoice.id}|${line.payer}`) ?? 0);
        if (line.paidCents > expected) {
          fail(
            'paidCents',
            `${formatEuros(line.paidCents)} payés, ${formatEuros(expected)} attendus de l’${line.payer} sur la facture ${line.invoiceNumber}`
          );
          continue;
        }
        matched.push({
          ...line,
          invoiceId: invoice.id,
          invoice,
          rejectedCents: line.rejectionCode === null ? 0 : expected - line.paidCents,
        });
      }
      if (errors.length > 0) {
        throw refuse(errors);
      }
      const rejections = matched.filter((line) => line.rejectionCode !== null);
      const paidTotalCents = matched.reduce((sum, line) => sum + line.paidCents, 0);
      const importId = await repo.insertImport(tx, {
        filename: file.filename,
        format: file.format,
        sha256,
        lineCount: matched.length,
        paymentCount: matched.filter((line) => line.paidCents > 0).length,
        rejectionCount: rejections.length,
        paidTotalCents,
        importedBy: context.actor?.userId ?? null,
      });
      const returnIds = await repo.insertReturns(tx, importId, matched);
      const disputeIds = await repo.insertDisputes(
        tx,
        rejections.map((line) => ({
          invoiceId: line.invoiceId,
          patientId: line.invoice.patient_id,
          returnId: returnIds.get(line.line) as string,
          payer: line.payer,
          rejectionCode: line.rejectionCode as string,
          rejectionReason: line.rejectionReason,
          amountCents: line.rejectedCents,
          openedOn: line.paymentDate,
        }))
      );
      const changes = new Map<string, { invoice: InvoiceRow; change: SettlementChange }>();
      for (const line of matched) {
        const entry = changes.get(line.invoiceId) ?? { invoice: line.invoice, change: {} };
        if (line.payer === 'AMO') {
          entry.change.amoPaidDeltaCents = (entry.change.amoPaidDeltaCents ?? 0) + line.paidCents;
        } else {
          entry.change.amcPaidDeltaCents = (entry.change.amcPaidDeltaCents ?? 0) + line.paidCents;
        }
        changes.set(line.invoiceId, entry);
      }
      for (const { invoice, change } of changes.values()) {
        await applySettlement(tx, invoice, change);
      }
      await writeAuditEvents(tx, [
        {
          context,
          input: {
            action: 'returns.imported',
            entityType: 'reimbursement_import',
            entityId: importId,
            after: {
              filename: file.filename,
              format: file.format,
              sha256,
              lineCount: matched.length,
              rejectionCount: rejections.length,
              paidTotalCents,
            },
          },
        },
        ...matched.map((line) => ({
          context,
          input: {
            action: line.rejectionCode === null ? 'invoice.insurer_paid' : 'invoice.insurer_rejected',
            entityType: 'invoice',
            entityId: line.invoiceId,
            patientId: line.invoice.patient_id,
            after: {
              invoice: line.invoiceNumber,
              payer: line.payer,
              paidCents: line.paidCents,
              rejectionCode: line.rejectionCode,
              rejectedCents: line.rejectedCents,
              importId,
            },
          },
        })),
        ...disputeIds.map((id, index) => ({
          context,
          input: {
            action: 'dispute.opened',
            entityType: 'dispute',
            entityId: id,
            patientId: rejections[index]?.invoice.patient_id ?? null,
            after: {
              invoice: rejections[index]?.invoiceNumber,
              payer: rejections[index]?.payer,
              rejectionCode: rejections[index]?.rejectionCode,
              amountCents: rejections[index]?.rejectedCents,
            },
          },
        })),
      ]);
      return {
        importId,
        filename: file.filename,
        format: file.format,
        lineCount: matched.length,
        paymentCount: matched.filter((line) => line.paidCents > 0).length,
        rejectionCount: rejections.length,
        paidTotalCents,
        disputeIds,
      };
    });
  }

  async list(
    filter: {
      status: repo.DisputeStatus | 'all';
      assigneeId?: string;
      patientId?: string;
      invoiceId?: string;
      limit: number;
    },
    context: AuditContext
  ): Promise<{
    items: DisputeView[];
    ageing: { bucket: (typeof ageingBuckets)[number]; label: string; count: number; amountCents: number }[];
  }> {
    const rows = await repo.listDisputes(this.database, {
      ...filter,
      status: filter.status === 'all' ? undefined : filter.status,
    });
    const today = todayInParis();
    const items = rows.map((row) => toDisputeView(row, today));
    const ageing = ageingBuckets.map((bucket) => {
      const open = items.filter((item) => item.status === 'open' && item.ageingBucket === bucket);
      return {
        bucket,
        label: ageingBucketLabels[bucket],
        count: open.length,
        amountCents: open.reduce((sum, item) => sum + item.amountCents, 0),
      };
    });
    await Promise.all(
      [...new Set(rows.map((row) => row.patient_id))].map((patientId) =>
        this.accessEvents.record(context, { action: 'dispute.listed', entityType: 'dispute', patientId })
      )
    );
    return { items, ageing };
  }

  async read(id: string, context: AuditContext): Promise<DisputeView> {
    const row = await repo.findDispute(this.database, id);
    if (row === undefined) {
      throw new SillageError('SIL_DISPUTE_NOT_FOUND');
    }
    await this.accessEvents.record(context, {
      action: 'dispute.read',
      entityType: 'dispute',
      entityId: id,
      patientId: row.patient_id,
    });
    return toDisputeView(row, todayInParis());
  }

  async update(
    id: string,
    input: { assigneeId?: string | null; dueDate?: string; version: number },
    context: AuditContext
  ): Promise<DisputeView> {
    return this.database.transaction(async (tx) => {
      const row = await repo.findDispute(tx, id, true);
      if (row === undefined) {
        throw new SillageError('SIL_DISPUTE_NOT_FOUND');
      }
      if (row.status !== 'open') {
        throw new SillageError('SIL_DISPUTE_ALREADY_RESOLVED');
      }
      if (row.version !== input.version) {
        throw new SillageError('SIL_CONFLICT', { detail: `litige modifié entre-temps (version ${row.version})` });
      }
      const assigneeId = input.assigneeId === undefined ? row.assignee_id : input.assigneeId;
      if (assigneeId !== null && assigneeId !== row.assignee_id && !(await repo.userIsActive(tx, assigneeId))) {
        throw new SillageError('SIL_USER_NOT_FOUND');
      }
      const dueDate = input.dueDate ?? row.due_date;
      await repo.updateAssignment(tx, id, { assigneeId, dueDate });
      await writeAuditEvent(tx, context, {
        action: 'dispute.updated',
        entityType: 'dispute',
        entityId: id,
        patientId: row.patient_id,
        before: { assigneeId: row.assignee_id, dueDate: row.due_date },
        after: { assigneeId, dueDate },
      });
      return toDisputeView((await repo.findDispute(tx, id)) as repo.DisputeRow, todayInParis());
    });
  }

  async resolve(
    id: string,
    input: {
      resolution: 'corrected_resubmitted' | 'billed_to_patient' | 'written_off';
      reason: string;
      version?: number;
    },
    context: AuditContext
  ): Promise<DisputeView> {
    return this.database.transaction(async (tx) => {
      const dispute = await repo.findDispute(tx, id, true);
      if (dispute === undefined) {
        throw new SillageError('SIL_DISPUTE_NOT_FOUND');
      }
      if (dispute.status !== 'open') {
        throw new SillageError('SIL_DISPUTE_ALREADY_RESOLVED', { detail: dispute.status });
      }
      if (input.version !== undefined && input.version !== dispute.version) {
        throw new SillageError('SIL_CONFLICT', { detail: `litige modifié entre-temps (version ${dispute.version})` });
      }
      const invoice = (await findInvoice(tx, dispute.invoice_id, true)) as InvoiceRow;
      let chargeId: string | null = null;
      if (input.resolution === 'billed_to_patient') {
        if (invoice.status === 'cancelled') {
          throw new SillageError('SIL_INVOICE_STATE_INVALID', { detail: 'facture annulée : refacturez le dossier' });
        }
        if (dispute.amount_cents > 0) {
          chargeId = await repo.insertPatientCharge(tx, {
            invoiceId: invoice.id,
            patientId: invoice.patient_id,
            disputeId: id,
            amountCents: dispute.amount_cents,
            reason: `Rejet ${dispute.payer} ${dispute.rejection_code}${dispute.rejection_reason === null ? '' : ` (${dispute.rejection_reason})`} : ${input.reason}`,
            createdBy: context.actor?.userId ?? null,
          });
        }
        await applySettlement(tx, invoice, {
          patientChargedDeltaCents: dispute.amount_cents,
          insurerClosedDeltaCents: dispute.amount_cents,
        });
      } else if (input.resolution === 'written_off') {
        await applySettlement(tx, invoice, { insurerClosedDeltaCents: dispute.amount_cents });
      }
      await repo.resolveDispute(tx, id, input.resolution, input.reason, context.actor?.userId ?? null);
      await writeAuditEvent(tx, context, {
        action: 'dispute.resolved',
        entityType: 'dispute',
        entityId: id,
        patientId: dispute.patient_id,
        before: { status: dispute.status },
        after: {
          status: input.resolution,
          invoice: dispute.invoice_number,
          amountCents: dispute.amount_cents,
          patientChargeId: chargeId,
        },
        reason: input.reason,
      });
      return toDisputeView((await repo.findDispute(tx, id)) as repo.DisputeRow, todayInParis());
    });
  }

  /** Patient statement PDF: the patient's issued invoices, charges after rejections, payments, balance. */
  async statementPdf(patientId: string, context: AuditContext): Promise<{ pdf: Buffer; filename: string }> {
    const doc = await findDocumentContext(this.database, patientId, null, null);
    if (doc === undefined) {
      throw new SillageError('SIL_PATIENT_NOT_FOUND');
    }
    const invoices = (await listInvoices(this.database, { patientId, limit: 500 }))
      .filter((row) => row.kind === 'invoice' && row.number !== null && row.status !== 'cancelled')
      .reverse();
    const ids = invoices.map((row) => row.id);
    const payments = ids.length === 0 ? [] : await listInvoicePayments(this.database, ids);
    const charges = await repo.listPatientCharges(this.database, patientId);
    const statementInvoices: StatementInvoice[] = invoices.map((row) => ({
      number: row.number as string,
      actsDate: row.acts_date,
      status: row.status,
      patientCents: row.patient_cents,
      chargedCents: row.patient_charged_cents,
      paidCents: row.patient_paid_cents,
      remainingCents: patientRemainingCents(row),
      charges: charges
        .filter((charge) => charge.invoice_id === row.id)
        .map((charge) => ({ amountCents: charge.amount_cents, reason: charge.reason, createdAt: charge.created_at })),
      payments: payments
        .filter((payment) => payment.invoice_id === row.id)
        .map((payment) => ({
          direction: payment.direction,
          method: payment.method,
          amountCents: payment.amount_cents,
          at: payment.recorded_at,
        })),
    }));
    const printedAt = new Date();
    const pdf = await renderPdf(
      patientStatementDocument({
        lab: { name: doc.lab_name, address: doc.lab_address, finess: doc.lab_finess, site: null },
        patient: {
          name: `${doc.used_name ?? doc.birth_name} ${doc.first_first_name}`,
          birthDate: doc.birth_date,
          patientNumber: doc.patient_number,
          address: doc.address,
        },
        printedAt,
        invoices: statementInvoices,
      })
    );
    await this.accessEvents.record(context, {
      action: 'patient.statement_pdf',
      entityType: 'patient',
      entityId: patientId,
      patientId,
    });
    return { pdf, filename: `releve-${doc.patient_number}-${todayInParis(printedAt)}.pdf` };
  }
}
