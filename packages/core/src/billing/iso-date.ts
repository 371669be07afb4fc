/**
 * Calendar dates as ISO-8601 `YYYY-MM-DD` strings. They compare correctly as strings, so validity
 * periods are checked with `<=` on the text; no time zone is attached (a date is a Paris local day
 * once it reaches billing, see `paris-time.ts`).
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (proleptic Gregorian calendar).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Year, month (1–12) and day of a valid ISO date, or `null`. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(text);
  if (match === null) {
    return null;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `date` shifted by `days` (may be negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const parts = parseIsoDate(date);
  if (parts === null) {
    throw new RangeError(`not an ISO date: ${date}`);
  }
  const shifted = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days));
  return formatIsoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** True when `date` lies in [from, to], both inclusive, a `null` bound being open. */
export function isWithin(date: IsoDate, from: IsoDate | null, to: IsoDate | null): boolean {
  return (from === null || from <= date) && (to === null || date <= to);
}

/**
 * Age in completed years at `on`. Someone born on 29 February completes a year on 1 March in
 * common years (the day after 28 February), the usual civil-law reading of "jour anniversaire".
 */
export function ageInYears(birthDate: IsoDate, on: IsoDate): number | null {
  const birth = parseIsoDate(birthDate);
  const day = parseIsoDate(on);
  if (birth === null || day === null || birthDate > on) {
    return null;
  }
  let age = day.year - birth.year;
  if (day.month < birth.month || (day.month === birth.month && day.day < birth.day)) {
    age -= 1;
  }
  return age;
}
