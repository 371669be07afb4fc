import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n.js';
import { PaymentRefundForm } from './billing-payment-refund-form.js';
import type { InvoiceView } from './billing-types.js';

const invoice = { id: '6f1c7a52-3b7e-4d61-9a51-2f0c0e1d2b3a', patientPaidCents: 580, version: 3 } as InvoiceView;

function renderForm(onDone: () => void) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <PaymentRefundForm invoice={invoice} deskCode="CAISSE2" onDone={onDone} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PaymentRefundForm', () => {
  it('asks for the amount and the reason before calling the server', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderForm(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le remboursement' }));
    expect(screen.getByText('Saisissez un montant.')).toBeTruthy();
    expect(screen.getByText('Indiquez le motif (3 caractères au moins).')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the refund in cents with its reason, then closes', async () => {
    const fetchMock = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
      Promise.resolve(
        new Response(
          JSON.stringify({
            payment: { amountCents: 150 },
            invoiceStatus: 'partially_paid',
            patientPaidCents: 430,
            patientRemainingCents: 150,
          }),
          { status: 201, headers: { 'Content-Type': 'application/json' } }
        )
      )
    );
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    renderForm(onDone);
    fireEvent.change(screen.getByLabelText('Montant remboursé (€)'), { target: { value: '1,5' } });
    fireEvent.change(screen.getByLabelText('Motif du remboursement'), { target: { value: 'Trop-perçu' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le remboursement' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toBe(`/api/invoices/${invoice.id}/refunds`);
    expect(JSON.parse(String(init?.body))).toEqual({
      deskCode: 'CAISSE2',
      method: 'cash',
      amountCents: 150,
      reference: null,
      reason: 'Trop-perçu',
    });
  });
});
