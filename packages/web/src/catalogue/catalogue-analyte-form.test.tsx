import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n.js';
import { CatalogueAnalyteForm } from './catalogue-analyte-form.js';
import type { Analyte } from './catalogue-types.js';

const potassium: Analyte = {
  id: 'v1',
  version: 1,
  validFrom: '2026-01-01T00:00:00Z',
  validTo: null,
  changeReason: 'Catalogue de démarrage',
  createdBy: null,
  createdByName: null,
  code: 'POTASSIUM',
  label: 'Potassium',
  shortLabel: 'K⁺',
  loinc: '2823-3',
  chapter: 'Biochimie',
  resultType: 'numeric',
  unitUcum: 'mmol/L',
  unitConventional: null,
  conventionalFactor: null,
  decimals: 1,
  codedValues: null,
  criticalLow: 2.8,
  criticalHigh: 6.2,
  deltaRule: null,
  formula: null,
  referenceIntervals: [
    { sex: null, ageMinDays: 0, ageMaxDays: 31, low: 3.7, high: 5.9, source: 'Tietz (nouveau-né)' },
    { sex: null, ageMinDays: 31, ageMaxDays: null, low: 3.5, high: 5.1, source: 'Tietz' },
  ],
};

function renderForm(canManage: boolean) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <CatalogueAnalyteForm
            analyte={potassium}
            analytes={[potassium]}
            chapters={['Biochimie']}
            canManage={canManage}
          />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

function mockSave() {
  const fetchMock = vi.fn<typeof fetch>(async (_input, init) => {
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    return new Response(JSON.stringify({ ...potassium, ...body, id: 'v2', version: 2 }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CatalogueAnalyteForm', () => {
  it('is read-only without catalogue.manage: fields disabled, no save nor add buttons', () => {
    renderForm(false);
    // The whole form sits in a disabled <fieldset>, which disables every control in it (HTML § 4.10.15).
    expect(screen.getByLabelText('Libellé court').closest('fieldset[disabled]')).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Enregistrer une nouvelle version' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ajouter un intervalle' })).toBeNull();
  });

  it('stops a save with low above high on the field, then sends the new version in days with its reason', async () => {
    const fetchMock = mockSave();
    renderForm(true);
    const high = screen.getByLabelText('Borne haute, ligne 2') as HTMLInputElement;
    expect(high.value).toBe('5,1');
    fireEvent.change(high, { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Motif du changement'), { target: { value: 'Nouveau réactif' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer une nouvelle version' }));
      await Promise.resolve();
    });
    expect(screen.getByText('La borne basse dépasse la borne haute.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(high, { target: { value: '5,0' } });
    fireEvent.change(screen.getByLabelText('Âge minimal, ligne 2'), { target: { value: '1' } });
    fireEvent.change(screen.getAllByLabelText('Unité d’âge, ligne 2')[0] as HTMLSelectElement, {
      target: { value: 'months' },
    });
    // Row 1 ends at 31 days and row 2 now starts at 1 month (30 days): the bands overlap.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer une nouvelle version' }));
      await Promise.resolve();
    });
    expect(screen.getByText('Chevauche la tranche d’âge de la ligne 1 (même sexe).')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Âge minimal, ligne 2'), { target: { value: '31' } });
    fireEvent.change(screen.getAllByLabelText('Unité d’âge, ligne 2')[0] as HTMLSelectElement, {
      target: { value: 'days' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer une nouvelle version' }));
      await Promise.resolve();
    });
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toBe('/api/catalogue/analytes/POTASSIUM');
    expect(init?.method).toBe('PUT');
    const body = JSON.parse(String(init?.body)) as { version: number; reason: string; referenceIntervals: unknown[] };
    expect(body.version).toBe(1);
    expect(body.reason).toBe('Nouveau réactif');
    expect(body.referenceIntervals).toEqual([
      potassium.referenceIntervals[0],
      { sex: null, ageMinDays: 31, ageMaxDays: null, low: 3.5, high: 5, source: 'Tietz' },
    ]);
  });
});
