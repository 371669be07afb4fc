import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHl7, detectHl7Charset, hl7CharsetToEncoding } from './hl7-charset.js';
import { parseHl7 } from './hl7-parse.js';

function msh(msh18: string): string {
  return `MSH|^~\\&|LAB||LIS||20240101||ORU^R01|1|P|2.5|||||FRA|${msh18}\rPID|||1||CŒUR^Hélène\r`;
}
const latin = (text: string): Uint8Array => Uint8Array.from(text, (char) => (char === 'Œ' ? 0x8c : char.charCodeAt(0)));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('detectHl7Charset / decodeHl7 (MSH-18, HL7 table 0211)', () => {
  it('reads a Windows-1252 message without MSH-18 (older analyzers)', () => {
    const bytes = latin(msh(''));
    expect(detectHl7Charset(bytes)).toBe('windows-1252');
    expect(parseHl7(decodeHl7(bytes)).get('PID-5.2')).toBe('Hélène');
    expect(parseHl7(decodeHl7(bytes)).get('PID-5.1')).toBe('CŒUR');
  });

  it('honours 8859/1 and 8859/15', () => {
    expect(detectHl7Charset(latin(msh('8859/1')))).toBe('iso-8859-1');
    const euro = Uint8Array.from([...latin(msh('8859/15')), 0xa4]);
    expect(detectHl7Charset(euro)).toBe('iso-8859-15');
    expect(decodeHl7(euro).endsWith('€')).toBe(true);
  });

  it('reads UTF-8 when declared, and when undeclared but valid', () => {
    expect(detectHl7Charset(utf8(msh('UNICODE UTF-8')))).toBe('utf-8');
    expect(detectHl7Charset(utf8(msh('')))).toBe('utf-8');
    expect(parseHl7(decodeHl7(utf8(msh('UNICODE UTF-8')))).get('PID-5.2')).toBe('Hélène');
  });

  it('does not trust a UTF-8 declaration over bytes that are not UTF-8', () => {
    const liar = latin(msh('UNICODE UTF-8'));
    expect(detectHl7Charset(liar)).toBe('windows-1252');
    expect(parseHl7(decodeHl7(liar)).get('PID-5.2')).toBe('Hélène');
    expect(detectHl7Charset(liar, 'iso-8859-15')).toBe('iso-8859-15');
  });

  it('uses the first repetition of MSH-18 and finds MSH after an MLLP start block', () => {
    expect(detectHl7Charset(Uint8Array.from([0x0b, ...latin(msh('8859/2~ISO IR87'))]))).toBe('iso-8859-2');
  });

  it('honours byte-order marks and UTF-16 text', () => {
    expect(detectHl7Charset(Uint8Array.from([0xef, 0xbb, 0xbf, ...latin(msh('8859/1'))]))).toBe('utf-8');
    const utf16 = new Uint8Array(Buffer.from(msh('UNICODE UTF-16'), 'utf16le'));
    expect(detectHl7Charset(utf16)).toBe('utf-16le');
    expect(parseHl7(decodeHl7(utf16)).get('PID-5.2')).toBe('Hélène');
  });

  it('falls back to windows-1252 when the caller fallback is unknown to TextDecoder', () => {
    expect(decodeHl7(latin(msh('')), 'no-such-charset')).toBe(msh(''));
  });

  it.each([
    ['8859/1', 'iso-8859-1'],
    [' unicode utf-8 ', 'utf-8'],
    ['ASCII', 'windows-1252'],
    ['GB 18030-2000', 'gb18030'],
    ['', undefined],
    ['EBCDIC', undefined],
  ])('MSH-18 %j → %s', (value, label) => {
    expect(hl7CharsetToEncoding(value)).toBe(label);
  });

  it('never throws and reads any UTF-8 message back exactly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 40 }), (bytes, text) => {
        expect(typeof decodeHl7(bytes)).toBe('string');
        const message = msh('UNICODE UTF-8') + text;
        expect(decodeHl7(utf8(message))).toBe(message);
      })
    );
  });
});
