/** API contract of invoices and credit notes (issue 5 item 5). Amounts are integer cents. */
import { invoiceKinds, invoiceStatuses, paymentMethods, territories } from '@sillage/core';
import { z } from 'zod';

export const orderIdParamsSchema = z.strictObject({ orderId: z.uuid() });
export const invoiceIdParamsSchema = z.strictObject({ id: z.uuid() });

export const invoiceCreateSchema = z.strictObject({
  /** A draft is priced and stored without a number; `POST /api/invoices/:id/issue` numbers it. */
  draft: z.boolean().default(false),
  /**
   * `coverage` (default): AMO in tiers payant, AMC when agreed, from the patient's coverage.
   * `patient`: no AMO coverage to bill (not insured, rights not open, tiers payant refused): the
   * patient pays every act, no participation forfaitaire, no FSE.
   */
  payer: z.enum(['coverage', 'patient']).default('coverage'),
});

export const creditNoteCreateSchema = z.strictObject({
  /** Why the invoice is cancelled (mandatory, kept on the credit note and in the audit trail). */
  reason: z.string().trim().min(3).max(500),
});

export const fseSentSchema = z.strictObject({
  /** Lot (batch) number given by the certified software, if any. */
  batch: z.string().trim().min(1).max(40).nullable().default(null),
});

export const invoiceListQuerySchema = z.strictObject({
  orderId: z.uuid().optional(),
  patientId: z.uuid().optional(),
  /** Paris day of the acts. */
  date: z.iso.date().optional(),
  status: z.enum(invoiceStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const invoiceLineSchema = z.object({
  position: z.number().int(),
  code: z.string(),
  label: z.string(),
  kind: z.string(),
  keyLetter: z.string().nullable(),
  /** B coefficient (26 for B 26); null for an off-nomenclature act. */
  coefficient: z.number().nullable(),
  amountCents: z.number().int(),
  billed: z.boolean(),
  reason: z.string(),
  amoRatePercent: z.number().int().nullable(),
  amoCents: z.number().int(),
  amcShareCents: z.number().int(),
  patientCents: z.number().int(),
});

export const paymentViewSchema = z.object({
  id: z.string(),
  direction: z.enum(['payment', 'refund']),
  method: z.enum(paymentMethods),
  amountCents: z.number().int(),
  deskCode: z.string(),
  cashDay: z.string(),
  reference: z.string().nullable(),
  reason: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type PaymentView = z.infer<typeof paymentViewSchema>;

export const invoiceViewSchema = z.object({
  id: z.string(),
  kind: z.enum(invoiceKinds),
  /** `null` for a draft. F2026-000123 (invoice), A2026-000001 (credit note). */
  number: z.string().nullable(),
  status: z.enum(invoiceStatuses),
  orderId: z.string(),
  orderNumber: z.string(),
  patientId: z.string(),
  siteId: z.string().nullable(),
  creditedInvoice: z.object({ id: z.string(), number: z.string().nullable() }).nullable(),
  creditNote: z.object({ id: z.string(), number: z.string().nullable() }).nullable(),
  creditReason: z.string().nullable(),
  performedAt: z.string(),
  actsDate: z.string(),
  territory: z.enum(territories),
  bValueMilliCents: z.number().int().nullable(),
  lines: z.array(invoiceLineSchema),
  totalCents: z.number().int(),
  amoCents: z.number().int(),
  amcCents: z.number().int(),
  patientCents: z.number().int(),
  amcRefundToPatientCents: z.number().int(),
  participationForfaitaire: z.object({
    cents: z.number().int(),
    count: z.number().int(),
    reason: z.string().nullable(),
    /** Always false: tracked on the invoice, deducted later by the AMO (tiers payant), never collected. */
    collectedAtDesk: z.literal(false),
  }),
  /** Billed to the patient after rejected reimbursements. */
  patientChargedCents: z.number().int(),
  patientPaidCents: z.number().int(),
  /** What the patient still owes at the desk. */
  patientRemainingCents: z.number().int(),
  amoPaidCents: z.number().int(),
  amcPaidCents: z.number().int(),
  coverage: z.record(z.string(), z.unknown()),
  notes: z.array(z.string()),
  payments: z.array(paymentViewSchema),
  fseSentAt: z.string().nullable(),
  issuedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type InvoiceView = z.infer<typeof invoiceViewSchema>;

export const invoiceSummarySchema = invoiceViewSchema.omit({
  lines: true,
  payments: true,
  coverage: true,
  notes: true,
});
export type InvoiceSummary = z.infer<typeof invoiceSummarySchema>;

/** A row of the invoices list: the summary and whose invoice it is (the list is logged per patient). */
export const invoiceListItemSchema = invoiceSummarySchema.extend({
  patient: z.object({ birthName: z.string(), usedName: z.string().nullable(), firstName: z.string() }),
});
export type InvoiceListItem = z.infer<typeof invoiceListItemSchema>;
