import { MantineProvider, Table } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewResult } from '../api/workflow-types.js';
import { i18n } from '../i18n/i18n.js';
import { ValidationReviewRow } from './validation-review-row.js';

const potassium: ReviewResult = {
  id: '00000000-0000-4000-8000-000000000010',
  orderId: '00000000-0000-4000-8000-000000000001',
  specimenId: null,
  analyteCode: 'POTASSIUM',
  analyteLabel: 'Potassium',
  resultType: 'numeric',
  unit: 'mmol/L',
  decimals: 1,
  calculated: false,
  status: 'technically_validated',
  version: 1,
  value: '5,9',
  valueNumeric: 5.9,
  comparator: null,
  valueCode: null,
  flag: 'H',
  critical: false,
  interval: null,
  delta: null,
  comment: 'Recontrôlé sur le même tube',
  commentCodes: ['HEMOLYSE', 'CODE_LOCAL'],
  enteredAt: '2026-11-22T09:00:00Z',
  analysisCode: 'K',
  analysisLabel: 'Kaliémie',
  chapter: 'Biochimie',
  collectedAt: '2026-11-22T07:30:00Z',
  enteredBy: 'Technicien',
  technicalValidation: null,
  biologicalValidation: null,
  amendmentReason: null,
  criticalNotifications: [],
  previous: [],
};

afterEach(cleanup);

describe('ValidationReviewRow', () => {
  it('shows the labels of the coded comments, and an unlisted code as itself, after the free comment', () => {
    render(
      <I18nextProvider i18n={i18n}>
        <MantineProvider env="test">
          <Table>
            <Table.Tbody>
              <ValidationReviewRow
                result={potassium}
                commentCodes={[
                  { code: 'CONTROLE_FAIT', label: 'Résultat contrôlé' },
                  { code: 'HEMOLYSE', label: 'Échantillon hémolysé : résultat à interpréter avec prudence' },
                ]}
                selectable
                selected={false}
                onSelect={() => undefined}
                onAction={() => undefined}
              />
            </Table.Tbody>
          </Table>
        </MantineProvider>
      </I18nextProvider>
    );
    expect(screen.getByText('Recontrôlé sur le même tube')).toBeTruthy();
    expect(screen.getAllByTestId('validation-comment-code').map((element) => element.textContent)).toEqual([
      'Échantillon hémolysé : résultat à interpréter avec prudence',
      'CODE_LOCAL',
    ]);
  });
});
