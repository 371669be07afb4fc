import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidRpps, luhnCheckDigit, parseRpps, rppsCheckDigit, rppsToIdNatPs } from './rpps.js';

describe('rppsCheckDigit (Luhn, ISO/IEC 7812-1 Annex B)', () => {
  it.each([
    // 1000000000: from the right, digits at even positions (0, 2, …) are doubled; the leading 1 sits
    // at position 9 (not doubled) → sum 1 → key (10 − 1) mod 10 = 9.
    ['1000000000', 9],
    // 1234567890: 0→0, 9, 8→16→7, 7, 6→12→3, 5, 4→8, 3, 2→4, 1 → 0+9+7+7+3+5+8+3+4+1 = 47 → key 3.
    ['1234567890', 3],
    // 1000123456: 6→12→3, 5, 4→8, 3, 2→4, 1, 0, 0, 0, 1 → 3+5+8+3+4+1+0+0+0+1 = 25 → key 5.
    ['1000123456', 5],
    // 1010000000: the two 1s sit at positions 9 and 7 (odd: not doubled) → 1 + 1 = 2 → key 8.
    ['1010000000', 8],
  ])('%s → %i', (payload, key) => {
    expect(rppsCheckDigit(payload)).toBe(key);
  });

  it('is the Luhn digit of the classic credit-card test number 7992739871 (key 3)', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });

  it.each(['123456789', '12345678901', '12345a7890'])('refuses the payload %s', (payload) => {
    expect(() => rppsCheckDigit(payload)).toThrow(RangeError);
  });
});

describe('parseRpps', () => {
  it.each([
    ['10000000009', '10000000009'],
    ['12345678903', '12345678903'],
    ['100 0123 4565', '10001234565'],
    [' 10001234565 ', '10001234565'],
    // idNat_PS form (ANS: 8 + RPPS), as received in HL7 XCN / CDA with OID 1.2.250.1.71.4.2.1.
    ['810001234565', '10001234565'],
  ])('%j → %s', (input, rpps) => {
    expect(parseRpps(input)).toEqual({ ok: true, rpps });
    expect(isValidRpps(input)).toBe(true);
  });

  it.each([
    ['10000000008', 'SIL_RPPS_KEY_INVALID'],
    ['12345678930', 'SIL_RPPS_KEY_INVALID'], // last two digits swapped
    ['1000000000', 'SIL_RPPS_FORMAT_INVALID'],
    ['100000000091', 'SIL_RPPS_FORMAT_INVALID'], // 12 digits not starting with 8
    ['1000000000A', 'SIL_RPPS_FORMAT_INVALID'],
    ['', 'SIL_RPPS_FORMAT_INVALID'],
    ['10000-000009', 'SIL_RPPS_FORMAT_INVALID'],
  ])('%j → %s', (input, code) => {
    expect(parseRpps(input)).toEqual({ ok: false, code });
    expect(isValidRpps(input)).toBe(false);
  });

  it('rppsToIdNatPs prefixes 8', () => {
    expect(rppsToIdNatPs('10001234565')).toBe('810001234565');
    expect(parseRpps(rppsToIdNatPs('10001234565'))).toEqual({ ok: true, rpps: '10001234565' });
  });

  const payload = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 10, maxLength: 10 });

  it('payload + key is valid; any single-digit change is detected', () => {
    fc.assert(
      fc.property(
        payload,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (digits, position, shift) => {
          const rpps = `${digits}${rppsCheckDigit(digits)}`;
          expect(parseRpps(rpps)).toEqual({ ok: true, rpps });
          const changed = Number(rpps[position]);
          const mutated = `${rpps.slice(0, position)}${(changed + shift) % 10}${rpps.slice(position + 1)}`;
          expect(parseRpps(mutated)).toEqual({ ok: false, code: 'SIL_RPPS_KEY_INVALID' });
        }
      )
    );
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (input) => {
        expect(typeof parseRpps(input).ok).toBe('boolean');
      })
    );
  });
});
