/**
 * Invoices (issue 5 item 5): one per order, priced by the core engine, numbered without gaps in the
 * issuing transaction; once issued never edited — a credit note (avoir) cancels it and the order
 * can be invoiced again. Reads of invoices are access events (they are patient data); every
 * mutation writes its audit event, with the patient, in its transaction.
 */
import { coefficientFromHundredths, SillageError, type TariffIndex } from '@sillage/core';
import type { Database, Queryable } from '../../db/database.js';
import { writeAuditEvent, type AccessEventWriter, type AuditContext } from '../audit/audit-writer.js';
import { renderPdf } from '../orders/pdf-engine.js';
import { isoOf } from './billing-format.js';
import * as cashRepo from './cash.repository.js';
import { findCoverage } from './coverage.repository.js';
import { buildFseExport } from './fse-export.js';
import { invoiceDocument, receiptDocument, type InvoiceDocumentData } from './invoice-documents.js';
import { allocateInvoiceNumber } from './invoice-numbers.js';
import { actsDateOf, priceOrder, priceOrderForPatient, type PricedInvoice } from './invoice-pricing.js';
import { applySettlement, patientRemainingCents } from './invoice-settlement.js';
import * as repo from './invoices.repository.js';
import type { InvoiceListItem, InvoiceSummary, InvoiceView, PaymentView } from './invoices.schemas.js';

export function toPaymentView(row: cashRepo.PaymentRow): PaymentView {
  return {
    id: row.id,
    direction: row.direction,
    method: row.method,
    amountCents: row.amount_cents,
    deskCode: row.desk_code,
    cashDay: row.cash_day,
    reference: row.reference,
    reason: row.reason,
    recordedAt: isoOf(row.recorded_at) ?? '',
    recordedBy: row.recorded_by_name,
  };
}

export function toInvoiceSummary(row: repo.InvoiceRow): InvoiceSummary {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    status: row.status,
    orderId: row.order_id,
    orderNumber: row.order_number,
    patientId: row.patient_id,
    siteId: row.site_id,
    creditedInvoice:
      row.credited_invoice_id === null ? null : { id: row.credited_invoice_id, number: row.credited_invoice_number },
    creditNote: row.credit_note_id === null ? null : { id: row.credit_note_id, number: row.credit_note_number },
    creditReason: row.credit_reason,
    performedAt: isoOf(row.performed_at) ?? '',
    actsDate: row.acts_date,
    territory: row.territory,
    bValueMilliCents: row.b_value_millicents,
    totalCents: row.total_cents,
    amoCents: row.amo_cents,
    amcCents: row.amc_cents,
    patientCents: row.patient_cents,
    amcRefundToPatientCents: row.amc_refund_to_patient_cents,
    participationForfaitaire: {
      cents: row.participation_cents,
      count: row.participation_count,
      reason: row.participation_reason,
      collectedAtDesk: false,
    },
    patientChargedCents: row.patient_charged_cents,
    patientPaidCents: row.patient_paid_cents,
    patientRemainingCents: patientRemainingCents(row),
    amoPaidCents: row.amo_paid_cents,
    amcPaidCents: row.amc_paid_cents,
    fseSentAt: isoOf(row.fse_sent_at),
    issuedAt: isoOf(row.issued_at),
    createdAt: isoOf(row.created_at) ?? '',
    version: row.version,
  };
}

/** Serialises the invoicing of one patient (9005 once a day: two desks must not both bill it). */
async function lockPatientBilling(tx: Queryable, patientId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(5105, hashtext($1))', [patientId]);
}

function summaryForAudit(row: repo.InvoiceRow | (PricedInvoice & { number: string | null })): Record<string, unknown> {
  if ('lines' in row) {
    return {
      number: row.number,
      actsDate: row.actsDate,
      totalCents: row.totalCents,
      amoCents: row.amoCents,
      amcCents: row.amcCents,
      patientCents: row.patientCents,
      participationCents: row.participation.cents,
      billedCodes: row.lines.filter((l) => l.billed).map((l) => l.code),
    };
  }
  return { number: row.number, status: row.status, totalCents: row.total_cents, patientCents: row.patient_cents };
}

