import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageAt, ageBandDays, ageInDays } from './age.js';

describe('ageInDays / ageAt', () => {
  it.each([
    // [birth date, collection instant, days, months, years, why]
    ['2026-03-01', '2026-03-01T10:00:00+01:00', 0, 0, 0, 'J0: day of birth'],
    ['2026-03-01', '2026-03-01T23:30:00Z', 1, 0, 0, '00:30 Paris (CET) on 2 March, still 1 March in UTC'],
    ['2026-06-30', '2026-06-30T22:30:00Z', 1, 0, 0, '00:30 Paris (CEST) on 1 July'],
    ['2026-03-28', '2026-03-29T00:30:00Z', 1, 0, 0, 'DST starts on 29 March 2026 01:00 UTC: 01:30 CET'],
    ['2026-10-24', '2026-10-24T22:30:00Z', 1, 0, 0, '00:30 CEST on 25 October (DST ends at 01:00 UTC)'],
    ['2000-01-01', '2018-01-01T09:00:00+01:00', 6575, 216, 18, '18 years with 5 leap days (2000…2016)'],
    ['2001-03-01', '2019-03-01T09:00:00+01:00', 6574, 216, 18, '18 years with 4 leap days'],
    ['2024-02-29', '2025-02-28T09:00:00+01:00', 365, 11, 0, 'born 29 Feb: not yet 1 year on 28 Feb'],
    ['2024-02-29', '2025-03-01T09:00:00+01:00', 366, 12, 1, 'born 29 Feb: 1 year on 1 March'],
    ['2026-01-31', '2026-02-28T09:00:00+01:00', 28, 0, 0, 'born 31 Jan: month not completed on 28 Feb'],
    ['2026-01-31', '2026-03-01T09:00:00+01:00', 29, 1, 0, 'born 31 Jan: 1 month on 1 March'],
  ] as const)('%s at %s → %i days (%s)', (birth, at, days, months, years, _why) => {
    expect(ageAt(birth, at)).toEqual({ days, months, years });
    expect(ageInDays(birth, at)).toBe(days);
  });

  it('accepts a Date (what the database driver returns for timestamptz)', () => {
    expect(ageInDays('2026-03-01', new Date('2026-03-01T23:30:00Z'))).toBe(1);
  });

  it.each([
    ['2026-02-30', '2026-03-01T10:00:00+01:00', 'SIL_BIRTH_DATE_INVALID'],
    ['01/03/2026', '2026-03-01T10:00:00+01:00', 'SIL_BIRTH_DATE_INVALID'],
    ['2026-03-01', '2026-03-01T10:00:00', 'SIL_LAB_INSTANT_INVALID'],
    ['2026-03-01', new Date(Number.NaN), 'SIL_LAB_INSTANT_INVALID'],
    ['2026-03-02', '2026-03-01T22:59:00Z', 'SIL_LAB_BIRTH_AFTER_COLLECTION'],
  ] as const)('%s at %s → %s', (birth, at, code) => {
    expect(() => ageInDays(birth, at)).toThrowError(expect.objectContaining({ code }));
  });
});

describe('ageBandDays', () => {
  it.each([
    [{ days: 7 }, 7],
    [{ weeks: 2 }, 14],
    [{ months: 1 }, 30],
    [{ months: 6 }, 182],
    [{ years: 1 }, 365],
    [{ years: 18 }, 6574],
    [{ years: 1, months: 6 }, 365 + 182],
  ])('%o → %i days', (limit, days) => {
    expect(ageBandDays(limit)).toBe(days);
  });

  it('a band "from N years" starts on the Nth birthday or at most one day before it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1901, max: 2019 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 79 }),
        (year, month, dayOfMonth, years) => {
          fc.pre(year + years < 2100); // 2100 is not a leap year: out of the 4-year rhythm
          const day = Math.min(dayOfMonth, new Date(Date.UTC(year, month, 0)).getUTCDate());
          const birth = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          // Anniversary; 29 February falls on 1 March in common years.
          const anniversary = new Date(Date.UTC(year + years, month - 1, day));
          const iso = anniversary.toISOString().slice(0, 10);
          const atBirthday = ageInDays(birth, `${iso}T12:00:00+01:00`);
          const gap = atBirthday - ageBandDays({ years });
          expect(gap === 0 || gap === 1).toBe(true);
          expect(ageAt(birth, `${iso}T12:00:00+01:00`).years).toBe(years);
        }
      )
    );
  });
});
