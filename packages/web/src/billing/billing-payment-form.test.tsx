import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n.js';
import { PaymentForm } from './billing-payment-form.js';
import type { InvoiceView } from './billing-types.js';

const invoice = {
  id: '6f1c7a52-3b7e-4d61-9a51-2f0c0e1d2b3a',
  number: 'F2026-000042',
  status: 'issued',
  patientRemainingCents: 580,
  version: 1,
} as InvoiceView;

function mockServer(answer: (body: unknown) => Response) {
  const fetchMock = vi.fn((_input: RequestInfo | URL, init?: RequestInit) =>
    Promise.resolve(answer(JSON.parse(String(init?.body ?? 'null'))))
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderForm() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <PaymentForm invoice={invoice} deskCode="ACCUEIL" />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PaymentForm', () => {
  it('prefills what is due and sends the typed amount in cents with the method and desk', async () => {
    const fetchMock = mockServer(
      () =>
        new Response(
          JSON.stringify({
            payment: { amountCents: 1250 },
            invoiceStatus: 'partially_paid',
            patientPaidCents: 1250,
            patientRemainingCents: 0,
          }),
          { status: 201, headers: { 'Content-Type': 'application/json' } }
        )
    );
    renderForm();
    const amount = screen.getByLabelText('Montant (€)');
    expect((amount as HTMLInputElement).value).toBe('5,80');
    fireEvent.click(screen.getByLabelText('Espèces'));
    fireEvent.change(amount, { target: { value: '2,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Encaisser' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toBe(`/api/invoices/${invoice.id}/payments`);
    expect(JSON.parse(String(init?.body))).toEqual({
      deskCode: 'ACCUEIL',
      method: 'cash',
      amountCents: 250,
      reference: null,
    });
  });

  it('refuses an unreadable amount without calling the server', () => {
    const fetchMock = mockServer(() => new Response(null, { status: 500 }));
    renderForm();
    fireEvent.change(screen.getByLabelText('Montant (€)'), { target: { value: '12,505' } });
    fireEvent.click(screen.getByRole('button', { name: 'Encaisser' }));
    expect(screen.getByText('Deux chiffres au plus après la virgule.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the server’s French refusal of an amount above what is due', async () => {
    mockServer(
      () =>
        new Response(
          JSON.stringify({
            code: 'SIL_PAYMENT_EXCEEDS_DUE',
            title: 'Paiement supérieur au reste dû par le patient : rien n’a été enregistré.',
            status: 422,
            detail: '6,80 € proposés, 5,80 € restant dus sur la facture F2026-000042',
          }),
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } }
        )
    );
    renderForm();
    fireEvent.change(screen.getByLabelText('Montant (€)'), { target: { value: '6,80' } });
    fireEvent.click(screen.getByRole('button', { name: 'Encaisser' }));
    const alert = await screen.findByTestId('api-error');
    expect(alert.getAttribute('data-code')).toBe('SIL_PAYMENT_EXCEEDS_DUE');
    expect(alert.textContent).toContain('Paiement supérieur au reste dû');
    expect(alert.textContent).toContain('5,80 € restant dus');
  });
});