export type InvoicePayer = 'coverage' | 'patient';

/** An invoice made with `payer: 'patient'` keeps it in its coverage snapshot (re-priced the same way on issue). */
function payerOf(invoice: repo.InvoiceRow): InvoicePayer {
  return invoice.coverage.payer === 'patient' ? 'patient' : 'coverage';
}

/** Nothing to send to the Assurance maladie for an invoice the patient pays in full. */
function refuseFseWithoutAmo(invoice: repo.InvoiceRow): void {
  if (payerOf(invoice) === 'patient') {
    throw new SillageError('SIL_INVOICE_STATE_INVALID', {
      detail: 'facture sans prise en charge AMO : pas de feuille de soins électronique',
    });
  }
}

export class InvoiceService {
  constructor(
    private readonly database: Database,
    private readonly accessEvents: AccessEventWriter,
    private readonly tariffs: () => Promise<TariffIndex>
  ) {}

  /** Prices the order inside the caller's transaction (the patient's billing lock held). */
  private async price(
    tx: Queryable,
    order: repo.BillableOrderRow,
    tariffs: TariffIndex,
    payer: InvoicePayer
  ): Promise<{ priced: PricedInvoice }> {
    const actsDate = actsDateOf(order);
    const common = {
      order,
      acts: await repo.listOrderActs(tx, order.id),
      sameDay: await repo.listSameDayBillings(tx, order.patient_id, actsDate, order.id),
      participationThisYearCents: await repo.participationThisYear(tx, order.patient_id, actsDate, order.id),
      tariffs,
    };
    if (payer === 'patient') {
      return { priced: priceOrderForPatient(common) };
    }
    const coverage = await findCoverage(tx, order.patient_id);
    if (coverage === undefined) {
      throw new SillageError('SIL_COVERAGE_MISSING');
    }
    return { priced: priceOrder({ ...common, coverage }) };
  }

  private newInvoiceOf(
    order: repo.BillableOrderRow,
    priced: PricedInvoice,
    number: string | null,
    createdBy: string | null
  ): repo.NewInvoice {
    return {
      kind: 'invoice',
      number,
      orderId: order.id,
      patientId: order.patient_id,
      siteId: order.site_id,
      prescriberId: order.prescriber_id,
      creditedInvoiceId: null,
      creditReason: null,
      status: number === null ? 'draft' : 'issued',
      performedAt: priced.performedAt,
      actsDate: priced.actsDate,
      territory: order.territory,
      bValueMilliCents: priced.bValueMilliCents,
      totalCents: priced.totalCents,
      amoCents: priced.amoCents,
      amcCents: priced.amcCents,
      patientCents: priced.patientCents,
      amcRefundToPatientCents: priced.amcRefundToPatientCents,
      participationCents: priced.participation.cents,
      participationCount: priced.participation.count,
      participationReason: priced.participation.reason,
      coverage: priced.coverageSnapshot,
      notes: priced.notes,
      createdBy,
    };
  }

  private async lockedBillableOrder(tx: Queryable, orderId: string): Promise<repo.BillableOrderRow> {
    const order = await repo.findBillableOrder(tx, orderId, true);
    if (order === undefined) {
      throw new SillageError('SIL_ORDER_NOT_FOUND');
    }
    if (order.cancelled_at !== null) {
      throw new SillageError('SIL_INVOICE_ORDER_NOT_BILLABLE', { detail: 'dossier annulé' });
    }
    return order;
  }

