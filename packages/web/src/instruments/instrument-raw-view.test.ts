import { describe, expect, it } from 'vitest';
import { linkBadge } from './instrument-link-status.js';
import { decodedTextLines, splitRawView } from './instrument-raw-view.js';

describe('splitRawView', () => {
  it('keeps ASTM E1381 framing tokens visible as control parts', () => {
    // A frame as the server's raw view writes it: <STX> FN text <CR> <ETX> checksum <CR><LF>.
    const raw = '<ENQ>\n<STX>1H|\\^&|||ACL<CR>\n<ETX>A3<CR><LF>\n<EOT>';
    const parts = splitRawView(raw);
    expect(parts.filter((part) => part.kind === 'control').map((part) => part.text)).toEqual([
      '<ENQ>',
      '<STX>',
      '<CR>',
      '<ETX>',
      '<CR>',
      '<LF>',
      '<EOT>',
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(raw);
  });

  it('leaves data such as "<5" or "<ABCD>" as text', () => {
    const parts = splitRawView('R|1|^^^GLU|<5|<ABCD>|<FOO>');
    expect(parts).toEqual([{ kind: 'text', text: 'R|1|^^^GLU|<5|<ABCD>|<FOO>' }]);
  });

  it('shows HL7 MLLP framing (VT … FS CR)', () => {
    expect(splitRawView('<VT>MSH|^~\\&<FS><CR>').map((part) => part.kind)).toEqual([
      'control',
      'text',
      'control',
      'control',
    ]);
  });
});

describe('linkBadge', () => {
  it.each([
    ['connected', 'teal'],
    ['listening', 'blue'],
    ['connecting', 'yellow'],
    ['error', 'red'],
    ['stopped', 'gray'],
  ] as const)('%s → %s', (state, color) => {
    expect(linkBadge({ state })).toEqual({ state, color });
  });
});

describe('decodedTextLines', () => {
  it('breaks lines on the CR that ends HL7 segments and ASTM records, keeping the data', () => {
    expect(decodedTextLines('MSH|^~\\&|E2E\rPID|1\rOBX|1|NM|GLU\r\nL|1\r')).toBe(
      'MSH|^~\\&|E2E\nPID|1\nOBX|1|NM|GLU\nL|1\n'
    );
    expect(decodedTextLines('R|1|^^^GLU|<5')).toBe('R|1|^^^GLU|<5');
  });
});
