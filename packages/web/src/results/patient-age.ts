import type { TFunction } from 'i18next';

/**
 * Age at collection as biologists say it: days for a newborn, months before 2 years, then years
 * (reference intervals are chosen by age in days, reference-interval.ts).
 */
export function formatAge(t: TFunction, ageDays: number | null): string {
  if (ageDays === null) {
    return '—';
  }
  if (ageDays < 31) {
    return t('results.age.days', { count: ageDays });
  }
  if (ageDays < 730) {
    return t('results.age.months', { count: Math.floor(ageDays / 30.4375) });
  }
  return t('results.age.years', { count: Math.floor(ageDays / 365.25) });
}
