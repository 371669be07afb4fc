import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewResult } from '../api/workflow-types.js';
import { i18n } from '../i18n/i18n.js';
import { ResultActionModal } from './result-action-modal.js';

/** A validated glucose carrying a free comment and a coded one (migration 0014's list). */
const glucose = {
  id: '00000000-0000-4000-8000-0000000000a1',
  orderId: '00000000-0000-4000-8000-000000000001',
  specimenId: null,
  analyteCode: 'GLUCOSE',
  analyteLabel: 'Glucose (glycémie)',
  resultType: 'numeric',
  unit: 'mmol/L',
  decimals: 2,
  calculated: false,
  status: 'biologically_validated',
  version: 3,
  value: '7,20',
  valueNumeric: 7.2,
  comparator: null,
  valueCode: null,
  flag: 'H',
  critical: false,
  interval: null,
  comment: 'Patient sous corticoïdes',
  commentCodes: ['HEMOLYSE'],
  analysisCode: 'GLY',
  analysisLabel: 'Glycémie',
  chapter: 'Biochimie',
  collectedAt: null,
  enteredBy: null,
  technicalValidation: null,
  biologicalValidation: null,
  amendmentReason: null,
  criticalNotifications: [],
  previous: [],
} as unknown as ReviewResult;

// jsdom has no CSS Font Loading API; Mantine's autosize textarea listens to it.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
    configurable: true,
  });
}

function mockServer() {
  const posts: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if ((init?.method ?? 'GET') === 'POST') {
        posts.push({ url, body: JSON.parse(String(init?.body ?? 'null')) });
        return Promise.resolve(new Response(JSON.stringify({ result: glucose }), { status: 200 }));
      }
      const items = [{ code: 'HEMOLYSE', label: 'Échantillon hémolysé : résultat à interpréter avec prudence' }];
      return Promise.resolve(
        new Response(JSON.stringify({ items }), { status: 200, headers: { 'Content-Type': 'application/json' } })
      );
    })
  );
  return posts;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the biologist’s correction of a validated result', () => {
  it('carries the free and coded comments over to the new version instead of dropping them', async () => {
    const posts = mockServer();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <I18nextProvider i18n={i18n}>
        <MantineProvider env="test">
          <QueryClientProvider client={queryClient}>
            <ResultActionModal action={{ kind: 'amend', result: glucose }} onClose={() => {}} onDone={() => {}} />
          </QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>
    );
    expect((screen.getByLabelText('Commentaire libre') as HTMLInputElement).value).toBe('Patient sous corticoïdes');
    fireEvent.change(screen.getByLabelText(/Nouvelle valeur/), { target: { value: '6,90' } });
    fireEvent.change(screen.getByLabelText(/Motif de la correction/), { target: { value: 'Erreur de saisie' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la correction' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({
      url: expect.stringContaining(`/api/results/${glucose.id}/amend`),
      body: {
        value: '6,90',
        reason: 'Erreur de saisie',
        comment: 'Patient sous corticoïdes',
        commentCodes: ['HEMOLYSE'],
        expectedVersion: 3,
      },
    });
  });
});
