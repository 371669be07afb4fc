/**
 * French public holidays (jours fériés), computed — the NABM art. 6 urgent supplement applies on
 * "un jour férié". Lists: Code du travail art. L3133-1 (eleven national holidays) and, for sites in
 * Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle), art. L3134-13 (Vendredi saint, 26 décembre).
 * Overseas departments add a day commemorating the abolition of slavery (art. L3133-1, 7°) whose
 * date differs by department (Guadeloupe and Martinique do not share it, so the "antilles" territory
 * cannot tell which): not computed here.
 */
import { addDays, formatIsoDate, type IsoDate } from './iso-date.js';

export interface FrenchHoliday {
  readonly date: IsoDate;
  readonly name: string;
}

/** Easter Sunday of the Gregorian calendar (anonymous algorithm, Meeus / Jones / Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

/** Holidays of `year`, sorted by date. */
export function frenchPublicHolidays(year: number, options: { alsaceMoselle?: boolean } = {}): FrenchHoliday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number, name: string): FrenchHoliday => ({
    date: formatIsoDate(year, month, day),
    name,
  });
  const holidays: FrenchHoliday[] = [
    fixed(1, 1, 'Jour de l’an'),
    { date: addDays(easter, 1), name: 'Lundi de Pâques' },
    fixed(5, 1, 'Fête du travail'),
    fixed(5, 8, 'Victoire 1945'),
    { date: addDays(easter, 39), name: 'Ascension' },
    { date: addDays(easter, 50), name: 'Lundi de Pentecôte' },
    fixed(7, 14, 'Fête nationale'),
    fixed(8, 15, 'Assomption'),
    fixed(11, 1, 'Toussaint'),
    fixed(11, 11, 'Armistice 1918'),
    fixed(12, 25, 'Noël'),
  ];
  if (options.alsaceMoselle === true) {
    holidays.push({ date: addDays(easter, -2), name: 'Vendredi saint (Alsace-Moselle)' });
    holidays.push(fixed(12, 26, 'Saint-Étienne (Alsace-Moselle)'));
  }
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** The holiday falling on `date`, if any. */
export function frenchPublicHolidayOn(date: IsoDate, options: { alsaceMoselle?: boolean } = {}): FrenchHoliday | null {
  const year = Number(date.slice(0, 4));
  return frenchPublicHolidays(year, options).find((holiday) => holiday.date === date) ?? null;
}
