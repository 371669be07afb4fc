import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../test-support/shared-fixtures.js';
import { isRestrictedInAstmFrameText } from './astm-control-characters.js';
import { decodeControlNotation } from './control-notation.js';
import { computeAstmChecksum } from './frame-checksum.js';
import { buildAstmFrames, parseAstmFrame } from './frame-codec.js';
import { decodeInstrumentText, encodeInstrumentText, type InstrumentCharset } from './instrument-charset.js';

const utf8 = (notation: string): Uint8Array => encodeInstrumentText(decodeControlNotation(notation), 'utf-8');
const latin1 = (bytes: Uint8Array): string => decodeInstrumentText(bytes, 'iso-8859-1');

describe('computeAstmChecksum', () => {
  it('sums frame number through ETX modulo 256 in uppercase hex (twgenaux LIS01 worked example)', () => {
    const frame = utf8('<STX>4L|1|N<CR><ETX>07<CR><LF>');
    expect(computeAstmChecksum(frame, 1, frame.indexOf(0x03) + 1)).toBe('07');
  });

  it('pads to two characters', () => {
    expect(computeAstmChecksum(Uint8Array.of(0x01, 0x02))).toBe('03');
    expect(computeAstmChecksum(Uint8Array.of(0xff, 0x01))).toBe('00');
  });
});

describe('parseAstmFrame', () => {
  it('reads number, text, final flag and checksum', () => {
    const result = parseAstmFrame(utf8('<STX>1A|B|C|D<CR><ETX>BF<CR><LF>'));
    expect(result.ok).toBe(true);
    expect(result.frame).toMatchObject({ number: 1, final: true, checksum: 'BF', checksumOk: true, trailer: 'CRLF' });
    expect(latin1(result.frame?.text ?? new Uint8Array())).toBe('A|B|C|D\r');
  });

  it('reports a wrong checksum with the frame and the computed value', () => {
    const result = parseAstmFrame(utf8('<STX>2A|0<CR><ETB>2F<CR><LF>'));
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.error.code).toBe('SIL_ASTM_FRAME_CHECKSUM');
    expect(result.frame).toMatchObject({ final: false, expectedChecksum: '43', checksumOk: false });
  });

  it('accepts lowercase checksum characters', () => {
    expect(parseAstmFrame(utf8('<STX>1A|B|C|D<CR><ETX>bf<CR><LF>')).ok).toBe(true);
  });

  it.each([
    ['1A|B<CR><ETX>BF<CR><LF>', 'no STX'],
    ['<STX>9A<CR><ETX>00<CR><LF>', 'frame number not 0–7'],
    ['<STX>1A|B<CR><CR><LF>', 'no ETB/ETX'],
    ['<STX>1A<ETX>8', 'one checksum character'],
    ['<STX>1A<STX>2B<ETX>00', 'STX inside text'],
    ['<STX>1A<CR><ETX>82<CR><LF>junk', 'bytes after the trailer'],
  ])('rejects %s (%s) as malformed', (notation) => {
    const result = parseAstmFrame(utf8(notation));
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.error.code).toBe('SIL_ASTM_FRAME_MALFORMED');
    expect(result.frame).toBeUndefined();
  });

  it.each([
    ['<STX>1A|B|C|D<CR><ETX>BF', 'none'],
    ['<STX>1A|B|C|D<CR><ETX>BF<CR>', 'CR'],
    ['<STX>1A|B|C|D<CR><ETX>BF<LF>', 'LF'],
  ])(
    'tolerates the truncated trailer of %s with a warning, or rejects it when CR LF is required',
    (notation, trailer) => {
      const tolerant = parseAstmFrame(utf8(notation));
      expect(tolerant.ok).toBe(true);
      expect(tolerant.frame?.trailer).toBe(trailer);
      expect(tolerant.warnings.map((w) => w.code)).toEqual(['SIL_ASTM_FRAME_TRAILER']);
      const strict = parseAstmFrame(utf8(notation), { requireCrLf: true });
      expect(strict.ok ? undefined : strict.error.code).toBe('SIL_ASTM_FRAME_TRAILER');
    }
  );
});

