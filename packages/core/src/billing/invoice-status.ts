/**
 * Status of an invoice, derived from what happened to it (never edited by hand, like an order's
 * status — DESIGN.md): a draft has no number yet; a credit note cancels it; otherwise it is paid
 * when the patient's part is collected and the insurers' parts are settled (paid, or a rejection
 * resolved by billing the patient or writing it off), partially paid when some money came in,
 * sent once the FSE was transmitted by the lab's certified software, issued before that.
 */

export const invoiceStatuses = ['draft', 'issued', 'sent', 'paid', 'partially_paid', 'cancelled'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export interface InvoiceSettlement {
  readonly numbered: boolean;
  readonly cancelled: boolean;
  readonly sentToInsurer: boolean;
  /** Patient share plus amounts billed to the patient after a rejection. */
  readonly patientDueCents: number;
  /** Net of refunds. */
  readonly patientPaidCents: number;
  /** AMO + AMC parts the lab expects in tiers payant. */
  readonly insurerDueCents: number;
  /** Received from the insurers. */
  readonly insurerPaidCents: number;
  /** Rejected amounts no longer expected from the insurers (billed to the patient, written off). */
  readonly insurerClosedCents: number;
}

export function deriveInvoiceStatus(settlement: InvoiceSettlement): InvoiceStatus {
  if (settlement.cancelled) {
    return 'cancelled';
  }
  if (!settlement.numbered) {
    return 'draft';
  }
  const patientSettled = settlement.patientPaidCents >= settlement.patientDueCents;
  const insurerSettled = settlement.insurerPaidCents + settlement.insurerClosedCents >= settlement.insurerDueCents;
  if (patientSettled && insurerSettled) {
    return 'paid';
  }
  if (settlement.patientPaidCents > 0 || settlement.insurerPaidCents > 0) {
    return 'partially_paid';
  }
  return settlement.sentToInsurer ? 'sent' : 'issued';
}
