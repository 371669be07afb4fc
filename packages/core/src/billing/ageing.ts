/**
 * Ageing of open receivables (balance âgée): how many days a dispute has been waiting, put in the
 * usual 30-day buckets a billing desk chases by (0–30, 31–60, 61–90, more than 90 days).
 */
import { parseIsoDate, type IsoDate } from './iso-date.js';

export const ageingBuckets = ['0-30', '31-60', '61-90', '>90'] as const;
export type AgeingBucket = (typeof ageingBuckets)[number];

export const ageingBucketLabels: Readonly<Record<AgeingBucket, string>> = {
  '0-30': '0 à 30 jours',
  '31-60': '31 à 60 jours',
  '61-90': '61 à 90 jours',
  '>90': 'plus de 90 jours',
};

/** Whole days from `from` to `to` (negative when `to` is earlier); throws on a non-date. */
export function daysBetweenIsoDates(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (a === null || b === null) {
    throw new RangeError(`not ISO dates: ${from}, ${to}`);
  }
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Bucket of an age in days; a negative age (opened "in the future") counts as 0. */
export function ageingBucketOf(ageDays: number): AgeingBucket {
  if (ageDays <= 30) {
    return '0-30';
  }
  if (ageDays <= 60) {
    return '31-60';
  }
  return ageDays <= 90 ? '61-90' : '>90';
}
