import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, isIsoDateString, isLeapYear, isValidCalendarDate, toIsoDate } from './calendar-date.js';

describe('calendar dates', () => {
  it.each([
    [2000, true], // divisible by 400
    [1900, false], // century not divisible by 400
    [2024, true],
    [2023, false],
  ])('leap year %i: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it.each([
    ['1965-03-12', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2000-02-30', false],
    ['2021-04-31', false],
    ['2021-12-31', true],
    ['2021-13-01', false],
    ['2021-00-10', false],
    ['2021-01-00', false],
    ['0000-01-01', false],
    ['1965-3-12', false],
    ['12/03/1965', false],
    ['1965-03-12T00:00:00Z', false],
  ])('%j is an ISO date: %s', (value, expected) => {
    expect(isIsoDateString(value)).toBe(expected);
  });

  it('builds zero-padded ISO dates and refuses impossible ones', () => {
    expect(toIsoDate(1965, 3, 1)).toBe('1965-03-01');
    expect(toIsoDate(999, 12, 31)).toBe('0999-12-31');
    expect(toIsoDate(2001, 2, 29)).toBeNull();
    expect(isValidCalendarDate(2000.5, 1, 1)).toBe(false);
  });

  it('agrees with the JavaScript calendar on every day it accepts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const date = new Date(Date.UTC(2000, m - 1, d));
          date.setUTCFullYear(y);
          const jsAgrees = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          expect(isValidCalendarDate(y, m, d)).toBe(jsAgrees);
        }
      )
    );
  });
});
