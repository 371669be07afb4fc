import { describe, expect, it } from 'vitest';
import { countedCents, emptyCountedTexts, previewCount } from './billing-cash-count.js';
import type { ClosingFigures } from './billing-types.js';

/** A desk-day as `GET /api/cash/day` answers it: 45,50 € cash (one 4,50 € refund), 30 € by card. */
const expected: ClosingFigures = {
  lines: [
    {
      method: 'cash',
      receivedCents: 5000,
      refundedCents: 450,
      movementCount: 3,
      expectedCents: 4550,
      countedCents: 0,
      differenceCents: -4550,
    },
    {
      method: 'card',
      receivedCents: 3000,
      refundedCents: 0,
      movementCount: 1,
      expectedCents: 3000,
      countedCents: 0,
      differenceCents: -3000,
    },
    {
      method: 'cheque',
      receivedCents: 0,
      refundedCents: 0,
      movementCount: 0,
      expectedCents: 0,
      countedCents: 0,
      differenceCents: 0,
    },
    {
      method: 'transfer',
      receivedCents: 0,
      refundedCents: 0,
      movementCount: 0,
      expectedCents: 0,
      countedCents: 0,
      differenceCents: 0,
    },
  ],
  cashFloatCents: 0,
  expectedTotalCents: 7550,
  countedTotalCents: 0,
  differenceTotalCents: -7550,
  movementCount: 4,
};

describe('previewCount', () => {
  it('is incomplete until every method is counted, with differences shown as they are typed', () => {
    const preview = previewCount(expected, { ...emptyCountedTexts(), cash: '45,00' }, '');
    expect(preview.complete).toBe(false);
    expect(preview.lines[0]).toMatchObject({
      method: 'cash',
      expectedCents: 4550,
      countedCents: 4500,
      differenceCents: -50,
    });
    expect(preview.lines[1]).toMatchObject({ method: 'card', countedCents: null, differenceCents: null, error: null });
    expect(preview.countedTotalCents).toBeNull();
    expect(countedCents(preview)).toBeNull();
  });

  it('adds the opening float to the cash expected and totals counted − expected', () => {
    const preview = previewCount(expected, { cash: '195,50', card: '30', cheque: '0', transfer: '0' }, '150');
    expect(preview.lines[0]).toMatchObject({ expectedCents: 19550, countedCents: 19550, differenceCents: 0 });
    expect(preview.expectedTotalCents).toBe(22550);
    expect(preview.countedTotalCents).toBe(22550);
    expect(preview.differenceTotalCents).toBe(0);
    expect(countedCents(preview)).toEqual({ cash: 19550, card: 3000, cheque: 0, transfer: 0 });
  });

  it('shows a surplus as a positive difference', () => {
    const preview = previewCount(expected, { cash: '46', card: '30,10', cheque: '0', transfer: '0' }, '');
    expect(preview.differenceTotalCents).toBe(60);
    expect(preview.lines[1]?.differenceCents).toBe(10);
  });

  it('flags a badly typed amount and keeps the count incomplete', () => {
    const preview = previewCount(expected, { cash: '45,555', card: '30', cheque: 'x', transfer: '0' }, '1O');
    expect(preview.lines[0]?.error).toBe('decimals');
    expect(preview.lines[2]?.error).toBe('format');
    expect(preview.cashFloatError).toBe('format');
    expect(preview.complete).toBe(false);
  });
});
