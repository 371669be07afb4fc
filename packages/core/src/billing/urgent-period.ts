/**
 * When an urgent order earns the NABM art. 6 supplement: « actes effectués en urgence, sur
 * prescription médicale, la nuit, le samedi à partir de 12 heures, le dimanche ou un jour férié »,
 * judged on the Paris wall clock of the acts.
 */
import { frenchPublicHolidayOn } from './french-holidays.js';
import type { ParisLocalTime } from './paris-time.js';

export type UrgentPeriod =
  | { readonly kind: 'night' }
  | { readonly kind: 'saturday-afternoon' }
  | { readonly kind: 'sunday' }
  | { readonly kind: 'holiday'; readonly holidayName: string };

export interface UrgentPeriodHours {
  readonly nightStartsAtHour: number;
  readonly nightEndsAtHour: number;
  readonly saturdayFromHour: number;
}

/** The period that makes an urgent act eligible, night first (its supplement code is distinct), or `null` in working hours. */
export function urgentPeriodOf(
  local: ParisLocalTime,
  hours: UrgentPeriodHours,
  options: { alsaceMoselle?: boolean } = {}
): UrgentPeriod | null {
  if (local.hour >= hours.nightStartsAtHour || local.hour < hours.nightEndsAtHour) {
    return { kind: 'night' };
  }
  if (local.weekday === 0) {
    return { kind: 'sunday' };
  }
  const holiday = frenchPublicHolidayOn(local.date, options);
  if (holiday !== null) {
    return { kind: 'holiday', holidayName: holiday.name };
  }
  if (local.weekday === 6 && local.hour >= hours.saturdayFromHour) {
    return { kind: 'saturday-afternoon' };
  }
  return null;
}

export function describeUrgentPeriod(period: UrgentPeriod): string {
  switch (period.kind) {
    case 'night':
      return 'la nuit';
    case 'saturday-afternoon':
      return 'le samedi après 12 h';
    case 'sunday':
      return 'un dimanche';
    case 'holiday':
      return `un jour férié (${period.holidayName})`;
  }
}
