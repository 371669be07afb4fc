import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n.js';
import { BillingCoverageFormModal } from './billing-coverage-form-modal.js';

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

function renderModal(onClose = vi.fn()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <BillingCoverageFormModal patientId="p-1" coverage={null} opened onClose={onClose} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
  return onClose;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('coverage entry modal', () => {
  it('refuses malformed fields in French without calling the server', () => {
    const fetchMock = stubFetch(200, {});
    renderModal();
    type('Caisse', '75');
    type('NIR de l’assuré', '1234');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(screen.getByText('Caisse : 3 chiffres.')).toBeTruthy();
    expect(screen.getByText('NIR : 15 caractères, clé comprise.')).toBeTruthy();
    expect(screen.getAllByText('Champ obligatoire.')).toHaveLength(1); // the centre
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the typed coverage as the API input and shows the server’s refusal in French on the field', async () => {
    const fetchMock = stubFetch(422, {
      code: 'SIL_COVERAGE_NIR_INVALID',
      title: 'NIR de l’assuré invalide (format ou clé).',
      status: 422,
      errors: [{ path: 'amo.insuredNir', message: 'SIL_NIR_INVALID_KEY' }],
    });
    const onClose = renderModal();
    type('Caisse', '751');
    type('Centre', '0001');
    type('NIR de l’assuré', '2 65 03 75 123 456 00');
    type('Droits AMO du', '01/01/2026');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.getByText('NIR de l’assuré invalide (format ou clé).')).toBeTruthy());
    expect(screen.getByText('La clé du NIR est incorrecte.')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toBe('/api/patients/p-1/coverage');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(String(init?.body))).toEqual({
      amo: {
        regime: '01',
        caisse: '751',
        centre: '0001',
        insuredNir: '265037512345600',
        beneficiaryRank: '00',
        validFrom: '2026-01-01',
        validTo: null,
        exoneration: null,
        exonerationValidFrom: null,
        exonerationValidTo: null,
        alsaceMoselle: false,
      },
      amc: null,
      source: 'manual',
      version: null,
    });
  });
});
