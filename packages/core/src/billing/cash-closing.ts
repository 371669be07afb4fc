/**
 * Daily closing of a cash desk (Z report): what the payments recorded say each payment method
 * should hold, what was counted, and the difference (counted − expected: negative = missing).
 * The cash drawer also holds the opening float (fond de caisse), which is expected back in cash.
 */

export const paymentMethods = ['cash', 'card', 'cheque', 'transfer'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const paymentMethodLabels: Readonly<Record<PaymentMethod, string>> = {
  cash: 'Espèces',
  card: 'Carte bancaire',
  cheque: 'Chèque',
  transfer: 'Virement',
};

export type AmountsByMethod = Readonly<Record<PaymentMethod, number>>;

export interface MovementTotals {
  /** Payments received, integer cents. */
  readonly receivedCents: number;
  /** Refunds given back, integer cents (positive). */
  readonly refundedCents: number;
  readonly count: number;
}

export interface ClosingLine {
  readonly method: PaymentMethod;
  readonly receivedCents: number;
  readonly refundedCents: number;
  readonly movementCount: number;
  readonly expectedCents: number;
  readonly countedCents: number;
  readonly differenceCents: number;
}

export interface ClosingFigures {
  readonly lines: readonly ClosingLine[];
  readonly cashFloatCents: number;
  readonly expectedTotalCents: number;
  readonly countedTotalCents: number;
  readonly differenceTotalCents: number;
  readonly movementCount: number;
}

export function zeroByMethod(): Record<PaymentMethod, number> {
  return { cash: 0, card: 0, cheque: 0, transfer: 0 };
}

export function computeClosingFigures(
  movements: Readonly<Partial<Record<PaymentMethod, MovementTotals>>>,
  counted: AmountsByMethod,
  cashFloatCents = 0
): ClosingFigures {
  const lines = paymentMethods.map((method): ClosingLine => {
    const totals = movements[method] ?? { receivedCents: 0, refundedCents: 0, count: 0 };
    const expectedCents = totals.receivedCents - totals.refundedCents + (method === 'cash' ? cashFloatCents : 0);
    return {
      method,
      receivedCents: totals.receivedCents,
      refundedCents: totals.refundedCents,
      movementCount: totals.count,
      expectedCents,
      countedCents: counted[method],
      differenceCents: counted[method] - expectedCents,
    };
  });
  const sum = (pick: (line: ClosingLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  return {
    lines,
    cashFloatCents,
    expectedTotalCents: sum((line) => line.expectedCents),
    countedTotalCents: sum((line) => line.countedCents),
    differenceTotalCents: sum((line) => line.differenceCents),
    movementCount: sum((line) => line.movementCount),
  };
}
