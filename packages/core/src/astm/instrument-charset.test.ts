import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canEncodeInstrumentText,
  decodeInstrumentText,
  encodeInstrumentText,
  looksLikeUtf8,
  normalizeInstrumentCharset,
} from './instrument-charset.js';

describe('instrument charsets', () => {
  it('decodes the same bytes three ways (é, €, œ)', () => {
    const bytes = Uint8Array.of(0xe9, 0x80, 0x9c);
    expect(decodeInstrumentText(bytes, 'iso-8859-1')).toBe('é\u0080\u009c');
    expect(decodeInstrumentText(bytes, 'windows-1252')).toBe('é€œ');
    expect(decodeInstrumentText(Uint8Array.of(0xc3, 0xa9, 0xe2, 0x82, 0xac), 'utf-8')).toBe('é€');
  });

  it('replaces invalid UTF-8 by U+FFFD (overlong, surrogate, truncated)', () => {
    expect(decodeInstrumentText(Uint8Array.of(0xc0, 0xaf, 0x41), 'utf-8')).toBe('\ufffd\ufffdA');
    expect(decodeInstrumentText(Uint8Array.of(0xed, 0xa0, 0x80), 'utf-8')).toBe('\ufffd\ufffd\ufffd');
    expect(decodeInstrumentText(Uint8Array.of(0x41, 0xe2, 0x82), 'utf-8')).toBe('A\ufffd\ufffd');
  });

  it('encodes what a charset cannot hold as ?', () => {
    expect([...encodeInstrumentText('é€王', 'windows-1252')]).toEqual([0xe9, 0x80, 0x3f]);
    expect([...encodeInstrumentText('é€', 'iso-8859-1')]).toEqual([0xe9, 0x3f]);
    expect(canEncodeInstrumentText('é€', 'iso-8859-1')).toBe(false);
    expect(canEncodeInstrumentText('é€', 'windows-1252')).toBe(true);
    expect(canEncodeInstrumentText('王\ud800', 'utf-8')).toBe(false);
  });

  it('normalises labels', () => {
    expect(normalizeInstrumentCharset('Latin1')).toBe('iso-8859-1');
    expect(normalizeInstrumentCharset('ISO_8859-1')).toBe('iso-8859-1');
    expect(normalizeInstrumentCharset('CP1252')).toBe('windows-1252');
    expect(normalizeInstrumentCharset('UTF8')).toBe('utf-8');
    expect(normalizeInstrumentCharset('ebcdic')).toBeUndefined();
  });

  it('detects UTF-8 only when multi-byte sequences are well formed', () => {
    expect(looksLikeUtf8(Uint8Array.of(0xc2, 0xb5))).toBe(true); // µ
    expect(looksLikeUtf8(Uint8Array.of(0xb5))).toBe(false);
    expect(looksLikeUtf8(Uint8Array.of(0x41))).toBe(false);
  });

  it('ISO 8859-1 is byte-transparent: decode then encode gives the bytes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(encodeInstrumentText(decodeInstrumentText(bytes, 'iso-8859-1'), 'iso-8859-1')).toEqual(bytes);
      })
    );
  });

  it('UTF-8 and Windows-1252 round-trip any encodable text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        expect(decodeInstrumentText(encodeInstrumentText(text, 'utf-8'), 'utf-8')).toBe(text);
      })
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = decodeInstrumentText(bytes, 'windows-1252');
        expect(encodeInstrumentText(text, 'windows-1252')).toEqual(bytes);
      })
    );
  });
});
