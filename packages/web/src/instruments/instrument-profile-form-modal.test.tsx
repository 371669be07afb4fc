import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n.js';
import { InstrumentProfileFormModal } from './instrument-profile-form-modal.js';
import type { Instrument } from './instrument-types.js';

function stubFetch(body: unknown) {
  const fetchMock = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
    Promise.resolve(
      new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    )
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function sentBody(fetchMock: ReturnType<typeof stubFetch>): Record<string, unknown> {
  const init = fetchMock.mock.calls[0]?.[1];
  return JSON.parse(String(init?.body)) as Record<string, unknown>;
}

const sysmex: Instrument = {
  id: 'i-1',
  code: 'XN1',
  name: 'Sysmex XN',
  kind: 'analyzer',
  protocol: 'astm',
  role: 'server',
  host: '0.0.0.0',
  port: 5100,
  direction: 'bi',
  charset: 'iso-8859-1',
  specimenIdLocation: 'O.4.3',
  qcSpecimenPattern: null,
  qcSpecimenRole: true,
  reagentLotComponent: null,
  enabled: true,
  version: 3,
  createdAt: '2026-11-01T08:00:00Z',
  updatedAt: '2026-11-01T08:00:00Z',
  status: {
    state: 'stopped',
    connections: 0,
    port: null,
    lastConnectedAt: null,
    lastMessageAt: null,
    messagesReceived: 0,
    messagesSent: 0,
    errorCount: 0,
    lastError: null,
    recentErrors: [],
    source: 'none',
  },
};

function renderModal(instrument: Instrument | null) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <InstrumentProfileFormModal opened instrument={instrument} onClose={vi.fn()} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

// The suggestions' listbox carries the same label as the input.
const location = () => screen.getByLabelText<HTMLInputElement>('Champ du code-barres', { selector: 'input' });
const typeLocation = (value: string) => fireEvent.change(location(), { target: { value } });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('instrument profile form: specimen-id location', () => {
  it('shows a stored component-level location as it is, and saves it unchanged', async () => {
    const fetchMock = stubFetch({ ...sysmex, version: 4 });
    renderModal(sysmex);
    expect(location().value).toBe('O.4.3');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => {
      expect(fetchMock).toHaveBeenCalledOnce();
    });
    expect(sentBody(fetchMock).specimenIdLocation).toBe('O.4.3');
  });

  it('accepts a typed path that is not among the suggestions', async () => {
    const fetchMock = stubFetch({ ...sysmex, specimenIdLocation: 'O.3.7', version: 4 });
    renderModal(sysmex);
    typeLocation(' O.3.7 ');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => {
      expect(fetchMock).toHaveBeenCalledOnce();
    });
    expect(sentBody(fetchMock).specimenIdLocation).toBe('O.3.7');
  });

  it('refuses a location the server would refuse, without calling it', () => {
    const fetchMock = stubFetch({});
    renderModal(sysmex);
    typeLocation('SPM-2.1');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(screen.getByText(/Emplacement ASTM attendu/)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('switches a new profile to an HL7 location when the protocol changes, and keeps a valid typed one', () => {
    stubFetch({});
    renderModal(null);
    expect(location().value).toBe('O.3');
    fireEvent.change(screen.getByLabelText('Protocole'), { target: { value: 'hl7' } });
    // As e2e/instruments-scenario.ts reads it: the label names the input alone while the list is closed.
    expect(screen.getAllByLabelText('Champ du code-barres')).toEqual([location()]);
    expect(location().value).toBe('SPM-2.1');
    typeLocation('OBR-3.1');
    fireEvent.change(screen.getByLabelText('Protocole'), { target: { value: 'hl7' } });
    expect(location().value).toBe('OBR-3.1');
  });
});
