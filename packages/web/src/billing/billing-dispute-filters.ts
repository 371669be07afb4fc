/**
 * What the disputes page shows: the server filters by status and assignee; ageing bucket,
 * "unassigned" and "overdue" are narrowed here, on the list already loaded. The ageing summary is
 * computed on the list as filtered (except by bucket, which it is used to pick), so its figures
 * always match the rows under it.
 */
import { ageingBuckets, type AgeingBucket } from '@sillage/core';
import type { DisputeListQuery, DisputeStatus, DisputeView } from './billing-dispute-api.js';

export type AssigneeFilter = 'all' | 'me' | 'none';

export interface DisputeFilters {
  status: DisputeStatus | 'all';
  assignee: AssigneeFilter;
  bucket: AgeingBucket | 'all';
  overdueOnly: boolean;
}

export const defaultDisputeFilters: DisputeFilters = {
  status: 'open',
  assignee: 'all',
  bucket: 'all',
  overdueOnly: false,
};

export function disputeListQueryOf(filters: DisputeFilters, myUserId: string): DisputeListQuery {
  return filters.assignee === 'me' ? { status: filters.status, assigneeId: myUserId } : { status: filters.status };
}

/** The rows before the bucket is picked: assignee "none" and overdue narrowed locally. */
function narrowed(items: readonly DisputeView[], filters: DisputeFilters): DisputeView[] {
  return items.filter(
    (item) => (filters.assignee !== 'none' || item.assignee === null) && (!filters.overdueOnly || item.overdue)
  );
}

/** Rows to show, oldest first: the longest-waiting disputes are chased first. */
export function visibleDisputes(items: readonly DisputeView[], filters: DisputeFilters): DisputeView[] {
  return narrowed(items, filters)
    .filter((item) => filters.bucket === 'all' || item.ageingBucket === filters.bucket)
    .sort((a, b) => b.ageDays - a.ageDays || a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

export interface AgeingLine {
  bucket: AgeingBucket;
  count: number;
  amountCents: number;
}

/** Open disputes by age bucket (0–30, 31–60, 61–90, > 90 days), every bucket present, in order. */
export function ageingSummary(items: readonly DisputeView[], filters: DisputeFilters): AgeingLine[] {
  const open = narrowed(items, filters).filter((item) => item.status === 'open');
  return ageingBuckets.map((bucket) => {
    const inBucket = open.filter((item) => item.ageingBucket === bucket);
    return {
      bucket,
      count: inBucket.length,
      amountCents: inBucket.reduce((sum, item) => sum + item.amountCents, 0),
    };
  });
}

/** Mantine colour of a bucket: the older, the hotter. */
export const ageingBucketColors: Readonly<Record<AgeingBucket, string>> = {
  '0-30': 'teal',
  '31-60': 'yellow',
  '61-90': 'orange',
  '>90': 'red',
};

/** i18n key of each bucket under `disputes.ageing.buckets` (keys stay plain words). */
export const ageingBucketKeys = {
  '0-30': 'upTo30',
  '31-60': 'from31to60',
  '61-90': 'from61to90',
  '>90': 'over90',
} as const satisfies Record<AgeingBucket, string>;
