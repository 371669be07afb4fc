import { describe, expect, it } from 'vitest';
import { deriveOrderStatus, type OrderResultState } from './order-status.js';

function r(status: OrderResultState['status'], specimenStatus: OrderResultState['specimenStatus']): OrderResultState {
  return { status, specimenStatus };
}

describe('deriveOrderStatus', () => {
  it.each([
    ['no result yet', [], false, 'awaiting_specimens'],
    ['tubes expected', [r('pending', 'expected'), r('pending', 'expected')], false, 'awaiting_specimens'],
    ['tubes collected, not received', [r('pending', 'collected')], false, 'awaiting_specimens'],
    ['a rejected tube waits for a new one', [r('pending', 'rejected')], false, 'awaiting_specimens'],
    ['one tube received', [r('pending', 'received'), r('pending', 'expected')], false, 'in_progress'],
    ['a result entered', [r('entered', 'in_analysis'), r('pending', 'collected')], false, 'in_progress'],
    ['sent back for rerun', [r('rejected_by_biologist', 'stored')], false, 'in_progress'],
    [
      'some validated',
      [r('biologically_validated', 'in_analysis'), r('technically_validated', 'in_analysis')],
      false,
      'partially_validated',
    ],
    ['released counts as validated', [r('released', 'stored'), r('entered', 'stored')], false, 'partially_validated'],
    [
      'all validated, cancelled ones ignored',
      [r('biologically_validated', 'stored'), r('released', 'stored'), r('cancelled', 'rejected')],
      false,
      'complete',
    ],
    ['complete report delivered', [r('released', 'stored'), r('released', 'stored')], true, 'delivered'],
    [
      'delivery of a partial report does not make it delivered',
      [r('released', 'stored'), r('entered', 'stored')],
      true,
      'partially_validated',
    ],
    ['everything cancelled', [r('cancelled', 'expected'), r('cancelled', null)], false, 'cancelled'],
  ] as const)('%s → %s', (_why, results, completeReportDelivered, status) => {
    expect(deriveOrderStatus({ results, completeReportDelivered })).toBe(status);
  });
});
