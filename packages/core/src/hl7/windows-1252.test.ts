import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from './windows-1252.js';

describe('decodeWindows1252 (WHATWG index-windows-1252)', () => {
  it.each([
    [0x80, '€'],
    [0x8c, 'Œ'],
    [0x9c, 'œ'],
    [0x92, '’'],
    [0x85, '…'],
    [0x81, '\u0081'],
    [0xe9, 'é'],
    [0xff, 'ÿ'],
  ])('byte %i → %j', (byte, text) => {
    expect(decodeWindows1252(Uint8Array.of(byte))).toBe(text);
  });

  it('reads every byte outside 0x80–0x9F as its ISO 8859-1 code point, whatever the length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), (bytes) => {
        const text = decodeWindows1252(bytes);
        expect(text).toHaveLength(bytes.length);
        bytes.forEach((byte, i) => {
          if (byte < 0x80 || byte > 0x9f) {
            expect(text.charCodeAt(i)).toBe(byte);
          }
        });
      }),
      { numRuns: 30 }
    );
  });
});
