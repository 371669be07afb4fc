import { describe, expect, it } from 'vitest';
import { decodeControlNotation, encodeControlNotation } from './control-notation.js';

describe('decodeControlNotation', () => {
  it.each([
    ['<STX>1H|\\^&<CR><ETX>96<CR><LF>', '\x021H|\\^&\r\x0396\r\n'],
    ['[STX]2P|1[CR][ETB]A8[CR][LF]', '\x022P|1\r\x17A8\r\n'],
    ['<ENQ><ACK><NAK><EOT>', '\x05\x06\x15\x04'],
    ['<RS>mt<GS>', '\x1emt\x1d'],
  ])('%s', (notation, expected) => {
    expect(decodeControlNotation(notation)).toBe(expected);
  });

  it('keeps tokens that are not control names, and plain brackets', () => {
    expect(decodeControlNotation('<5.0 mmol/L> [NOTE] a<b>c <XYZ>')).toBe('<5.0 mmol/L> [NOTE] a<b>c <XYZ>');
  });
});

describe('encodeControlNotation', () => {
  it('names control characters of text or bytes', () => {
    expect(encodeControlNotation('\x021A\r\x0382\r\n')).toBe('<STX>1A<CR><ETX>82<CR><LF>');
    expect(encodeControlNotation(Uint8Array.of(0x05, 0x41, 0x7f))).toBe('<ENQ>A<DEL>');
  });

  it('adds a line break after each line end when asked', () => {
    expect(encodeControlNotation('R|1\rL|1\r\n', { lineBreaks: true })).toBe('R|1<CR>\nL|1<CR><LF>\n');
  });

  it('is undone by decodeControlNotation', () => {
    const text = 'H|\\^&\r\x02\x03\x04\x05\x06\x15\x17\x1e\x1d\x7f';
    expect(decodeControlNotation(encodeControlNotation(text))).toBe(text);
  });
});
