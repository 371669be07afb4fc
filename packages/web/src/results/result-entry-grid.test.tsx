import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  EntryAnswer,
  ResultFlag,
  ResultValueView,
  WorklistItem,
  WorklistSpecimen,
} from '../api/workflow-types.js';
import { i18n } from '../i18n/i18n.js';
import { ResultEntryGrid } from './result-entry-grid.js';

const orderId = '00000000-0000-4000-8000-000000000001';

/** Two entries of the lab's list (migration 0014). */
const commentCodes = [
  { code: 'CONTROLE_FAIT', label: 'Résultat contrôlé' },
  { code: 'HEMOLYSE', label: 'Échantillon hémolysé : résultat à interpréter avec prudence' },
];

function item(
  resultId: string,
  analyteCode: string,
  analyteLabel: string,
  unit: string,
  calculated = false
): WorklistItem {
  return {
    resultId,
    analyteCode,
    analyteLabel,
    analysisCode: analyteCode,
    resultType: 'numeric',
    unit,
    decimals: 2,
    codedValues: null,
    calculated,
    status: 'pending',
    version: 0,
    value: null,
    flag: null,
    critical: false,
    comment: null,
    commentCodes: [],
    interval: null,
  };
}

/** A heparin tube (creatinine with its calculated eGFR) and a fluoride tube's glucose, as one grid. */
const specimen: WorklistSpecimen = {
  specimenId: '00000000-0000-4000-8000-0000000000aa',
  barcode: '261122000101',
  containerCode: 'HEPARINE',
  orderId,
  orderNumber: '2611220001',
  urgency: 'routine',
  collectedAt: '2026-11-22T07:30:00Z',
  receivedAt: '2026-11-22T08:00:00Z',
  patient: {
    id: '00000000-0000-4000-8000-0000000000bb',
    patientNumber: 'P00000001',
    birthName: 'LEFEVRE',
    usedName: null,
    firstFirstName: 'CAMILLE',
    birthDate: '1989-07-14',
    sex: 'F',
    ageDaysAtCollection: 13280,
  },
  results: [
    item('r-crea', 'CREATININE', 'Créatinine (méthode enzymatique)', 'umol/L'),
    item('r-dfg', 'DFG_CKDEPI', 'Débit de filtration glomérulaire estimé (CKD-EPI)', 'mL/min/{1.73_m2}', true),
    item('r-glu', 'GLUCOSE', 'Glucose (glycémie)', 'mmol/L'),
  ],
};

function view(id: string, analyteCode: string, value: string, flag: ResultFlag, critical = false): ResultValueView {
  return {
    id,
    orderId,
    specimenId: specimen.specimenId,
    analyteCode,
    analyteLabel: analyteCode,
    resultType: 'numeric',
    unit: null,
    decimals: 2,
    calculated: id === 'r-dfg',
    status: 'entered',
    version: 1,
    value,
    valueNumeric: Number(value.replace(',', '.')),
    comparator: null,
    valueCode: null,
    flag,
    critical,
    interval: null,
    delta: null,
    comment: null,
    commentCodes: [],
    enteredAt: '2026-11-22T09:00:00Z',
  };
}

/** The server's answers: French display with the analyte's decimals, flags, and the eGFR recomputed. */
function answerFor(resultId: string): EntryAnswer {
  if (resultId === 'r-crea') {
    return {
      result: { ...view('r-crea', 'CREATININE', '150', 'H'), previous: null },
      recalculated: [view('r-dfg', 'DFG_CKDEPI', '41', 'L')],
    };
  }
  return { result: { ...view('r-glu', 'GLUCOSE', '30,50', 'HH', true), previous: null }, recalculated: [] };
}

function mockEntry() {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      calls.push({ url, method: init?.method ?? 'GET', body: JSON.parse(String(init?.body ?? 'null')) });
      const resultId = url.split('/').pop() ?? '';
      return Promise.resolve(
        new Response(JSON.stringify(answerFor(resultId)), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        })
      );
    })
  );
  return calls;
}

function renderGrid() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <ResultEntryGrid specimen={specimen} commentCodes={commentCodes} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
  return {
    creatinine: screen.getByLabelText('Créatinine (méthode enzymatique)') as HTMLInputElement,
    glucose: screen.getByLabelText('Glucose (glycémie)') as HTMLInputElement,
  };
}

