import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PatientSummary } from '../api/types.js';
import { i18n } from '../i18n/i18n.js';
import { PatientSearchBox } from './patient-search-box.js';

function summary(patientNumber: string, birthName: string): PatientSummary {
  return {
    id: `id-${patientNumber}`,
    patientNumber,
    birthName,
    usedName: null,
    firstFirstName: 'Jeanne',
    birthDate: '1965-03-12',
    sex: 'F',
    identityStatus: 'PROV',
    insNumber: null,
  };
}

function mockSearch(answer: (q: string) => PatientSummary[]) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const q = new URL(String(input), 'http://local').searchParams.get('q') ?? '';
    return Promise.resolve(
      new Response(JSON.stringify({ items: answer(q) }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      })
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderBox(onSelect: (patient: PatientSummary) => void) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <PatientSearchBox onSelect={onSelect} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
  return screen.getByLabelText('Rechercher un patient');
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('PatientSearchBox', () => {
  it('acts on Enter at once after a scanner burst, and opens a single hit', async () => {
    const fetchMock = mockSearch((q) => (q === 'P00001234' ? [summary('P00001234', 'DUPONT')] : []));
    const onSelect = vi.fn();
    const input = renderBox(onSelect);
    // A keyboard wedge types the whole code then Enter within a few milliseconds: no typing pause.
    fireEvent.change(input, { target: { value: 'P00001234' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(onSelect).toHaveBeenCalledTimes(1));
    expect(onSelect.mock.calls[0]?.[0]).toMatchObject({ patientNumber: 'P00001234' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/patients?q=P00001234&limit=20');
  });

  it('moves in the results with the arrow keys and opens the highlighted one with Enter', async () => {
    mockSearch(() => [summary('P00000001', 'DUPONT'), summary('P00000002', 'DUPOND'), summary('P00000003', 'DUPONS')]);
    const onSelect = vi.fn();
    const input = renderBox(onSelect);
    fireEvent.change(input, { target: { value: 'DUPON' } });
    await screen.findAllByTestId('patient-search-row', undefined, { timeout: 2000 });
    expect(screen.getAllByTestId('patient-search-row')).toHaveLength(3);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    const rows = screen.getAllByTestId('patient-search-row');
    expect(rows.map((row) => row.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    expect(input.getAttribute('aria-activedescendant')).toBe(rows[1]?.id);
    await act(async () => {
      fireEvent.keyDown(input, { key: 'Enter' });
      await Promise.resolve();
    });
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ patientNumber: 'P00000002' }));
  });

  it('highlights the first of several hits on Enter instead of opening one', async () => {
    mockSearch(() => [summary('P00000001', 'DUPONT'), summary('P00000002', 'DUPOND')]);
    const onSelect = vi.fn();
    const input = renderBox(onSelect);
    fireEvent.change(input, { target: { value: 'DUPONT 12/03/1965' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() =>
      expect(screen.getAllByTestId('patient-search-row')[0]?.getAttribute('aria-selected')).toBe('true')
    );
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('clears the box with Escape', () => {
    mockSearch(() => []);
    const input = renderBox(vi.fn()) as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'DUP' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('');
  });
});
