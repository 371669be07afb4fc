/**
 * Invoice and credit-note numbers: a letter, the calendar year of issue and a six-digit sequence
 * that restarts each year — `F2026-000123` (facture), `A2026-000004` (avoir). French invoicing
 * rules require a "numéro unique basé sur une séquence chronologique et continue" (CGI annexe II
 * art. 242 nonies A, 7°): the server takes the sequence from a gap-free counter row in the
 * invoice's own transaction, so a rollback gives the number back.
 */

export const invoiceKinds = ['invoice', 'credit_note'] as const;
export type InvoiceKind = (typeof invoiceKinds)[number];

/** F = facture, A = avoir (credit note). */
export const invoiceNumberLetter: Readonly<Record<InvoiceKind, 'F' | 'A'>> = { invoice: 'F', credit_note: 'A' };

const INVOICE_NUMBER = /^([FA])(\d{4})-(\d{6,})$/;

/** Name of the counter row of a kind and year (`invoice:2026`, `credit_note:2026`). */
export function invoiceCounterName(kind: InvoiceKind, year: number): string {
  return `${kind}:${String(year).padStart(4, '0')}`;
}

export function formatInvoiceNumber(kind: InvoiceKind, year: number, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || !Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`invoice number out of range: ${kind} ${year} ${sequence}`);
  }
  return `${invoiceNumberLetter[kind]}${year}-${String(sequence).padStart(6, '0')}`;
}

export function parseInvoiceNumber(text: string): { kind: InvoiceKind; year: number; sequence: number } | null {
  const match = INVOICE_NUMBER.exec(text.trim());
  if (match === null) {
    return null;
  }
  const sequence = Number(match[3]);
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    return null;
  }
  return { kind: match[1] === 'F' ? 'invoice' : 'credit_note', year: Number(match[2]), sequence };
}
