import { describe, expect, it } from 'vitest';
import { formatCentsForInput, parseAmountToCents } from './billing-amount.js';

describe('parseAmountToCents', () => {
  it.each([
    ['12,50', 1250],
    ['12.50', 1250],
    ['12', 1200],
    ['12,5', 1250],
    ['0,29', 29],
    ['0,07', 7],
    ['1 234,56', 123456],
    ['1\u202f234,56 €', 123456],
    ['  8,00 € ', 800],
    ['12,', 1200],
    ['1000000', 100_000_000],
  ])('reads « %s » as %i cents', (input, cents) => {
    expect(parseAmountToCents(input)).toEqual({ ok: true, cents });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'format'],
    ['-5', 'format'],
    ['12,5,0', 'format'],
    [',50', 'format'],
    ['12,505', 'decimals'],
    ['1000000,01', 'format'],
    ['0', 'zero'],
    ['0,00', 'zero'],
  ])('refuses « %s » (%s)', (input, error) => {
    expect(parseAmountToCents(input)).toEqual({ ok: false, error });
  });

  it('accepts zero when asked (a counted drawer may be empty)', () => {
    expect(parseAmountToCents('0', { allowZero: true })).toEqual({ ok: true, cents: 0 });
  });

  it('round-trips every cent value without float drift', () => {
    for (let cents = 0; cents <= 100_000; cents += 97) {
      expect(parseAmountToCents(formatCentsForInput(cents), { allowZero: true })).toEqual({ ok: true, cents });
    }
  });
});

describe('formatCentsForInput', () => {
  it.each([
    [1250, '12,50'],
    [7, '0,07'],
    [0, '0,00'],
    [123456, '1234,56'],
    [-350, '-3,50'],
  ])('%i cents → « %s »', (cents, text) => {
    expect(formatCentsForInput(cents)).toBe(text);
  });
});
