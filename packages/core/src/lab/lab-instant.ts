/**
 * Instants as the lab rules receive them: an ISO-8601 date-time that carries its offset
 * (`2026-03-02T08:15:00+01:00`, `…Z`) or a `Date` (what the database driver returns for
 * `timestamptz`). A local time without offset is refused: it is ambiguous twice a year in Paris.
 */
import { SillageError } from '../errors/sillage-error.js';
import { parseIsoInstant, toParisLocalTime } from '../billing/paris-time.js';

export type LabInstant = string | Date;

const DAY_MS = 86_400_000;

/** Epoch milliseconds of an instant, or `null` when it is not a valid one. */
export function labInstantToEpochMs(instant: LabInstant): number | null {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    return Number.isFinite(ms) ? ms : null;
  }
  return parseIsoInstant(instant);
}

/** Epoch milliseconds of an instant; throws `SIL_LAB_INSTANT_INVALID` when it is not a valid one. */
export function requireLabInstant(instant: LabInstant): number {
  const ms = labInstantToEpochMs(instant);
  if (ms === null) {
    throw new SillageError('SIL_LAB_INSTANT_INVALID', { detail: String(instant) });
  }
  return ms;
}

/** The Europe/Paris calendar day (`YYYY-MM-DD`) of an instant: the lab's day. */
export function parisDateOf(instant: LabInstant): string {
  return toParisLocalTime(requireLabInstant(instant)).date;
}

/** Elapsed time between two instants in (fractional) hours, `to − from`. */
export function hoursBetween(from: LabInstant, to: LabInstant): number {
  return (requireLabInstant(to) - requireLabInstant(from)) / 3_600_000;
}

/** Elapsed time between two instants in (fractional) days, `to − from`. */
export function daysBetween(from: LabInstant, to: LabInstant): number {
  return (requireLabInstant(to) - requireLabInstant(from)) / DAY_MS;
}
