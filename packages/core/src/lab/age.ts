/**
 * A patient's age at the collection of a specimen, as reference intervals need it "down to days"
 * (neonates: an interval for day 0–1 differs from day 2–7). The age is counted on calendar days:
 * the birth date is a civil date, the collection an instant, read as its Europe/Paris calendar day
 * (a tube drawn at 00:30 Paris time on 2 March is drawn on 2 March, whatever the server's TZ).
 */
import { SillageError } from '../errors/sillage-error.js';
import { parseIsoDate } from '../billing/iso-date.js';
import { parisDateOf, type LabInstant } from './lab-instant.js';

export interface AgeAt {
  /** Completed days: 0 on the day of birth (J0). */
  readonly days: number;
  /** Completed months (a month is completed on the same day of a later month). */
  readonly months: number;
  /** Completed years. */
  readonly years: number;
}

interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function requireBirthDate(birthDate: string): CivilDate {
  const parsed = parseIsoDate(birthDate);
  if (parsed === null) {
    throw new SillageError('SIL_BIRTH_DATE_INVALID', { detail: birthDate });
  }
  return parsed;
}

function dayNumber(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
}

function civilDateAt(atInstant: LabInstant): CivilDate {
  // parisDateOf validates the instant (SIL_LAB_INSTANT_INVALID) and always yields a valid ISO date.
  return parseIsoDate(parisDateOf(atInstant)) as CivilDate;
}

function completedMonths(birth: CivilDate, on: CivilDate): number {
  const months = (on.year - birth.year) * 12 + (on.month - birth.month);
  // Someone born on the 31st (or on 29 February) completes the month on the 1st of the next month
  // when the target month is shorter: the "jour anniversaire" reading billing's ageInYears uses too.
  return on.day < birth.day ? months - 1 : months;
}

/**
 * Age at an instant in completed days, months and years. Throws `SIL_BIRTH_DATE_INVALID`,
 * `SIL_LAB_INSTANT_INVALID`, or `SIL_LAB_BIRTH_AFTER_COLLECTION` when the Paris day of the instant
 * precedes the birth date.
 */
export function ageAt(birthDate: string, atInstant: LabInstant): AgeAt {
  const birth = requireBirthDate(birthDate);
  const on = civilDateAt(atInstant);
  const days = dayNumber(on) - dayNumber(birth);
  if (days < 0) {
    throw new SillageError('SIL_LAB_BIRTH_AFTER_COLLECTION', { detail: `${birthDate} > ${String(atInstant)}` });
  }
  const months = completedMonths(birth, on);
  return { days, months, years: Math.floor(months / 12) };
}

/** Age in completed days at an instant (0 on the day of birth). Same errors as `ageAt`. */
export function ageInDays(birthDate: string, atInstant: LabInstant): number {
  return ageAt(birthDate, atInstant).days;
}

/**
 * A catalogue age-band limit written in years/months/weeks/days, as days for `ReferenceInterval`.
 * Years count 365.25 days and months 30.4375 days (the Gregorian averages), rounded down: a band
 * "from 18 years" then starts on the 18th birthday or at most one day before it (18 years hold 4 or
 * 5 leap days; floor(18 × 365.25) = 6574 = 18 × 365 + 4). Neonatal bands should be written in days.
 */
export function ageBandDays(limit: {
  readonly years?: number;
  readonly months?: number;
  readonly weeks?: number;
  readonly days?: number;
}): number {
  const { years = 0, months = 0, weeks = 0, days = 0 } = limit;
  return Math.floor(years * 365.25) + Math.floor(months * 30.4375) + weeks * 7 + days;
}