  async create(
    orderId: string,
    options: { draft: boolean; payer?: InvoicePayer },
    context: AuditContext
  ): Promise<InvoiceView> {
    // Loaded before the transaction: a first load reads the NABM tables on the root handle.
    const tariffs = await this.tariffs();
    return this.database.transaction(async (tx) => {
      const order = await this.lockedBillableOrder(tx, orderId);
      await lockPatientBilling(tx, order.patient_id);
      const existing = await repo.findActiveInvoiceOfOrder(tx, orderId);
      if (existing !== undefined) {
        throw new SillageError('SIL_INVOICE_ALREADY_EXISTS', {
          detail: existing.number ?? 'brouillon',
          extra: { invoiceId: existing.id, number: existing.number },
        });
      }
      const { priced } = await this.price(tx, order, tariffs, options.payer ?? 'coverage');
      const number = options.draft ? null : await allocateInvoiceNumber(tx, 'invoice');
      const id = await repo.insertInvoice(tx, this.newInvoiceOf(order, priced, number, context.actor?.userId ?? null));
      await repo.insertInvoiceLines(tx, id, priced.lines);
      await writeAuditEvent(tx, context, {
        action: number === null ? 'invoice.drafted' : 'invoice.issued',
        entityType: 'invoice',
        entityId: id,
        patientId: order.patient_id,
        after: { orderNumber: order.order_number, ...summaryForAudit({ ...priced, number }) },
      });
      return this.view(tx, id);
    });
  }

  /** Numbers a draft, pricing it again from today's data (a draft is not an accounting document). */
  async issue(invoiceId: string, context: AuditContext): Promise<InvoiceView> {
    const tariffs = await this.tariffs();
    return this.database.transaction(async (tx) => {
      const draft = await repo.findInvoice(tx, invoiceId, true);
      if (draft === undefined) {
        throw new SillageError('SIL_INVOICE_NOT_FOUND');
      }
      if (draft.status !== 'draft') {
        throw new SillageError('SIL_INVOICE_STATE_INVALID', { detail: `facture ${draft.number ?? ''} déjà émise` });
      }
      const order = await this.lockedBillableOrder(tx, draft.order_id);
      await lockPatientBilling(tx, order.patient_id);
      const { priced } = await this.price(tx, order, tariffs, payerOf(draft));
      const number = await allocateInvoiceNumber(tx, 'invoice');
      await repo.deleteDraftLines(tx, draft.id);
      await repo.insertInvoiceLines(tx, draft.id, priced.lines);
      await repo.issueDraft(tx, draft.id, this.newInvoiceOf(order, priced, number, null));
      await writeAuditEvent(tx, context, {
        action: 'invoice.issued',
        entityType: 'invoice',
        entityId: draft.id,
        patientId: order.patient_id,
        before: summaryForAudit(draft),
        after: { orderNumber: order.order_number, ...summaryForAudit({ ...priced, number }) },
      });
      return this.view(tx, draft.id);
    });
  }

  /** Cancels an issued invoice by a credit note (avoir) with the opposite amounts. */
  async creditNote(invoiceId: string, reason: string, context: AuditContext): Promise<InvoiceView> {
    return this.database.transaction(async (tx) => {
      const invoice = await repo.findInvoice(tx, invoiceId, true);
      if (invoice === undefined) {
        throw new SillageError('SIL_INVOICE_NOT_FOUND');
      }
      if (invoice.kind === 'credit_note' || invoice.status === 'draft') {
        throw new SillageError('SIL_INVOICE_STATE_INVALID', {
          detail: invoice.kind === 'credit_note' ? 'un avoir ne s’annule pas' : 'un brouillon n’a pas d’avoir',
        });
      }
      if (invoice.status === 'cancelled') {
        throw new SillageError('SIL_INVOICE_ALREADY_CREDITED', { detail: invoice.credit_note_number ?? '' });
      }
      const number = await allocateInvoiceNumber(tx, 'credit_note');
      const lines = await repo.listInvoiceLines(tx, invoice.id);
      const creditId = await repo.insertInvoice(tx, {
        kind: 'credit_note',
        number,
        orderId: invoice.order_id,
        patientId: invoice.patient_id,
        siteId: invoice.site_id,
        prescriberId: invoice.prescriber_id,
        creditedInvoiceId: invoice.id,
        creditReason: reason,
        status: 'issued',
        performedAt: invoice.performed_at.toISOString(),
        actsDate: invoice.acts_date,
        territory: invoice.territory,
        bValueMilliCents: invoice.b_value_millicents,
        totalCents: -invoice.total_cents,
        amoCents: -invoice.amo_cents,
        amcCents: -invoice.amc_cents,
        patientCents: -invoice.patient_cents,
        amcRefundToPatientCents: -invoice.amc_refund_to_patient_cents,
        participationCents: -invoice.participation_cents,
        participationCount: -invoice.participation_count,
        participationReason: invoice.participation_reason,
        coverage: invoice.coverage,
        notes: [`Avoir annulant la facture ${invoice.number ?? ''} : ${reason}`],
        createdBy: context.actor?.userId ?? null,
      });
      await repo.insertInvoiceLines(
        tx,
        creditId,
        lines.map((line) => ({
          ...line,
          amount_cents: -line.amount_cents,
          amo_cents: -line.amo_cents,
          amc_share_cents: -line.amc_share_cents,
          patient_cents: -line.patient_cents,
        }))
      );
      await repo.markCancelled(tx, invoice.id);
      await writeAuditEvent(tx, context, {
        action: 'invoice.credited',
        entityType: 'invoice',
        entityId: invoice.id,
        patientId: invoice.patient_id,
        before: summaryForAudit(invoice),
        after: { status: 'cancelled', creditNote: number },
        reason,
      });
      await writeAuditEvent(tx, context, {
        action: 'credit_note.issued',
        entityType: 'invoice',
        entityId: creditId,
        patientId: invoice.patient_id,
        after: { number, credits: invoice.number, totalCents: -invoice.total_cents },
        reason,
      });
      return this.view(tx, creditId);
    });
  }

