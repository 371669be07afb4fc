import { describe, expect, it } from 'vitest';
import { ageingBucketOf, daysBetweenIsoDates } from './ageing.js';

describe('ageing buckets', () => {
  it.each([
    [0, '0-30'],
    [30, '0-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '>90'],
    [400, '>90'],
    [-2, '0-30'],
  ] as const)('%d days → %s', (days, bucket) => {
    expect(ageingBucketOf(days)).toBe(bucket);
  });

  it.each([
    ['2026-01-01', '2026-01-31', 30],
    ['2026-01-31', '2026-03-02', 30], // 2026 is not a leap year: February has 28 days
    ['2024-02-28', '2024-03-01', 2], // 2024 is
    ['2026-03-28', '2026-03-30', 2], // across the spring DST change: whole days, not 47 hours
    ['2026-03-02', '2026-03-01', -1],
  ] as const)('%s → %s is %d days', (from, to, days) => {
    expect(daysBetweenIsoDates(from, to)).toBe(days);
  });

  it('refuses a non-date', () => {
    expect(() => daysBetweenIsoDates('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});
