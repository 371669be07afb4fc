import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeClosingFigures, paymentMethods } from './cash-closing.js';

describe('cash closing figures (Z report)', () => {
  it('expected = received − refunded per method, plus the float in cash; difference = counted − expected', () => {
    // Worked by hand: cash 20,00 + 5,50 received, 3,00 refunded, float 50,00 → expected 72,50,
    // counted 72,00 → 0,50 missing; card 12,00 received, counted 12,00 → no difference.
    const figures = computeClosingFigures(
      {
        cash: { receivedCents: 2550, refundedCents: 300, count: 3 },
        card: { receivedCents: 1200, refundedCents: 0, count: 1 },
      },
      { cash: 7200, card: 1200, cheque: 0, transfer: 0 },
      5000
    );
    expect(figures.lines.find((l) => l.method === 'cash')).toMatchObject({
      expectedCents: 7250,
      countedCents: 7200,
      differenceCents: -50,
      movementCount: 3,
    });
    expect(figures.lines.find((l) => l.method === 'card')).toMatchObject({ expectedCents: 1200, differenceCents: 0 });
    expect(figures.lines.find((l) => l.method === 'cheque')).toMatchObject({ expectedCents: 0, movementCount: 0 });
    expect(figures).toMatchObject({
      expectedTotalCents: 8450,
      countedTotalCents: 8400,
      differenceTotalCents: -50,
      movementCount: 4,
    });
  });

  it('totals are the sums of the lines (property)', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 });
    const totals = fc.record({ receivedCents: cents, refundedCents: cents, count: fc.integer({ min: 0, max: 500 }) });
    fc.assert(
      fc.property(
        fc.record({ cash: totals, card: totals, cheque: totals, transfer: totals }),
        fc.record({ cash: cents, card: cents, cheque: cents, transfer: cents }),
        cents,
        (movements, counted, float) => {
          const figures = computeClosingFigures(movements, counted, float);
          expect(figures.lines.map((l) => l.method)).toEqual([...paymentMethods]);
          expect(figures.differenceTotalCents).toBe(figures.countedTotalCents - figures.expectedTotalCents);
          expect(figures.expectedTotalCents).toBe(
            paymentMethods.reduce((s, m) => s + movements[m].receivedCents - movements[m].refundedCents, 0) + float
          );
        }
      )
    );
  });
});
