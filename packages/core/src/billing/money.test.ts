import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceCoefficientCents } from './b-value.js';
import { coefficientFromHundredths, formatCoefficient, parseCoefficientHundredths } from './coefficient.js';
import { divideRoundHalfUp, formatEuros, formatMilliCentsEuros, percentOfCents } from './money.js';

describe('integer money (Regulation (EC) 1103/97 art. 5: nearest cent, half up)', () => {
  it.each([
    [1595, 10, 160], // 159.5 → 160
    [1594, 10, 159],
    [1596, 10, 160],
    [0, 7, 0],
    [5, 10, 1], // 0.5 → 1
    [4, 10, 0],
  ])('%i / %i → %i', (numerator, denominator, expected) => {
    expect(divideRoundHalfUp(numerator, denominator)).toBe(expected);
  });

  it('refuses negative and non-integer operands', () => {
    expect(() => divideRoundHalfUp(-1, 10)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1.5, 10)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
  });

  it('percent of an amount: 625 × 90 % = 562.5 → 563; 145 × 60 % = 87', () => {
    expect(percentOfCents(625, 90)).toBe(563);
    expect(percentOfCents(145, 60)).toBe(87);
  });

  it('rounding never moves by more than half a cent (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (n, d) => {
        const q = divideRoundHalfUp(n, d);
        expect(Number.isInteger(q)).toBe(true);
        expect(Math.abs(q * d - n) * 2).toBeLessThanOrEqual(d);
      })
    );
  });

  it('formats euros the French way', () => {
    expect(formatEuros(650)).toBe('6,50 €');
    expect(formatEuros(5)).toBe('0,05 €');
    expect(formatMilliCentsEuros(25_000)).toBe('0,25 €');
    expect(formatMilliCentsEuros(25_500)).toBe('0,255 €');
  });
});

describe('coefficients as hundredths', () => {
  it.each([
    ['26.00', 2600],
    ['5.00', 500],
    ['20', 2000],
    ['5.5', 550],
    ['25.000000', 2500],
    ['1250.00', 125000],
  ])('%s → %i', (text, hundredths) => {
    expect(parseCoefficientHundredths(text)).toBe(hundredths);
  });

  it.each(['', '-5', '5.005', 'B26', '5,00', '1e3'])('refuses %s', (text) => {
    expect(parseCoefficientHundredths(text)).toBeNull();
  });

  it('displays B 26, B 5,5 and B 5,05', () => {
    expect(formatCoefficient('B', 2600)).toBe('B 26');
    expect(formatCoefficient('B', 550)).toBe('B 5,5');
    expect(formatCoefficient('B', 505)).toBe('B 5,05');
    expect(coefficientFromHundredths(550)).toBe(5.5);
  });
});

describe('price = coefficient × B (integer arithmetic, one rounding)', () => {
  it.each([
    // B 26 × 0,25 € = 6,50 € (the example for 1104)
    [2600, 25_000, 650],
    // B 25 × 0,29 € (Antilles) = 7,25 €
    [2500, 29_000, 725],
    // B 25 × 0,31 € (Guyane, Réunion, Mayotte) = 7,75 €
    [2500, 31_000, 775],
    // B 5,5 × 0,29 € = 1,595 € → 1,60 € (half up)
    [550, 29_000, 160],
    // B 5,05 × 0,25 € = 1,2625 € → 1,26 €
    [505, 25_000, 126],
  ])('%i hundredths × %i m¢ = %i ¢', (coefficient, bValue, cents) => {
    expect(priceCoefficientCents(coefficient, bValue)).toBe(cents);
  });
});
