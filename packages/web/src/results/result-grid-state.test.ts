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
    commentCodes: [],
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

  it('saves coded comments picked on a saved value, and keeps a pick made while the answer travelled', () => {
    const typed = gridReducer(rows, { type: 'edit', resultId: 'a', draft: '5.2' });
    const answer: EntryAnswer = { result: { ...saved('a', '5,20'), previous: null }, recalculated: [] };
    const after = gridReducer(typed, { type: 'saved', answer, submitted: '5.2' });
    const picked = gridReducer(after, { type: 'codes', resultId: 'a', codes: ['HEMOLYSE'] });
    expect(needsSave(at(picked, 0))).toBe(true);
    const withCodes: EntryAnswer = {
      result: { ...saved('a', '5,20'), version: 2, commentCodes: ['HEMOLYSE'], previous: null },
      recalculated: [],
    };
    const stored = gridReducer(picked, { type: 'saved', answer: withCodes, submitted: '5,20' });
    expect(stored[0]).toMatchObject({ commentCodes: ['HEMOLYSE'], savedCommentCodes: ['HEMOLYSE'] });
    expect(needsSave(at(stored, 0))).toBe(false);

    const pickedOn = gridReducer(picked, { type: 'codes', resultId: 'a', codes: ['HEMOLYSE', 'DILUTION'] });
    const travelled = gridReducer(pickedOn, { type: 'saved', answer: withCodes, submitted: '5,20' });
    expect(travelled[0]).toMatchObject({ commentCodes: ['HEMOLYSE', 'DILUTION'], savedCommentCodes: ['HEMOLYSE'] });
    expect(needsSave(at(travelled, 0))).toBe(true);
  });

  it('reads the worklist’s coded comments, and never saves codes without a value', () => {
    const [withCodes] = rowsFromSpecimen(specimen([item('c', { value: '4,1', commentCodes: ['DILUTION'] })]));
    expect(withCodes).toMatchObject({ commentCodes: ['DILUTION'], savedCommentCodes: ['DILUTION'] });
    const empty = gridReducer(rows, { type: 'codes', resultId: 'a', codes: ['HEMOLYSE'] });
    expect(needsSave(at(empty, 0))).toBe(false);
  });
});
