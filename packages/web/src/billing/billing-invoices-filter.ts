/**
 * Filters of the invoices list, kept in the URL (`/factures?statut=…&date=…&patientId=…`) and
 * passed to the API, which filters by day, patient and status.
 */
import { invoiceStatuses } from '@sillage/core';
import type { InvoiceStatus, InvoiceSummary } from './billing-types.js';

export interface InvoiceFilters {
  status: InvoiceStatus | null;
  /** Paris day of the acts, YYYY-MM-DD; null: no day filter. */
  date: string | null;
  patientId: string | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readInvoiceFilters(search: URLSearchParams): InvoiceFilters {
  const status = search.get('statut');
  const date = search.get('date');
  const patientId = search.get('patientId');
  return {
    status: invoiceStatuses.find((candidate) => candidate === status) ?? null,
    date: date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
    patientId: patientId !== null && uuidPattern.test(patientId) ? patientId : null,
  };
}

export function invoiceFiltersSearch(filters: InvoiceFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== null) {
    params.set('statut', filters.status);
  }
  if (filters.date !== null) {
    params.set('date', filters.date);
  }
  if (filters.patientId !== null) {
    params.set('patientId', filters.patientId);
  }
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

export interface InvoiceTotals {
  totalCents: number;
  patientCents: number;
  patientPaidCents: number;
  /** What patients still owe at the desk, over the listed invoices. */
  patientRemainingCents: number;
}

/** Sums of the listed documents; a credit note's negative amounts cancel its invoice's. */
export function invoiceTotals(items: readonly InvoiceSummary[]): InvoiceTotals {
  return items.reduce<InvoiceTotals>(
    (sum, item) => ({
      totalCents: sum.totalCents + item.totalCents,
      patientCents: sum.patientCents + item.patientCents + item.patientChargedCents,
      patientPaidCents: sum.patientPaidCents + item.patientPaidCents,
      patientRemainingCents: sum.patientRemainingCents + item.patientRemainingCents,
    }),
    { totalCents: 0, patientCents: 0, patientPaidCents: 0, patientRemainingCents: 0 }
  );
}
