/**
 * Types of the billing API (issue 5: invoices, payments, cash desk) as the server answers them;
 * keep in step with `packages/server/src/modules/billing/{invoices,cash}.schemas.ts`.
 * Money is integer cents (DESIGN.md § Conventions).
 */
import type { InvoiceKind, InvoiceStatus, PaymentMethod, Territory } from '@sillage/core';

export type { InvoiceKind, InvoiceStatus, PaymentMethod };

export interface InvoiceLine {
  position: number;
  code: string;
  label: string;
  kind: string;
  keyLetter: string | null;
  /** B coefficient (26 for B 26); null for an off-nomenclature act. */
  coefficient: number | null;
  amountCents: number;
  billed: boolean;
  /** Why the line is billed or not (cotation engine's explanation). */
  reason: string;
  amoRatePercent: number | null;
  amoCents: number;
  amcShareCents: number;
  patientCents: number;
}

export interface PaymentView {
  id: string;
  direction: 'payment' | 'refund';
  method: PaymentMethod;
  amountCents: number;
  deskCode: string;
  cashDay: string;
  reference: string | null;
  reason: string | null;
  recordedAt: string;
  recordedBy: string | null;
}

export interface InvoiceRef {
  id: string;
  number: string | null;
}

export interface InvoiceSummary {
  id: string;
  kind: InvoiceKind;
  /** `null` for a draft. */
  number: string | null;
  status: InvoiceStatus;
  orderId: string;
  orderNumber: string;
  patientId: string;
  siteId: string | null;
  creditedInvoice: InvoiceRef | null;
  creditNote: InvoiceRef | null;
  creditReason: string | null;
  performedAt: string;
  actsDate: string;
  territory: Territory;
  bValueMilliCents: number | null;
  totalCents: number;
  amoCents: number;
  amcCents: number;
  patientCents: number;
  amcRefundToPatientCents: number;
  participationForfaitaire: {
    cents: number;
    count: number;
    reason: string | null;
    /** Always false: deducted later by the AMO under tiers payant, never collected at the desk. */
    collectedAtDesk: false;
  };
  patientChargedCents: number;
  patientPaidCents: number;
  patientRemainingCents: number;
  amoPaidCents: number;
  amcPaidCents: number;
  fseSentAt: string | null;
  issuedAt: string | null;
  createdAt: string;
  version: number;
}

export interface InvoiceView extends InvoiceSummary {
  lines: InvoiceLine[];
  payments: PaymentView[];
  coverage: Record<string, unknown>;
  notes: string[];
}

export interface InvoiceListQuery {
  orderId?: string;
  patientId?: string;
  /** Paris day of the acts (YYYY-MM-DD). */
  date?: string;
  status?: InvoiceStatus;
  limit?: number;
}

/** A row of `GET /api/invoices`: the summary and whose invoice it is. */
export interface InvoiceListItem extends InvoiceSummary {
  patient: { birthName: string; usedName: string | null; firstName: string };
}

export interface PaymentInput {
  deskCode: string;
  method: PaymentMethod;
  amountCents: number;
  reference: string | null;
}

export interface RefundInput extends PaymentInput {
  reason: string;
}

export interface PaymentAnswer {
  payment: PaymentView;
  invoiceStatus: string;
  patientPaidCents: number;
  patientRemainingCents: number;
}

export interface ClosingLine {
  method: PaymentMethod;
  receivedCents: number;
  refundedCents: number;
  movementCount: number;
  expectedCents: number;
  countedCents: number;
  differenceCents: number;
}

export interface ClosingFigures {
  lines: ClosingLine[];
  cashFloatCents: number;
  expectedTotalCents: number;
  countedTotalCents: number;
  differenceTotalCents: number;
  movementCount: number;
}

export interface ClosingView {
  id: string;
  siteId: string;
  siteCode: string;
  deskCode: string;
  date: string;
  figures: ClosingFigures;
  comment: string | null;
  closedAt: string;
  closedBy: string | null;
  sha256: string;
}

export interface DeskMovement extends PaymentView {
  invoiceId: string;
  invoiceNumber: string | null;
}

export interface DeskDay {
  siteId: string;
  deskCode: string;
  date: string;
  closed: boolean;
  closingId: string | null;
  /** What the drawer should hold per method (counted = 0 until the closing). */
  expected: ClosingFigures;
  movements: DeskMovement[];
}

export interface ClosingInput {
  deskCode: string;
  date?: string;
  counted: Record<PaymentMethod, number>;
  cashFloatCents: number;
  comment: string | null;
}
