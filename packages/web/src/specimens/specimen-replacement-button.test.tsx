import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../api/types.js';
import { CurrentUserContext } from '../auth/current-user-context.js';
import { i18n } from '../i18n/i18n.js';
import { SpecimenReplacementButton, type ReplaceableTube } from './specimen-replacement-button.js';
import type { ReplacementTube } from './specimens-api.js';

const replacement: ReplacementTube = {
  id: 'tube-2',
  barcode: '261122000103',
  replacesBarcode: '261122000101',
  orderId: 'order-1',
  orderNumber: '2611220001',
  status: 'expected',
  containerCode: 'FLUORURE',
  containerLabel: 'Tube fluoré',
  colour: 'gris',
  analyses: ['GLY'],
  results: 1,
  nonConformityIds: ['nc-1'],
};

function renderButton(tube: ReplaceableTube, permissions: string[]) {
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
            <SpecimenReplacementButton orderId="order-1" tube={tube} />
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

describe('SpecimenReplacementButton', () => {
  it('creates the replacement tube of a rejected tube and offers its label alone', async () => {
    const fetchMock = vi.fn((_input: RequestInfo | URL) =>
      Promise.resolve(
        new Response(JSON.stringify(replacement), { status: 201, headers: { 'Content-Type': 'application/json' } })
      )
    );
    vi.stubGlobal('fetch', fetchMock);
    renderButton({ barcode: '261122000101', status: 'rejected', replacedByBarcode: null }, ['orders.write']);
    fireEvent.click(screen.getByTestId('create-replacement-tube'));
    const print = await screen.findByTestId('replacement-print-label');
    expect(String(fetchMock.mock.calls[0]?.[0])).toContain('/api/specimens/261122000101/replacement');
    expect(print.getAttribute('href')).toBe('/api/orders/order-1/labels?format=label50x25&barcode=261122000103');
    expect(screen.getByTestId('replacement-created').textContent).toContain('261122000103');
  });

  it('shows the existing replacement instead of the action, and nothing to a user who cannot order', () => {
    renderButton({ barcode: '261122000101', status: 'rejected', replacedByBarcode: '261122000103' }, ['orders.write']);
    expect(screen.queryByTestId('create-replacement-tube')).toBeNull();
    expect(screen.getByTestId('replacement-tube').textContent).toContain('261122000103');
    cleanup();
    renderButton({ barcode: '261122000101', status: 'rejected', replacedByBarcode: null }, ['orders.read']);
    expect(screen.queryByTestId('create-replacement-tube')).toBeNull();
  });
});
