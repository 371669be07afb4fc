import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines, splitSemicolonLine } from './semicolon-csv.js';

function encodeField(value: string): string {
  return value.includes(';') || value.includes('"') ? `"${value.replaceAll('"', '""')}"` : value;
}

describe('semicolon CSV lines', () => {
  it('splits plain and quoted fields (IR_BIO_R act 1807 has a ";" inside its quoted label)', () => {
    expect(splitSemicolonLine('1807;"ALPHA 1 (INHIBITOR; ALPHA 1 PI) : DOSAGE";B;30.00')).toEqual([
      '1807',
      'ALPHA 1 (INHIBITOR; ALPHA 1 PI) : DOSAGE',
      'B',
      '30.00',
    ]);
    expect(splitSemicolonLine('a;;b;')).toEqual(['a', '', 'b', '']);
    expect(splitSemicolonLine('"say ""hi""";x')).toEqual(['say "hi"', 'x']);
  });

  it.each(['"open;x', '"closed"junk;x', 'mid"quote;x'])('refuses misplaced quotes: %s', (line) => {
    expect(splitSemicolonLine(line)).toBeNull();
  });

  it('splits LF and CRLF text without a trailing empty line', () => {
    expect(splitLines('a\r\nb\nc\n')).toEqual(['a', 'b', 'c']);
  });

  it('round-trips any fields without line breaks (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'B', '1', ' ', ';', '"', 'é', ':') });
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 8 }), (fields) => {
        expect(splitSemicolonLine(fields.map(encodeField).join(';'))).toEqual(fields);
      })
    );
  });
});
