import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUtf8, decodeValidUtf8 } from './utf8.js';

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

function isValidByTextDecoder(bytes: Uint8Array): boolean {
  try {
    strictDecoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('checkUtf8 (RFC 3629)', () => {
  it.each([
    [[0x41], true, false],
    [[0xc3, 0xa9], true, true],
    [[0xe2, 0x82, 0xac], true, true],
    [[0xf0, 0x9f, 0x98, 0x80], true, true],
    [[0xe9], false, true],
    [[0xc0, 0xaf], false, true],
    [[0xe0, 0x80, 0xaf], false, true],
    [[0xed, 0xa0, 0x80], false, true],
    [[0xf4, 0x90, 0x80, 0x80], false, true],
    [[0xc3], false, true],
  ])('%j valid=%s', (bytes, valid, hasNonAscii) => {
    expect(checkUtf8(Uint8Array.from(bytes))).toEqual({ valid, hasNonAscii });
  });

  it('agrees with a fatal TextDecoder on arbitrary bytes and decodes valid ones identically', () => {
    const biased = fc.uint8Array({ maxLength: 12 }).map((bytes) => bytes.map((b) => (b & 1 ? b | 0x80 : b)));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 12 }), biased), (bytes) => {
        const valid = isValidByTextDecoder(bytes);
        expect(checkUtf8(bytes).valid).toBe(valid);
        if (valid) {
          expect(decodeValidUtf8(bytes)).toBe(new TextDecoder().decode(bytes));
        }
      }),
      { numRuns: 2000 }
    );
  });

  it('round-trips any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const bytes = new TextEncoder().encode(text);
        expect(checkUtf8(bytes).valid).toBe(true);
        expect(decodeValidUtf8(bytes)).toBe(text);
      })
    );
  });
});