  /** The lab's certified software transmitted the FSE (optionally in lot `batch`). */
  async markFseSent(invoiceId: string, batch: string | null, context: AuditContext): Promise<InvoiceView> {
    return this.database.transaction(async (tx) => {
      const invoice = await repo.findInvoice(tx, invoiceId, true);
      if (invoice === undefined) {
        throw new SillageError('SIL_INVOICE_NOT_FOUND');
      }
      if (invoice.kind !== 'invoice' || invoice.number === null || invoice.status === 'cancelled') {
        throw new SillageError('SIL_INVOICE_STATE_INVALID', {
          detail: 'seule une facture émise et non annulée est transmise',
        });
      }
      refuseFseWithoutAmo(invoice);
      const sentAt = new Date();
      const status = await applySettlement(tx, invoice, { fseSentAt: sentAt, fseBatch: batch });
      await writeAuditEvent(tx, context, {
        action: 'invoice.fse_sent',
        entityType: 'invoice',
        entityId: invoice.id,
        patientId: invoice.patient_id,
        before: { status: invoice.status, fseSentAt: isoOf(invoice.fse_sent_at) },
        after: { status, fseSentAt: sentAt.toISOString(), batch },
      });
      return this.view(tx, invoice.id);
    });
  }

  async view(db: Queryable, id: string): Promise<InvoiceView> {
    const row = await repo.findInvoice(db, id);
    if (row === undefined) {
      throw new SillageError('SIL_INVOICE_NOT_FOUND');
    }
    const lines = await repo.listInvoiceLines(db, id);
    const payments = await cashRepo.listInvoicePayments(db, [id]);
    return {
      ...toInvoiceSummary(row),
      lines: lines.map((line) => ({
        position: line.position,
        code: line.code,
        label: line.label,
        kind: line.kind,
        keyLetter: line.key_letter,
        coefficient:
          line.coefficient_hundredths === null ? null : coefficientFromHundredths(line.coefficient_hundredths),
        amountCents: line.amount_cents,
        billed: line.billed,
        reason: line.reason,
        amoRatePercent: line.amo_rate_percent,
        amoCents: line.amo_cents,
        amcShareCents: line.amc_share_cents,
        patientCents: line.patient_cents,
      })),
      coverage: row.coverage,
      notes: row.notes,
      payments: payments.map(toPaymentView),
    };
  }

  private async recordRead(
    context: AuditContext,
    action: string,
    row: { id: string; patient_id: string }
  ): Promise<void> {
    await this.accessEvents.record(context, {
      action,
      entityType: 'invoice',
      entityId: row.id,
      patientId: row.patient_id,
    });
  }

  async read(id: string, context: AuditContext): Promise<InvoiceView> {
    const view = await this.view(this.database, id);
    await this.recordRead(context, 'invoice.read', { id, patient_id: view.patientId });
    return view;
  }

