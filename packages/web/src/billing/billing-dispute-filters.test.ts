import { ageingBucketOf } from '@sillage/core';
import { describe, expect, it } from 'vitest';
import type { DisputeView } from './billing-dispute-api.js';
import {
  ageingSummary,
  defaultDisputeFilters,
  disputeListQueryOf,
  visibleDisputes,
  type DisputeFilters,
} from './billing-dispute-filters.js';

let counter = 0;
function dispute(ageDays: number, overrides: Partial<DisputeView> = {}): DisputeView {
  counter++;
  return {
    id: `d${String(counter).padStart(3, '0')}`,
    invoiceId: 'i',
    invoiceNumber: `F2026-${String(counter).padStart(6, '0')}`,
    patientId: 'p',
    patientName: 'DUPONT Marie',
    payer: 'AMO',
    rejectionCode: 'R12',
    rejectionReason: null,
    amountCents: 1000,
    status: 'open',
    openedOn: '2026-01-01',
    dueDate: '2026-01-31',
    overdue: ageDays > 30,
    ageDays,
    // The server's bucket (core's rule, shared): 0–30, 31–60, 61–90, > 90 days.
    ageingBucket: ageingBucketOf(ageDays),
    assignee: null,
    resolutionReason: null,
    resolvedAt: null,
    resolvedBy: null,
    version: 1,
    ...overrides,
  };
}

const filters = (overrides: Partial<DisputeFilters> = {}): DisputeFilters => ({
  ...defaultDisputeFilters,
  ...overrides,
});

describe('disputes page: filters and ageing', () => {
  const me = { id: 'u-me', name: 'Moi' };
  const items = [
    dispute(0, { amountCents: 870 }),
    dispute(30, { amountCents: 130, assignee: me }),
    dispute(31, { amountCents: 405 }),
    dispute(60, { amountCents: 595, assignee: me }),
    dispute(61, { amountCents: 1200 }),
    dispute(90, { amountCents: 300 }),
    dispute(91, { amountCents: 2500, assignee: me }),
    dispute(400, { amountCents: 100, status: 'written_off' }),
  ];

  it('sums the open disputes per bucket at the 30/60/90-day boundaries, every bucket listed in order', () => {
    expect(ageingSummary(items, filters({ status: 'all' }))).toEqual([
      { bucket: '0-30', count: 2, amountCents: 1000 },
      { bucket: '31-60', count: 2, amountCents: 1000 },
      { bucket: '61-90', count: 2, amountCents: 1500 },
      // The written-off dispute of 400 days is not a receivable any more.
      { bucket: '>90', count: 1, amountCents: 2500 },
    ]);
    expect(ageingSummary([], filters()).map((line) => line.count)).toEqual([0, 0, 0, 0]);
  });

  it('narrows by bucket, unassigned and overdue; the oldest first', () => {
    expect(visibleDisputes(items, filters({ bucket: '31-60' })).map((d) => d.ageDays)).toEqual([60, 31]);
    expect(visibleDisputes(items, filters({ assignee: 'none' })).map((d) => d.ageDays)).toEqual([400, 90, 61, 31, 0]);
    expect(
      visibleDisputes(items, filters({ overdueOnly: true, assignee: 'none', bucket: '>90' })).map((d) => d.ageDays)
    ).toEqual([400]);
  });

  it('the summary follows the assignee filter but not the bucket it is used to pick', () => {
    const mine = items.filter((d) => d.assignee !== null);
    const summary = ageingSummary(mine, filters({ assignee: 'me', bucket: '0-30' }));
    expect(summary.map((line) => line.count)).toEqual([1, 1, 0, 1]);
  });

  it('asks the server for the status, and for my disputes only when "mine" is picked', () => {
    expect(disputeListQueryOf(filters(), 'u-me')).toEqual({ status: 'open' });
    expect(disputeListQueryOf(filters({ status: 'all', assignee: 'me' }), 'u-me')).toEqual({
      status: 'all',
      assigneeId: 'u-me',
    });
    expect(disputeListQueryOf(filters({ assignee: 'none' }), 'u-me')).toEqual({ status: 'open' });
  });
});