function row(analyte: string): HTMLElement {
  const found = screen.getAllByTestId('result-row').find((element) => element.getAttribute('data-analyte') === analyte);
  if (found === undefined) {
    throw new Error(`no row ${analyte}`);
  }
  return found;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ResultEntryGrid', () => {
  it('saves on Enter and moves down, skipping the calculated row; flags and the eGFR come from the answer', async () => {
    const calls = mockEntry();
    const { creatinine, glucose } = renderGrid();
    expect(document.activeElement).toBe(creatinine);
    // The calculated eGFR has no input: the grid cannot overwrite a computed value.
    expect(screen.queryByLabelText('Débit de filtration glomérulaire estimé (CKD-EPI)')).toBeNull();

    fireEvent.change(creatinine, { target: { value: '150' } });
    fireEvent.keyDown(creatinine, { key: 'Enter' });
    expect(document.activeElement).toBe(glucose);
    await waitFor(() => expect(within(row('CREATININE')).getByTestId('result-flag').textContent).toBe('H'));
    expect(within(row('DFG_CKDEPI')).getByTestId('result-value').textContent).toBe('41');
    expect(within(row('DFG_CKDEPI')).getByTestId('result-flag').getAttribute('data-flag')).toBe('L');
    expect(calls[0]).toEqual({
      url: '/api/results/r-crea',
      method: 'PUT',
      body: { value: '150', commentCodes: [], expectedVersion: 0 },
    });

    // ↑ goes back to creatinine over the calculated row, ↓ down again.
    fireEvent.keyDown(glucose, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(creatinine);
    fireEvent.keyDown(creatinine, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(glucose);
  });

  it('accepts a decimal comma and shows the value as the server formats it, with the critical call form', async () => {
    const calls = mockEntry();
    const { glucose } = renderGrid();
    fireEvent.change(glucose, { target: { value: '30,5' } });
    fireEvent.keyDown(glucose, { key: 'Enter' });
    // Last row: Enter goes on to the technical validation button.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Valider techniquement' }));
    await waitFor(() => expect(glucose.value).toBe('30,50'));
    expect(calls[0]?.body).toEqual({ value: '30,5', commentCodes: [], expectedVersion: 0 });
    const glucoseRow = row('GLUCOSE');
    expect(within(glucoseRow).getByTestId('result-flag').textContent).toBe('HH');
    expect(within(glucoseRow).getByTestId('result-critical').textContent).toBe('critique');
    expect(screen.getByTestId('critical-call-form').getAttribute('data-result-id')).toBe('r-glu');
    expect(screen.getByLabelText('Personne appelée')).toBeTruthy();
    // Blurring the saved value does not send it again.
    fireEvent.blur(glucose);
    expect(calls).toHaveLength(1);
  });

  it('picks coded comments by keyboard, searching the label without accents, and saves them with the value', async () => {
    const calls = mockEntry();
    const { creatinine } = renderGrid();
    // The value input alone answers to the analyte's label (the e2e finds it so).
    expect(screen.getAllByLabelText(/Créatinine/)).toEqual([creatinine]);
    fireEvent.change(creatinine, { target: { value: '150' } });
    fireEvent.keyDown(creatinine, { key: 'Enter' });
    await waitFor(() => expect(calls).toHaveLength(1));

    const picker = screen.getByRole('combobox', { name: 'Commentaires codés — CREATININE' });
    act(() => picker.focus());
    fireEvent.change(picker, { target: { value: 'hemolyse' } });
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
        'HEMOLYSEÉchantillon hémolysé : résultat à interpréter avec prudence',
      ])
    );
    // Mantine's combobox reads the physical key (`code`).
    fireEvent.keyDown(picker, { key: 'ArrowDown', code: 'ArrowDown' });
    fireEvent.keyDown(picker, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]).toEqual({
      url: '/api/results/r-crea',
      method: 'PUT',
      body: { value: '150', commentCodes: ['HEMOLYSE'], expectedVersion: 1 },
    });
    // The pill shows the label.
    expect(within(row('CREATININE')).getByText(/Échantillon hémolysé/)).toBeTruthy();
    // Searching by code works too; a code picked on an empty value waits for the value.
    const glucosePicker = screen.getByRole('combobox', { name: 'Commentaires codés — GLUCOSE' });
    act(() => glucosePicker.focus());
    fireEvent.change(glucosePicker, { target: { value: 'controle_f' } });
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
        'CONTROLE_FAITRésultat contrôlé',
      ])
    );
    fireEvent.keyDown(glucosePicker, { key: 'ArrowDown', code: 'ArrowDown' });
    fireEvent.keyDown(glucosePicker, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect(within(row('GLUCOSE')).getByText('Résultat contrôlé')).toBeTruthy());
    expect(calls).toHaveLength(2);
  });
});
