import { describe, expect, it } from 'vitest';
import { easterSunday, frenchPublicHolidayOn, frenchPublicHolidays } from './french-holidays.js';

describe('French public holidays (Code du travail L3133-1; Alsace-Moselle L3134-13)', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('Easter %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('2025: Easter Monday 21 April, Ascension 29 May, Whit Monday 9 June', () => {
    const dates = frenchPublicHolidays(2025).map((holiday) => holiday.date);
    expect(dates).toEqual([
      '2025-01-01',
      '2025-04-21',
      '2025-05-01',
      '2025-05-08',
      '2025-05-29',
      '2025-06-09',
      '2025-07-14',
      '2025-08-15',
      '2025-11-01',
      '2025-11-11',
      '2025-12-25',
    ]);
  });

  it('Alsace-Moselle adds Good Friday and 26 December', () => {
    expect(frenchPublicHolidayOn('2025-04-18')).toBeNull();
    expect(frenchPublicHolidayOn('2025-04-18', { alsaceMoselle: true })?.name).toMatch(/Vendredi saint/);
    expect(frenchPublicHolidayOn('2025-12-26')).toBeNull();
    expect(frenchPublicHolidayOn('2025-12-26', { alsaceMoselle: true })).not.toBeNull();
    expect(frenchPublicHolidays(2025, { alsaceMoselle: true })).toHaveLength(13);
  });

  it('an ordinary day is not a holiday', () => {
    expect(frenchPublicHolidayOn('2025-06-02')).toBeNull();
  });
});
