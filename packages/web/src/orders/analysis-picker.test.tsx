import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisSummary } from '../api/workflow-types.js';
import { i18n } from '../i18n/i18n.js';
import { AnalysisPicker } from './analysis-picker.js';

function analysis(code: string, label: string, fastingRequired = false): AnalysisSummary {
  return {
    code,
    mnemonic: code,
    label,
    chapter: 'Biochimie',
    section: 'biochimie',
    containerCode: 'HEPARINE',
    nabmCodes: [],
    fastingRequired,
    timeWindowStart: null,
    timeWindowEnd: null,
    orderable: true,
    version: 1,
  };
}

/** Part of the starter catalogue, searched like the server does: exact code first, then labels. */
const catalogue = [
  analysis('NFS', 'Hémogramme (NFS) avec formule leucocytaire et plaquettes'),
  analysis('GLY', 'Glycémie à jeun', true),
  analysis('CREA', 'Créatinine avec DFG estimé (CKD-EPI)'),
  analysis('CRP', 'Protéine C réactive'),
];

function serverSearch(q: string): AnalysisSummary[] {
  const term = q.trim().toUpperCase();
  const exact = catalogue.filter((item) => item.code === term);
  const prefix = catalogue.filter((item) => item.code !== term && item.code.startsWith(term));
  return [...exact, ...prefix];
}

function mockCatalogue() {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const q = new URL(String(input), 'http://local').searchParams.get('q') ?? '';
    return Promise.resolve(
      new Response(JSON.stringify({ items: serverSearch(q) }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      })
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function Harness({ onChange }: { onChange: (codes: string[]) => void }) {
  const [value, setValue] = useState<AnalysisSummary[]>([]);
  return (
    <AnalysisPicker
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next.map((item) => item.code));
      }}
    />
  );
}

function renderPicker() {
  const onChange = vi.fn<(codes: string[]) => void>();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <Harness onChange={onChange} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
  return { input: screen.getByLabelText('Analyses') as HTMLInputElement, onChange };
}

function chips(): (string | null)[] {
  return screen.queryAllByTestId('order-analysis-chip').map((chip) => chip.getAttribute('data-code'));
}

/** What a secretary does with the keyboard: the code, then Enter, without waiting for the list. */
async function typeAndEnter(input: HTMLInputElement, text: string) {
  fireEvent.change(input, { target: { value: text } });
  await act(async () => {
    fireEvent.keyDown(input, { key: 'Enter' });
    await Promise.resolve();
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AnalysisPicker keyboard flow', () => {
  it('turns NFS ⏎ gly ⏎ CREA ⏎ into three chips, in order, emptying the box each time', async () => {
    const fetchMock = mockCatalogue();
    const { input, onChange } = renderPicker();
    await typeAndEnter(input, 'NFS');
    await waitFor(() => expect(chips()).toEqual(['NFS']));
    expect(input.value).toBe('');
    await typeAndEnter(input, 'gly');
    await waitFor(() => expect(chips()).toEqual(['NFS', 'GLY']));
    await typeAndEnter(input, 'CREA');
    await waitFor(() => expect(chips()).toEqual(['NFS', 'GLY', 'CREA']));
    expect(onChange).toHaveBeenLastCalledWith(['NFS', 'GLY', 'CREA']);
    // Enter searched the typed code at once, without waiting for the live list.
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/catalogue/analyses?q=NFS&limit=8');
    // The fasting requirement shows on the chip, where the desk reads it.
    expect(screen.getAllByTestId('order-analysis-chip')[1]?.textContent).toContain('à jeun');
  });

  it('refuses an unknown code and a duplicate with a message, leaving the chips as they were', async () => {
    mockCatalogue();
    const { input } = renderPicker();
    await typeAndEnter(input, 'NFS');
    await waitFor(() => expect(chips()).toEqual(['NFS']));
    await typeAndEnter(input, 'XYZ');
    await screen.findByText('Analyse inconnue : XYZ.');
    expect(input.value).toBe('XYZ');
    await typeAndEnter(input, 'nfs');
    await screen.findByText('NFS est déjà demandée.');
    expect(chips()).toEqual(['NFS']);
  });

  it('removes the last chip with Backspace in the empty box, and one chip with its button', async () => {
    mockCatalogue();
    const { input } = renderPicker();
    await typeAndEnter(input, 'NFS');
    await typeAndEnter(input, 'GLY');
    await typeAndEnter(input, 'CREA');
    await waitFor(() => expect(chips()).toEqual(['NFS', 'GLY', 'CREA']));
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(chips()).toEqual(['NFS', 'GLY']);
    fireEvent.click(screen.getByLabelText('Retirer NFS'));
    expect(chips()).toEqual(['GLY']);
  });

  it('lists suggestions for a partial code: ↓ then Enter takes the highlighted one', async () => {
    mockCatalogue();
    const { input } = renderPicker();
    fireEvent.change(input, { target: { value: 'CR' } });
    const options = await screen.findAllByRole('option', undefined, { timeout: 2000 });
    expect(options.map((option) => option.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]?.id);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(chips()).toEqual(['CRP']);
  });
});