  async list(filter: repo.InvoiceListFilter, context: AuditContext): Promise<InvoiceListItem[]> {
    const rows = await repo.listInvoices(this.database, filter);
    // One access event per patient whose invoices were listed (secret médical: who saw whose bills).
    const patients = [...new Set(rows.map((row) => row.patient_id))];
    await Promise.all(
      patients.map((patientId) =>
        this.accessEvents.record(context, {
          action: 'invoice.listed',
          entityType: 'invoice',
          patientId,
          after: { filter: { ...filter } },
        })
      )
    );
    return rows.map((row) => ({
      ...toInvoiceSummary(row),
      patient: { birthName: row.birth_name, usedName: row.used_name, firstName: row.first_first_name },
    }));
  }

  /** Everything the documents and the FSE export show about an invoice. */
  private async documentData(
    id: string
  ): Promise<{ data: InvoiceDocumentData; row: repo.InvoiceRow; context: repo.DocumentContextRow }> {
    const row = await repo.findInvoice(this.database, id);
    if (row === undefined) {
      throw new SillageError('SIL_INVOICE_NOT_FOUND');
    }
    const context = await repo.findDocumentContext(this.database, row.patient_id, row.site_id, row.order_id);
    if (context === undefined) {
      throw new SillageError('SIL_PATIENT_NOT_FOUND');
    }
    const lines = await repo.listInvoiceLines(this.database, id);
    const payments = await cashRepo.listInvoicePayments(this.database, [id]);
    const amo = (row.coverage.amo ?? {}) as Record<string, string | undefined>;
    const amc = row.coverage.amc as { organisme?: string; tiersPayant?: boolean } | null | undefined;
    const data: InvoiceDocumentData = {
      lab: {
        name: context.lab_name,
        address: context.lab_address,
        finess: context.lab_finess,
        site: {
          code: context.site_code,
          name: context.site_name,
          address: context.site_address,
          finess: context.site_finess,
        },
      },
      kind: row.kind,
      number: row.number,
      creditedNumber: row.credited_invoice_number,
      creditNoteNumber: row.credit_note_number,
      creditReason: row.credit_reason,
      issuedAt: row.issued_at,
      actsDate: row.acts_date,
      performedAt: row.performed_at,
      orderNumber: row.order_number,
      patient: {
        name: `${context.used_name ?? context.birth_name} ${context.first_first_name}${context.used_name !== null && context.used_name !== context.birth_name ? ` (né(e) ${context.birth_name})` : ''}`,
        birthDate: context.birth_date,
        patientNumber: context.patient_number,
        address: context.address,
      },
      insured:
        amo.insuredNir === undefined
          ? null
          : {
              nir: amo.insuredNir,
              rank: amo.beneficiaryRank ?? '',
              regime: amo.regimeCode ?? '',
              caisse: amo.caisse ?? '',
              centre: amo.centre ?? '',
            },
      amc:
        amc === null || amc === undefined
          ? null
          : { organisme: amc.organisme ?? '', tiersPayant: amc.tiersPayant === true },
      prescriber:
        context.prescriber_last_name === null
          ? null
          : {
              name: `Dr ${context.prescriber_last_name}${context.prescriber_first_name === null ? '' : ` ${context.prescriber_first_name}`}`,
              rpps: context.prescriber_rpps,
            },
      prescriptionDate: context.prescription_date,
      lines,
      totalCents: row.total_cents,
      amoCents: row.amo_cents,
      amcCents: row.amc_cents,
      patientCents: row.patient_cents,
      amcRefundToPatientCents: row.amc_refund_to_patient_cents,
      participation: {
        cents: row.participation_cents,
        count: row.participation_count,
        reason: row.participation_reason,
      },
      patientChargedCents: row.patient_charged_cents,
      patientPaidCents: row.patient_paid_cents,
      patientRemainingCents: patientRemainingCents(row),
      payments,
      notes: row.notes,
    };
    return { data, row, context };
  }

