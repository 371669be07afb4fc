/**
 * Calendar dates as the identity traits carry them: `YYYY-MM-DD` strings (ISO 8601 calendar date,
 * no time, no zone — a birth date is a civil date, not an instant). Pure arithmetic, no `Date`
 * parsing, so `2000-02-31` is rejected instead of silently rolling over to 2 March.
 */

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  // Gregorian rule: every 4th year, except centuries not divisible by 400.
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when year/month/day name a real day of the Gregorian calendar (year 1–9999). */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    return false;
  }
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  return day <= daysInMonth(year, month);
}

/** `YYYY-MM-DD` with a real calendar day. */
export function isIsoDateString(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (match === null) {
    return false;
  }
  return isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Builds `YYYY-MM-DD`, or null when the parts do not name a real day. */
export function toIsoDate(year: number, month: number, day: number): string | null {
  if (!isValidCalendarDate(year, month, day)) {
    return null;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
