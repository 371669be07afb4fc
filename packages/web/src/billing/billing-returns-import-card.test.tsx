import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n.js';
import { BillingReturnsImportCard } from './billing-returns-import-card.js';

function stubFetch(status: number, body: unknown) {
  const fetchMock = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' },
      })
    )
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderCard() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <BillingReturnsImportCard />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

const csv =
  'invoiceNumber;paidCents;rejectionCode;rejectionReason;paymentDate;payer\nF2000-999999;870;;;2026-03-10;AMO\n';

function choose(file: File) {
  fireEvent.change(screen.getByLabelText('Fichier de retours (CSV ou JSON)'), { target: { files: [file] } });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('returns import', () => {
  it('posts the CSV as is (text/csv, file name) and lists a refusal line by line', async () => {
    const fetchMock = stubFetch(422, {
      code: 'SIL_RETURNS_FILE_INVALID',
      title: 'Fichier de retours refusé : des lignes sont invalides, rien n’a été importé.',
      status: 422,
      detail: 'ligne 2 (invoiceNumber) : facture F2000-999999 inconnue',
      errorCount: 1,
      lineErrors: [{ line: 2, field: 'invoiceNumber', message: 'facture F2000-999999 inconnue' }],
    });
    renderCard();
    const importButton = screen.getByRole('button', { name: 'Importer les retours' });
    expect(importButton.hasAttribute('disabled')).toBe(true);
    choose(new File([csv], 'rsp-2026-03-10.csv', { type: 'text/csv' }));
    fireEvent.click(screen.getByRole('button', { name: 'Importer les retours' }));
    await waitFor(() => expect(screen.getAllByTestId('returns-line-error')).toHaveLength(1));
    expect(screen.getByTestId('returns-line-error').textContent).toContain('facture F2000-999999 inconnue');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toBe('/api/billing/returns?filename=rsp-2026-03-10.csv');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(init?.body).toBe(csv);
  });

  it('an accepted file says what it held', async () => {
    stubFetch(201, {
      importId: 'imp-1',
      filename: 'rsp.json',
      format: 'json',
      lineCount: 3,
      paymentCount: 2,
      rejectionCount: 1,
      paidTotalCents: 1275,
      disputeIds: ['d-1'],
    });
    renderCard();
    choose(new File(['{"lines":[]}'], 'rsp.json', { type: 'application/json' }));
    fireEvent.click(screen.getByRole('button', { name: 'Importer les retours' }));
    await waitFor(() => expect(screen.getByTestId('returns-import-result')).toBeTruthy());
    expect(screen.getByTestId('returns-import-result').textContent).toMatch(
      /3 ligne\(s\) : 2 paiement\(s\) pour 12,75\s€, 1 rejet\(s\), 1 litige\(s\) ouvert\(s\)/
    );
  });
});
