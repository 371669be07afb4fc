import { describe, expect, it } from 'vitest';
import type { EntryAnswer, ResultValueView, WorklistItem, WorklistSpecimen } from '../api/workflow-types.js';
import { gridReducer, needsSave, nextWritableIndex, rowsFromSpecimen } from './result-grid-state.js';

function item(resultId: string, overrides: Partial<WorklistItem> = {}): WorklistItem {
  return {
    resultId,
    analyteCode: resultId.toUpperCase(),
    analyteLabel: resultId,
    analysisCode: 'X',
    resultType: 'numeric',
    unit: 'mmol/L',
    decimals: 2,
    codedValues: null,
    calculated: false,
    status: 'pending',
    version: 0,
    value: null,
    flag: null,
    critical: false,
    comment: null,
    interval: null,
    ...overrides,
  };
}

function specimen(results: WorklistItem[]): WorklistSpecimen {
  return {
    specimenId: 's',
    barcode: '261122000101',
    containerCode: 'EDTA',
    orderId: 'o',
    orderNumber: '2611220001',
    urgency: 'routine',
    collectedAt: null,
    receivedAt: null,
    patient: {
      id: 'p',
      patientNumber: 'P00000001',
      birthName: 'X',
      usedName: null,
      firstFirstName: 'Y',
      birthDate: '1990-01-01',
      sex: 'F',
      ageDaysAtCollection: 100,
    },
    results,
  };
}

function saved(id: string, value: string): ResultValueView {
  return {
    id,
    orderId: 'o',
    specimenId: 's',
    analyteCode: id,
    analyteLabel: id,
    resultType: 'numeric',
    unit: null,
    decimals: 2,
    calculated: false,
    status: 'entered',
    version: 1,
    value,
    valueNumeric: null,
    comparator: null,
    valueCode: null,
    flag: 'H',
    critical: false,
    interval: null,
    delta: null,
    comment: null,
    commentCodes: [],
    enteredAt: null,
  };
}

function at<T>(list: readonly T[], index: number): T {
  const found = list[index];
  if (found === undefined) {
    throw new Error(`no element ${String(index)}`);
  }
  return found;
}

describe('result grid state', () => {
  const rows = rowsFromSpecimen(
    specimen([
      item('a'),
      item('calc', { calculated: true }),
      item('b', { status: 'technically_validated', value: '1,00', version: 1 }),
      item('c', {
        resultType: 'coded',
        codedValues: [{ code: 'POS', label: 'Positif' }],
        value: 'Positif',
        status: 'entered',
        version: 1,
      }),
    ])
  );

  it('moves over calculated and validated rows', () => {
    expect(nextWritableIndex(rows, -1, 1)).toBe(0);
    expect(nextWritableIndex(rows, 0, 1)).toBe(3);
    expect(nextWritableIndex(rows, 3, 1)).toBe(-1);
    expect(nextWritableIndex(rows, 3, -1)).toBe(0);
  });

  it('reads a coded value of the worklist back as its code', () => {
    expect(rows[3]?.draft).toBe('POS');
    expect(needsSave(at(rows, 3))).toBe(false);
  });

  it('shows the server display once saved, unless the user typed on meanwhile', () => {
    const typed = gridReducer(rows, { type: 'edit', resultId: 'a', draft: '5.2' });
    expect(needsSave(at(typed, 0))).toBe(true);
    const answer: EntryAnswer = { result: { ...saved('a', '5,20'), previous: null }, recalculated: [] };
    const after = gridReducer(typed, { type: 'saved', answer, submitted: '5.2' });
    expect(after[0]).toMatchObject({ draft: '5,20', saved: '5,20', flag: 'H', version: 1, status: 'entered' });
    expect(needsSave(at(after, 0))).toBe(false);

    const typedOn = gridReducer(typed, { type: 'edit', resultId: 'a', draft: '5.25' });
    const kept = gridReducer(typedOn, { type: 'saved', answer, submitted: '5.2' });
    expect(kept[0]).toMatchObject({ draft: '5.25', saved: '5,20' });
    expect(needsSave(at(kept, 0))).toBe(true);
  });
});