describe('buildAstmFrames', () => {
  it('builds the twgenaux LIS01 frame (checksum 96)', () => {
    const frames = buildAstmFrames('H|\\^&|||Mini LIS||||||||LIS2-A|20210309142633\r');
    expect(frames.map(latin1)).toEqual([
      decodeControlNotation('<STX>1H|\\^&|||Mini LIS||||||||LIS2-A|20210309142633<CR><ETX>96<CR><LF>'),
    ]);
  });

  it('splits at maxText with ETB on intermediate frames (python-astm chunking vector A8, 6D, C0, 33)', () => {
    const frames = buildAstmFrames('foo|1\rbar|24\rbaz|1^2^3|boo\r', { maxText: 7 });
    expect(frames.map(latin1)).toEqual(
      [
        '<STX>1foo|1<CR>b<ETB>A8<CR><LF>',
        '<STX>2ar|24<CR>b<ETB>6D<CR><LF>',
        '<STX>3az|1^2^<ETB>C0<CR><LF>',
        '<STX>43|boo<CR><ETX>33<CR><LF>',
      ].map(decodeControlNotation)
    );
  });

  it('numbers frames 1…7 then 0 (python-astm wrap vector 82 … 8C)', () => {
    const frames = buildAstmFrames('ABCDEFGHIJ', { maxText: 1 });
    expect(frames.map((frame) => latin1(frame).slice(1, 2)).join('')).toBe('1234567012');
    const single = 'ABCDEFGHIJ'
      .split('')
      .map((letter, i) =>
        latin1(buildAstmFrames(`${letter}\r`, { firstFrameNumber: (i + 1) % 8 })[0] ?? new Uint8Array())
      );
    expect(single.map((frame) => frame.slice(-4, -2))).toEqual([
      '82',
      '84',
      '86',
      '88',
      '8A',
      '8C',
      '8E',
      '88',
      '8A',
      '8C',
    ]);
  });

  it.each([
    [0, 1],
    [1, 1],
    [240, 1],
    [241, 2],
    [480, 2],
    [481, 3],
  ])('sends %i text bytes in %i frame(s) of at most 240', (length, count) => {
    const frames = buildAstmFrames('x'.repeat(length));
    expect(frames).toHaveLength(count);
    expect(frames.every((frame) => frame.length <= 247)).toBe(true);
    expect(frames.map((frame) => frame.at(-5))).toEqual([...Array(count - 1).fill(0x17), 0x03]);
  });

  it('refuses restricted characters (E1381 §6.6) and bad options', () => {
    expect(() => buildAstmFrames('R|1|a\nb\r')).toThrowError(
      expect.objectContaining({ code: 'SIL_ASTM_RESTRICTED_CHARACTER' })
    );
    expect(() => buildAstmFrames('R|1\x02\r')).toThrowError(
      expect.objectContaining({ code: 'SIL_ASTM_RESTRICTED_CHARACTER' })
    );
    expect(() => buildAstmFrames('R', { maxText: 0 })).toThrowError(
      expect.objectContaining({ code: 'SIL_ASTM_INVALID_BUILD' })
    );
  });

  it('checksums encoded bytes: UTF-8 gives 4B where code points would give CF (python-astm vector)', () => {
    const text = decodeControlNotation('2P|1|2776833|||王^大^明||||||||||||||||||||<CR><ETX>');
    expect(computeAstmChecksum(encodeInstrumentText(text, 'utf-8'))).toBe('4B');
    const codePointSum = [...text].reduce((sum, char) => sum + (char.codePointAt(0) ?? 0), 0) % 256;
    expect(codePointSum.toString(16).toUpperCase()).toBe('CF');
  });
});

const unrestrictedChar = (charset: InstrumentCharset): fc.Arbitrary<string> =>
  (charset === 'utf-8'
    ? fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
    : fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c))
  ).filter((char) => ![...encodeInstrumentText(char, charset)].some(isRestrictedInAstmFrameText));

