/**
 * Age band limits as biologists write them (« 1 mois », « 18 ans », « 28 jours ») ↔ the days the
 * API stores. Same convention as the starter catalogue (server starter-analyte-builders.ts):
 * a year is 365.25 days and a month a twelfth of it, rounded to the day, so « 18 ans » is the
 * seed's adult band (6575 days) and a value read back shows in the unit it was entered in.
 */
export const ageUnits = ['days', 'months', 'years'] as const;
export type AgeUnit = (typeof ageUnits)[number];

const daysPerUnit: Record<AgeUnit, number> = { days: 1, months: 365.25 / 12, years: 365.25 };

export interface AgeLimit {
  value: number;
  unit: AgeUnit;
}

/** Days for an age limit (rounded to the day; the API wants whole days). */
export function ageLimitToDays(limit: AgeLimit): number {
  return Math.round(limit.value * daysPerUnit[limit.unit]);
}

/**
 * The largest unit that gives back exactly `days` (whole years, else whole months, else days):
 * 6575 → 18 ans, 365 → 1 an, 30 → 1 mois, 31 → 31 jours, 0 → 0 jour.
 */
export function daysToAgeLimit(days: number): AgeLimit {
  if (days > 0) {
    for (const unit of ['years', 'months'] as const) {
      const value = Math.round(days / daysPerUnit[unit]);
      if (value > 0 && ageLimitToDays({ value, unit }) === days) {
        return { value, unit };
      }
    }
  }
  return { value: days, unit: 'days' };
}
