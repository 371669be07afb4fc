import { describe, expect, it } from 'vitest';
import { daysInMonth, formatIsoDate, isAfterToday, localIsoDate, parseTypedDate } from './typed-date.js';

const today = new Date(2025, 5, 15); // 15 June 2025, local time

describe('parseTypedDate', () => {
  it.each([
    ['12/03/1965', '1965-03-12'],
    ['12.03.1965', '1965-03-12'],
    ['12-03-1965', '1965-03-12'],
    ['12 03 1965', '1965-03-12'],
    ['1/3/1965', '1965-03-01'],
    ['  12/03/1965  ', '1965-03-12'],
    ['12031965', '1965-03-12'],
    ['1965-03-12', '1965-03-12'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['31/12/1899', '1899-12-31'],
  ])('%s → %s', (typed, iso) => {
    expect(parseTypedDate(typed, today)).toEqual({ ok: true, iso });
  });

  it.each([
    ['12/03/65', '1965-03-12'],
    ['120365', '1965-03-12'],
    ['01/01/25', '2025-01-01'],
    ['01/01/26', '1926-01-01'],
  ])('reads a two-digit year as the latest past one: %s → %s', (typed, iso) => {
    expect(parseTypedDate(typed, today)).toEqual({ ok: true, iso });
  });

  it.each([
    ['31/02/1965'],
    ['29/02/2023'],
    ['29/02/1900'],
    ['31/04/1990'],
    ['00/01/1990'],
    ['12/13/1990'],
    ['12/00/1990'],
    ['1965-02-30'],
    ['01/01/0999'],
  ])('rejects the impossible date %s', (typed) => {
    expect(parseTypedDate(typed, today)).toEqual({ ok: false, error: 'invalid' });
  });

  it.each([['DUPONT'], ['12/03'], ['12/03/19655'], ['1203196'], ['12//03/1965'], ['12/03/1965 10:00'], ['1965/03/12']])(
    'rejects the malformed input %s',
    (typed) => {
      expect(parseTypedDate(typed, today)).toEqual({ ok: false, error: 'format' });
    }
  );

  it('reports an empty input apart', () => {
    expect(parseTypedDate('   ', today)).toEqual({ ok: false, error: 'empty' });
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2023, 4, 30],
    [2023, 12, 31],
    [2023, 13, 0],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('formatIsoDate / localIsoDate / isAfterToday', () => {
  it('formats ISO dates the French way', () => {
    expect(formatIsoDate('1965-03-12')).toBe('12/03/1965');
    expect(formatIsoDate('not a date')).toBe('not a date');
  });

  it('compares with the local calendar day', () => {
    expect(localIsoDate(today)).toBe('2025-06-15');
    expect(isAfterToday('2025-06-15', today)).toBe(false);
    expect(isAfterToday('2025-06-16', today)).toBe(true);
  });
});