  async pdf(
    id: string,
    kind: 'invoice' | 'receipt',
    context: AuditContext
  ): Promise<{ pdf: Buffer; filename: string }> {
    const { data, row } = await this.documentData(id);
    const pdf = await renderPdf(kind === 'invoice' ? invoiceDocument(data) : receiptDocument(data));
    await this.recordRead(context, kind === 'invoice' ? 'invoice.pdf' : 'invoice.receipt_pdf', row);
    const number = row.number ?? `brouillon-${row.order_number}`;
    return {
      pdf,
      filename: `${kind === 'invoice' ? (row.kind === 'credit_note' ? 'avoir' : 'facture') : 'recu'}-${number}.pdf`,
    };
  }

  async fseExport(id: string, context: AuditContext): Promise<object> {
    const { row, context: doc, data } = await this.documentData(id);
    if (row.number === null) {
      throw new SillageError('SIL_INVOICE_STATE_INVALID', {
        detail: 'un brouillon n’a pas de FSE : émettez la facture',
      });
    }
    refuseFseWithoutAmo(row);
    const amo = row.coverage.amo as Record<string, string | boolean | null>;
    const amc = row.coverage.amc as Record<string, string | number | boolean | null> | null;
    const sameDay = await repo.listSameDayBillings(this.database, row.patient_id, row.acts_date, row.order_id);
    const earlierSameDayCount = new Map<string, number>();
    for (const earlier of sameDay) {
      if (
        earlier.performed_at < row.performed_at ||
        (earlier.performed_at.getTime() === row.performed_at.getTime() && earlier.number < row.number)
      ) {
        for (const code of earlier.codes) {
          earlierSameDayCount.set(code, (earlierSameDayCount.get(code) ?? 0) + 1);
        }
      }
    }
    const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
    const exported = buildFseExport({
      generatedAt: new Date(),
      invoice: {
        number: row.number,
        kind: row.kind,
        creditedNumber: row.credited_invoice_number,
        status: row.status,
        actsDate: row.acts_date,
        performedAt: row.performed_at,
        orderNumber: row.order_number,
        territory: row.territory,
        bValueMilliCents: row.b_value_millicents,
        totalCents: row.total_cents,
        amoCents: row.amo_cents,
        amcCents: row.amc_cents,
        patientCents: row.patient_cents,
        participation: data.participation,
      },
      lab: {
        name: doc.lab_name,
        finess: doc.lab_finess,
        site: { code: doc.site_code, name: doc.site_name, finess: doc.site_finess },
      },
      patient: {
        birthName: doc.birth_name,
        usedName: doc.used_name,
        firstName: doc.first_first_name,
        birthDate: doc.birth_date,
        sex: doc.sex,
        ins: doc.ins_number,
      },
      coverage: {
        regime: text(amo.regimeCode) ?? '',
        caisse: text(amo.caisse) ?? '',
        centre: text(amo.centre) ?? '',
        insuredNir: text(amo.insuredNir) ?? '',
        beneficiaryRank: text(amo.beneficiaryRank) ?? '',
        validFrom: text(amo.validFrom),
        validTo: text(amo.validTo),
        exoneration: text(amo.exoneration),
        exonerationApplied: text(row.coverage.exonerationApplied),
        exonerationValidFrom: text(amo.exonerationValidFrom),
        exonerationValidTo: text(amo.exonerationValidTo),
        alsaceMoselle: amo.alsaceMoselle === true,
        amc:
          amc === null
            ? null
            : {
                organisme: text(amc.organisme) ?? '',
                memberNumber: text(amc.memberNumber),
                contract: text(amc.contract),
                validFrom: text(amc.validFrom),
                validTo: text(amc.validTo),
                ratePercentOfTm: typeof amc.ratePercentOfTm === 'number' ? amc.ratePercentOfTm : 0,
                tiersPayant: amc.tiersPayant === true,
              },
      },
      prescriber:
        doc.prescriber_last_name === null
          ? null
          : { lastName: doc.prescriber_last_name, firstName: doc.prescriber_first_name, rpps: doc.prescriber_rpps },
      prescriptionDate: doc.prescription_date,
      lines: data.lines,
      earlierSameDayCount,
    });
    await this.recordRead(context, 'invoice.fse_exported', row);
    return exported;
  }
}
