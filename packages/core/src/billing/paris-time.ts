/**
 * Europe/Paris local time computed without a time-zone database (core does no I/O and must give
 * the same answer in the browser and on any server whatever its TZ setting).
 *
 * Rule: UTC+1 (CET), and UTC+2 (CEST) from the last Sunday of March 01:00 UTC to the last Sunday
 * of October 01:00 UTC — Directive 2000/84/EC art. 2 and 3, applied in France since 1996. Dates
 * before 1996 are out of scope for billing.
 */
import { formatIsoDate, type IsoDate } from './iso-date.js';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

const HOUR_MS = 3_600_000;

/** Day of week as `Date#getUTCDay`: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface ParisLocalTime {
  readonly date: IsoDate;
  readonly hour: number;
  readonly minute: number;
  readonly weekday: Weekday;
  /** Offset from UTC in hours: 1 (winter) or 2 (summer). */
  readonly utcOffsetHours: 1 | 2;
}

/**
 * Milliseconds since the epoch for an ISO-8601 date-time that carries its offset (`Z` or ±hh:mm),
 * or `null` when the text is not one (a local time without offset is ambiguous and refused).
 */
export function parseIsoInstant(text: string): number | null {
  const m = ISO_INSTANT.exec(text);
  if (m === null) {
    return null;
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls day 31 of a 30-day month over: reject instead of guessing.
  if (new Date(local).getUTCDate() !== day) {
    return null;
  }
  const zone = m[8] ?? 'Z';
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const offsetHours = Number(zone.slice(1, 3));
    const offsetMins = Number(zone.slice(4, 6));
    if (offsetHours > 23 || offsetMins > 59) {
      return null;
    }
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  }
  return local - offsetMinutes * 60_000;
}

/** UTC instant of the last Sunday of `month` (1–12) of `year` at 01:00 UTC. */
function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  const day = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month - 1, day, 1, 0, 0);
}

/** Paris offset from UTC (hours) at an instant. */
export function parisUtcOffsetHours(epochMs: number): 1 | 2 {
  const year = new Date(epochMs).getUTCFullYear();
  const summerStart = lastSundayAt0100Utc(year, 3);
  const summerEnd = lastSundayAt0100Utc(year, 10);
  return epochMs >= summerStart && epochMs < summerEnd ? 2 : 1;
}

/** Paris wall-clock date and time of an instant given as epoch milliseconds. */
export function toParisLocalTime(epochMs: number): ParisLocalTime {
  const utcOffsetHours = parisUtcOffsetHours(epochMs);
  const wall = new Date(epochMs + utcOffsetHours * HOUR_MS);
  return {
    date: formatIsoDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    weekday: wall.getUTCDay() as Weekday,
    utcOffsetHours,
  };
}

/** Paris local time of an ISO-8601 date-time with offset, or `null` if the text is not one. */
export function parisLocalTimeOf(isoDateTime: string): ParisLocalTime | null {
  const epochMs = parseIsoInstant(isoDateTime);
  return epochMs === null ? null : toParisLocalTime(epochMs);
}
