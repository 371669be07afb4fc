import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../api/types.js';
import type { OrderView } from '../api/workflow-types.js';
import { CurrentUserContext } from '../auth/current-user-context.js';
import { i18n } from '../i18n/i18n.js';
import { activeInvoiceOf, BillingInvoiceCard } from './billing-invoice-card.js';
import type { InvoiceSummary, InvoiceView } from './billing-types.js';

const order = { id: 'order-1', orderNumber: '2611220001', patient: { id: 'patient-1' } } as OrderView;

function summary(overrides: Partial<InvoiceSummary>): InvoiceSummary {
  return {
    id: 'inv-1',
    kind: 'invoice',
    number: 'F2026-000001',
    status: 'issued',
    orderId: order.id,
    orderNumber: order.orderNumber,
    patientId: 'patient-1',
    siteId: null,
    creditedInvoice: null,
    creditNote: null,
    creditReason: null,
    performedAt: '2026-11-22T08:00:00.000Z',
    actsDate: '2026-11-22',
    territory: 'metropole',
    bValueMilliCents: 25000,
    totalCents: 1450,
    amoCents: 870,
    amcCents: 0,
    patientCents: 580,
    amcRefundToPatientCents: 0,
    participationForfaitaire: { cents: 400, count: 2, reason: null, collectedAtDesk: false },
    patientChargedCents: 0,
    patientPaidCents: 0,
    patientRemainingCents: 580,
    amoPaidCents: 0,
    amcPaidCents: 0,
    fseSentAt: null,
    issuedAt: '2026-11-22T08:00:00.000Z',
    createdAt: '2026-11-22T08:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

const cancelled = summary({ id: 'inv-old', number: 'F2026-000001', status: 'cancelled' });
const creditNote = summary({ id: 'cn-1', kind: 'credit_note', number: 'A2026-000001', totalCents: -1450 });
const active = summary({ id: 'inv-2', number: 'F2026-000002' });
const activeView: InvoiceView = {
  ...active,
  lines: [
    {
      position: 1,
      code: '1104',
      label: 'HEMOGRAMME',
      kind: 'act',
      keyLetter: 'B',
      coefficient: 25,
      amountCents: 625,
      billed: true,
      reason: 'Acte NABM 1104 facturé.',
      amoRatePercent: 60,
      amoCents: 375,
      amcShareCents: 0,
      patientCents: 250,
    },
  ],
  payments: [],
  coverage: {},
  notes: [],
};

function mockApi() {
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://local');
      const body = url.pathname === '/api/invoices' ? { items: [cancelled, creditNote, active] } : activeView;
      return Promise.resolve(
        new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
      );
    })
  );
}

function renderCard(permissions: string[]) {
  const me: Me = {
    id: 'u1',
    username: 'desk',
    displayName: 'Desk',
    roles: ['secretaire'],
    siteIds: [],
    permissions,
    locale: 'fr',
    totpEnabled: false,
    mustChangePassword: false,
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <CurrentUserContext.Provider value={me}>
            <BillingInvoiceCard order={order} />
          </CurrentUserContext.Provider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('activeInvoiceOf', () => {
  it('takes the invoice not cancelled, never a credit note', () => {
    expect(activeInvoiceOf([cancelled, creditNote, active])).toBe(active);
    expect(activeInvoiceOf([cancelled, creditNote])).toBeUndefined();
  });
});

describe('BillingInvoiceCard', () => {
  it('shows the active invoice, its lines and the history, and the payment form to the cash desk', async () => {
    mockApi();
    renderCard(['billing.invoice', 'billing.cash']);
    const detail = await screen.findByTestId('invoice-detail');
    expect(detail.getAttribute('data-invoice-number')).toBe('F2026-000002');
    expect(screen.getByTestId('invoice-line').getAttribute('data-code')).toBe('1104');
    expect(screen.getAllByTestId('invoice-history-row').map((row) => row.getAttribute('data-kind'))).toEqual([
      'invoice',
      'credit_note',
    ]);
    expect(screen.getByTestId('payment-form')).toBeTruthy();
    expect(screen.getByTestId('invoice-fse-notice').textContent).toContain('pas un module agréé SESAM-Vitale');
  });

  it('hides payments from a user without the cash permission', async () => {
    mockApi();
    renderCard(['billing.invoice']);
    await screen.findByTestId('invoice-detail');
    expect(screen.queryByTestId('payment-form')).toBeNull();
    expect(screen.queryByText('Rembourser le patient')).toBeNull();
  });
});
