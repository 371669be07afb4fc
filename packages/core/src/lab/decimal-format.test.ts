import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimalFr, roundHalfAwayFromZero, toPlainDecimalString } from './decimal-format.js';

describe('roundHalfAwayFromZero (IEEE 754-2008 roundTiesToAway, on the decimal shown)', () => {
  it.each([
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [0.125, 2, 0.13],
    [-0.125, 2, -0.13],
    // 1.005 is stored as 1.00499999999999989…: (1.005).toFixed(2) gives "1.00", the lab expects 1.01.
    [1.005, 2, 1.01],
    // 8.345 is stored as 8.34499999999999975…: toFixed gives "8.34".
    [8.345, 2, 8.35],
    [1.0049, 2, 1],
    [9.995, 2, 10],
    [99.95, 1, 100],
    [123456.789, 1, 123456.8],
    [1e-7, 3, 0],
    [70.16394584660105, 0, 70],
    [12, 3, 12],
  ])('%d to %i decimals → %d', (value, decimals, expected) => {
    expect(roundHalfAwayFromZero(value, decimals)).toBe(expected);
  });

  it('never returns −0', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0, 2), 0)).toBe(true);
  });

  it.each([-1, 1.5, 11, Number.NaN])('refuses %d decimals', (decimals) => {
    expect(() => roundHalfAwayFromZero(1, decimals)).toThrow(RangeError);
  });

  it('is within half a unit of the last place, idempotent and symmetric', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (value, decimals) => {
          const rounded = roundHalfAwayFromZero(value, decimals);
          expect(Math.abs(rounded - value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
          expect(roundHalfAwayFromZero(rounded, decimals)).toBe(rounded);
          expect(roundHalfAwayFromZero(-value, decimals) + rounded).toBe(0);
        }
      )
    );
  });
});

describe('toPlainDecimalString', () => {
  it.each([
    [12.5, '12.5'],
    [1e-7, '0.0000001'],
    [-1.5e-10, '-0.00000000015'],
    [1e21, '1000000000000000000000'],
    [1.25e21, '1250000000000000000000'],
    [-0, '0'],
  ])('%d → %s', (value, expected) => {
    expect(toPlainDecimalString(value)).toBe(expected);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %d', (value) => {
    expect(() => toPlainDecimalString(value)).toThrow(RangeError);
  });
});

describe('formatDecimalFr', () => {
  it.each([
    [12.5, 2, false, '12,50'],
    [5.05, 2, false, '5,05'],
    [0.5, 0, false, '1'],
    [-1.5, 0, false, '-2'],
    [-0.04, 1, false, '0,0'],
    [12500, 1, true, '12\u202f500,0'],
    [1234, 0, true, '1\u202f234'],
    [123, 0, true, '123'],
    [1234567.891, 2, true, '1\u202f234\u202f567,89'],
    [1234, 0, false, '1234'],
  ])('%d, %i decimals, grouping %s → %s', (value, decimals, grouping, expected) => {
    expect(formatDecimalFr(value, decimals, { grouping })).toBe(expected);
  });
});