describe('buildAstmFrames ∘ parseAstmFrame (property)', () => {
  it.each(['iso-8859-1', 'utf-8'] as const)('gives the %s text back for any text and frame size', (charset) => {
    fc.assert(
      fc.property(
        fc.array(unrestrictedChar(charset), { maxLength: 700 }).map((chars) => chars.join('')),
        fc.oneof(fc.constant(240), fc.integer({ min: 1, max: 300 })),
        (text, maxText) => {
          const frames = buildAstmFrames(text, { maxText, charset });
          const bytes = encodeInstrumentText(text, charset);
          expect(frames).toHaveLength(Math.max(1, Math.ceil(bytes.length / maxText)));
          const parsed = frames.map((frame) => parseAstmFrame(frame, { requireCrLf: true }));
          parsed.forEach((result, i) => {
            expect(result.ok).toBe(true);
            expect(result.frame?.number).toBe((i + 1) % 8);
            expect(result.frame?.final).toBe(i === frames.length - 1);
            expect(result.frame?.text.length).toBeLessThanOrEqual(maxText);
          });
          const joined = parsed.flatMap((result) => [...(result.frame?.text ?? [])]);
          expect(decodeInstrumentText(Uint8Array.from(joined), charset)).toBe(text);
        }
      ),
      { numRuns: 200 }
    );
  });

  it('detects any single corrupted byte from the frame number through ETX', () => {
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 60 })
          .filter((t) => ![...t].some((c) => isRestrictedInAstmFrameText(c.charCodeAt(0)) || c.charCodeAt(0) > 255)),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (text, position, delta) => {
          const frame = buildAstmFrames(text)[0] ?? new Uint8Array();
          const corrupted = frame.slice();
          const at = 1 + (position % (frame.length - 5)); // FN … ETX (checksum letters compare case-insensitively)
          corrupted[at] = ((corrupted[at] ?? 0) + delta) & 0xff;
          expect(parseAstmFrame(corrupted).ok).toBe(false);
        }
      )
    );
  });
});

describe.skipIf(!sharedFixtures.available)(
  'frame checksum vectors (fixtures 23_frame_checksum_vectors.DERIVED.json)',
  () => {
    interface Vector {
      src: string;
      frame?: string;
      frames?: string[];
      valid_checksum?: boolean | null;
      encoding?: string;
      expect?: string;
    }
    const vectors = (): Vector[] => {
      const json = sharedFixtures.textWithoutHeader('astm/23_frame_checksum_vectors.DERIVED.json');
      return (JSON.parse(json) as { frames: Vector[] }).frames;
    };

    it('every frame marked valid parses with a matching checksum (Shift_JIS vector excepted: no encoder in core)', () => {
      const valid = vectors()
        .filter((v) => v.valid_checksum === true && v.encoding !== 'Shift_JIS')
        .flatMap((v) => v.frames ?? (v.frame === undefined ? [] : [v.frame]));
      expect(valid.length).toBeGreaterThanOrEqual(20);
      for (const notation of valid) {
        const result = parseAstmFrame(utf8(notation));
        expect(result.ok, notation).toBe(true);
      }
    });

    it('every frame marked invalid is refused, with the reason the source gives', () => {
      const invalid = vectors().filter((v) => v.valid_checksum !== true && v.frame !== undefined);
      expect(invalid).toHaveLength(4);
      const codes = invalid.map((v) => {
        const result = parseAstmFrame(utf8(v.frame ?? ''), { requireCrLf: true });
        return result.ok ? 'ok' : result.error.code;
      });
      expect(codes).toEqual([
        'SIL_ASTM_FRAME_CHECKSUM',
        'SIL_ASTM_FRAME_TRAILER',
        'SIL_ASTM_FRAME_MALFORMED',
        'SIL_ASTM_FRAME_CHECKSUM',
      ]);
    });
  }
);
