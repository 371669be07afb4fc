/**
 * Dates as people type them at a French desk: `12/03/1965`, `12.03.1965`, `12-3-1965`, `12031965`,
 * `12/03/65` — day first (French usage) — and ISO `1965-03-12` when pasted. Output is ISO 8601
 * (YYYY-MM-DD), which the API expects.
 */

export type TypedDateError = 'empty' | 'format' | 'invalid';

export type TypedDateResult = { ok: true; iso: string } | { ok: false; error: TypedDateError };

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isLeapYear(year: number): boolean {
  // Gregorian calendar rule.
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return lengths[month - 1] ?? 0;
}

/**
 * A two-digit year is read as the most recent such year not after `today` (65 → 1965 in 2025,
 * 24 → 2024): typed dates are birth dates or past events.
 */
function expandTwoDigitYear(twoDigits: number, today: Date): number {
  const currentYear = today.getFullYear();
  const century = Math.floor(currentYear / 100) * 100;
  const candidate = century + twoDigits;
  return candidate > currentYear ? candidate - 100 : candidate;
}

function toResult(year: number, month: number, day: number): TypedDateResult {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, error: 'invalid' };
  }
  return { ok: true, iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

export function parseTypedDate(input: string, today: Date = new Date()): TypedDateResult {
  const text = input.trim();
  if (text === '') {
    return { ok: false, error: 'empty' };
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    return toResult(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  }
  const separated = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4}|\d{2})$/.exec(text);
  const compact = /^(\d{2})(\d{2})(\d{4}|\d{2})$/.exec(text);
  const match = separated ?? compact;
  if (!match) {
    return { ok: false, error: 'format' };
  }
  const yearText = match[3] ?? '';
  const year = yearText.length === 2 ? expandTwoDigitYear(Number(yearText), today) : Number(yearText);
  return toResult(year, Number(match[2]), Number(match[1]));
}

/** `1965-03-12` → `12/03/1965`; anything else is returned unchanged. */
export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** Today's date in the browser's time zone, as YYYY-MM-DD. */
export function localIsoDate(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

/** ISO dates compare as strings. */
export function isAfterToday(iso: string, now: Date = new Date()): boolean {
  return iso > localIsoDate(now);
}
