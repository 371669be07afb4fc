import { describe, expect, it } from 'vitest';
import { daysBetween, hoursBetween, labInstantToEpochMs, parisDateOf } from './lab-instant.js';

describe('lab instants', () => {
  it.each([
    ['2026-03-10T08:00:00+01:00', Date.UTC(2026, 2, 10, 7)],
    ['2026-03-10T07:00:00Z', Date.UTC(2026, 2, 10, 7)],
    ['2026-03-10T07:00:00.250Z', Date.UTC(2026, 2, 10, 7, 0, 0, 250)],
    ['2026-03-10T08:00:00', null], // no offset: ambiguous, refused
    ['2026-02-30T08:00:00Z', null],
    ['hier', null],
  ])('%s → %s', (text, expected) => {
    expect(labInstantToEpochMs(text)).toBe(expected);
  });

  it('accepts Date objects and refuses invalid ones', () => {
    expect(labInstantToEpochMs(new Date(0))).toBe(0);
    expect(labInstantToEpochMs(new Date(Number.NaN))).toBeNull();
  });

  it.each([
    ['2026-03-10T22:59:59Z', '2026-03-10'],
    ['2026-03-10T23:00:00Z', '2026-03-11'], // midnight CET
    ['2026-08-10T22:00:00Z', '2026-08-11'], // midnight CEST
    ['2026-08-10T21:59:59Z', '2026-08-10'],
  ])('Paris day of %s is %s', (instant, day) => {
    expect(parisDateOf(instant)).toBe(day);
  });

  it('elapsed hours and days', () => {
    expect(hoursBetween('2026-03-10T08:00:00+01:00', '2026-03-10T10:30:00+01:00')).toBe(2.5);
    expect(daysBetween('2026-03-01T08:00:00+01:00', '2026-03-10T08:00:00+01:00')).toBe(9);
    // Across the switch to summer time (29 March 2026): 24 wall-clock hours are 23 real hours.
    expect(hoursBetween('2026-03-28T12:00:00+01:00', '2026-03-29T12:00:00+02:00')).toBe(23);
  });

  it('throws SIL_LAB_INSTANT_INVALID on a bad instant', () => {
    expect(() => parisDateOf('2026-03-10')).toThrowError(expect.objectContaining({ code: 'SIL_LAB_INSTANT_INVALID' }));
  });
});
