/**
 * The drawer count before a daily closing (issue 5 item 6): amounts typed per payment method,
 * checked, and set against what the day's movements say each method should hold. The server
 * computes the archived figures itself (core `computeClosingFigures`); this is the live preview.
 */
import { paymentMethods, type PaymentMethod } from '@sillage/core';
import { parseAmountToCents, type AmountError } from './billing-amount.js';
import type { ClosingFigures } from './billing-types.js';

export type CountedTexts = Record<PaymentMethod, string>;

export const emptyCountedTexts = (): CountedTexts => ({ cash: '', card: '', cheque: '', transfer: '' });

export interface CountPreviewLine {
  method: PaymentMethod;
  expectedCents: number;
  /** null while the field is empty or wrong. */
  countedCents: number | null;
  /** counted − expected (negative: missing from the drawer); null until counted. */
  differenceCents: number | null;
  error: AmountError | null;
}

export interface CountPreview {
  lines: CountPreviewLine[];
  expectedTotalCents: number;
  countedTotalCents: number | null;
  differenceTotalCents: number | null;
  /** Every method counted (an empty drawer is typed 0) and the float readable. */
  complete: boolean;
  cashFloatCents: number | null;
  cashFloatError: AmountError | null;
}

function readCount(text: string): { cents: number | null; error: AmountError | null } {
  const parsed = parseAmountToCents(text, { allowZero: true });
  if (parsed.ok) {
    return { cents: parsed.cents, error: null };
  }
  return { cents: null, error: parsed.error === 'empty' ? null : parsed.error };
}

/**
 * `expected` comes from `GET /api/cash/day` without float; the opening float (fond de caisse)
 * typed here is expected back in cash, as the server's closing does.
 */
export function previewCount(expected: ClosingFigures, counted: CountedTexts, cashFloatText: string): CountPreview {
  const float = cashFloatText.trim() === '' ? { cents: 0, error: null } : readCount(cashFloatText);
  const floatCents = float.cents ?? 0;
  const lines = paymentMethods.map((method): CountPreviewLine => {
    const line = expected.lines.find((candidate) => candidate.method === method);
    const expectedCents =
      (line?.receivedCents ?? 0) - (line?.refundedCents ?? 0) + (method === 'cash' ? floatCents : 0);
    const read = readCount(counted[method]);
    return {
      method,
      expectedCents,
      countedCents: read.cents,
      differenceCents: read.cents === null ? null : read.cents - expectedCents,
      error: read.error,
    };
  });
  const complete = float.cents !== null && lines.every((line) => line.countedCents !== null);
  const countedTotalCents = complete ? lines.reduce((sum, line) => sum + (line.countedCents ?? 0), 0) : null;
  const expectedTotalCents = lines.reduce((sum, line) => sum + line.expectedCents, 0);
  return {
    lines,
    expectedTotalCents,
    countedTotalCents,
    differenceTotalCents: countedTotalCents === null ? null : countedTotalCents - expectedTotalCents,
    complete,
    cashFloatCents: float.cents,
    cashFloatError: float.error,
  };
}

/** The `counted` body of `POST /api/cash/closings`, or null while the count is incomplete. */
export function countedCents(preview: CountPreview): Record<PaymentMethod, number> | null {
  if (!preview.complete) {
    return null;
  }
  const amounts = { cash: 0, card: 0, cheque: 0, transfer: 0 };
  for (const line of preview.lines) {
    amounts[line.method] = line.countedCents ?? 0;
  }
  return amounts;
}
