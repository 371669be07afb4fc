import { describe, expect, it } from 'vitest';
import { invoiceFiltersSearch, invoiceTotals, readInvoiceFilters } from './billing-invoices-filter.js';
import type { InvoiceSummary } from './billing-types.js';

function summary(overrides: Partial<InvoiceSummary>): InvoiceSummary {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'invoice',
    number: 'F2026-000001',
    status: 'issued',
    orderId: 'o',
    orderNumber: 'D2611220001',
    patientId: 'p',
    siteId: null,
    creditedInvoice: null,
    creditNote: null,
    creditReason: null,
    performedAt: '2026-11-22T08:00:00.000Z',
    actsDate: '2026-11-22',
    territory: 'metropole',
    bValueMilliCents: 25000,
    totalCents: 0,
    amoCents: 0,
    amcCents: 0,
    patientCents: 0,
    amcRefundToPatientCents: 0,
    participationForfaitaire: { cents: 0, count: 0, reason: null, collectedAtDesk: false },
    patientChargedCents: 0,
    patientPaidCents: 0,
    patientRemainingCents: 0,
    amoPaidCents: 0,
    amcPaidCents: 0,
    fseSentAt: null,
    issuedAt: null,
    createdAt: '2026-11-22T08:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

describe('invoice list filters in the URL', () => {
  it('reads known values and drops the rest', () => {
    const id = '0b5e2c0a-8a8e-4f5e-9d7c-1f2e3d4c5b6a';
    expect(readInvoiceFilters(new URLSearchParams(`statut=paid&date=2026-11-22&patientId=${id}`))).toEqual({
      status: 'paid',
      date: '2026-11-22',
      patientId: id,
    });
    expect(readInvoiceFilters(new URLSearchParams('statut=lost&date=22/11/2026&patientId=42'))).toEqual({
      status: null,
      date: null,
      patientId: null,
    });
  });

  it('writes them back, empty when nothing is filtered', () => {
    expect(invoiceFiltersSearch({ status: null, date: null, patientId: null })).toBe('');
    expect(invoiceFiltersSearch({ status: 'partially_paid', date: '2026-11-22', patientId: null })).toBe(
      '?statut=partially_paid&date=2026-11-22'
    );
  });
});

describe('status filter and totals', () => {
  const invoice = summary({
    totalCents: 5675,
    patientCents: 2270,
    patientPaidCents: 1000,
    patientRemainingCents: 1270,
  });
  const paid = summary({ id: 'b', status: 'paid', totalCents: 1000, patientCents: 400, patientPaidCents: 400 });
  const cancelled = summary({ id: 'c', status: 'cancelled', totalCents: 2000, patientCents: 800 });
  const creditNote = summary({ id: 'd', kind: 'credit_note', status: 'issued', totalCents: -2000, patientCents: -800 });
  const disputed = summary({
    id: 'e',
    status: 'partially_paid',
    totalCents: 3000,
    patientCents: 0,
    patientChargedCents: 1800,
    patientRemainingCents: 1800,
  });

  it('sums amounts, a credit note cancelling its invoice, and adds what was billed to the patient after a rejection', () => {
    expect(invoiceTotals([invoice, paid, cancelled, creditNote, disputed])).toEqual({
      totalCents: 5675 + 1000 + 2000 - 2000 + 3000,
      patientCents: 2270 + 400 + 800 - 800 + 1800,
      patientPaidCents: 1400,
      patientRemainingCents: 1270 + 1800,
    });
  });
});
