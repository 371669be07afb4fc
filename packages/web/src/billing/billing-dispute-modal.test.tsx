import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../api/types.js';
import { CurrentUserContext } from '../auth/current-user-context.js';
import { i18n } from '../i18n/i18n.js';
import type { DisputeView } from './billing-dispute-api.js';
import { BillingDisputeModal } from './billing-dispute-modal.js';

const me: Me = {
  id: 'u-1',
  username: 'secretaire',
  displayName: 'Claire Secrétaire',
  roles: ['secretaire'],
  siteIds: [],
  permissions: ['billing.disputes'],
  locale: 'fr',
  totpEnabled: false,
  mustChangePassword: false,
};

const dispute: DisputeView = {
  id: 'd-1',
  invoiceId: 'i-1',
  invoiceNumber: 'F2026-000124',
  patientId: 'p-1',
  patientName: 'DUPONT Marie',
  payer: 'AMO',
  rejectionCode: 'R12',
  rejectionReason: 'Droits AMO fermés',
  amountCents: 870,
  status: 'open',
  openedOn: '2026-03-10',
  dueDate: '2026-04-09',
  overdue: false,
  ageDays: 3,
  ageingBucket: '0-30',
  assignee: null,
  resolutionReason: null,
  resolvedAt: null,
  resolvedBy: null,
  version: 2,
};

/** A server holding the dispute: POST …/resolve turns it into `resolved`, GET answers the current state. */
function stubFetch(resolved: DisputeView) {
  let current = dispute;
  const fetchMock = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.method === 'POST') {
      current = resolved;
    }
    const body = current;
    return Promise.resolve(
      new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderModal() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <CurrentUserContext.Provider value={me}>
            <BillingDisputeModal dispute={dispute} onClose={() => undefined} />
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

describe('dispute resolve modal', () => {
  it('asks for a resolution and a reason before calling the server', () => {
    const fetchMock = stubFetch(dispute);
    renderModal();
    fireEvent.click(screen.getByRole('button', { name: 'Résoudre le litige' }));
    expect(screen.getByText('Choisissez une résolution.')).toBeTruthy();
    expect(screen.getByText('Motif obligatoire (3 caractères au moins).')).toBeTruthy();
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);
  });

  it('billed to the patient: posts the resolution with the version read, then shows it', async () => {
    const fetchMock = stubFetch({
      ...dispute,
      status: 'billed_to_patient',
      resolutionReason: 'Droits fermés, patient prévenu',
      resolvedAt: '2026-03-13T10:00:00Z',
      resolvedBy: 'Claire Secrétaire',
      version: 3,
    });
    renderModal();
    fireEvent.click(screen.getByLabelText('Facturé au patient'));
    fireEvent.change(screen.getByLabelText('Motif'), { target: { value: '  Droits fermés, patient prévenu ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Résoudre le litige' }));
    await waitFor(() => expect(screen.getByTestId('dispute-resolution')).toBeTruthy());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(String(post?.[0])).toBe('/api/disputes/d-1/resolve');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      resolution: 'billed_to_patient',
      reason: 'Droits fermés, patient prévenu',
      version: 2,
    });
    expect(screen.getByTestId('dispute-resolution').textContent).toContain('Droits fermés, patient prévenu');
  });
});
