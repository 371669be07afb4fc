import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeMllp, MllpDecoder, type MllpDecoderOptions, type MllpEvent } from './mllp.js';

const VT = 0x0b;
const FS = 0x1c;
const CR = 0x0d;
const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));

function decodeChunks(chunks: readonly Uint8Array[], options?: MllpDecoderOptions): MllpEvent[] {
  const decoder = new MllpDecoder(options);
  return [...chunks.flatMap((chunk) => decoder.push(chunk)), ...decoder.end()];
}

function decodeBytes(bytes: number[], options?: MllpDecoderOptions): MllpEvent[] {
  return decodeChunks([Uint8Array.from(bytes)], options);
}

/** Events with message bytes as text, for readable comparisons. */
function readable(events: MllpEvent[]): (string | { error: string; offset: number })[] {
  return events.map((event) =>
    event.type === 'message' ? String.fromCharCode(...event.bytes) : { error: event.reason, offset: event.offset }
  );
}

describe('MllpDecoder (HL7 v2.5 Appendix C, MLLP: VT … FS CR)', () => {
  it('de-frames one message', () => {
    expect(readable(decodeBytes([VT, ...ascii('MSH|^~\\&\r'), FS, CR]))).toEqual(['MSH|^~\\&\r']);
  });

  it('de-frames several messages, whatever the chunking (one byte at a time here)', () => {
    const bytes = [VT, ...ascii('A\r'), FS, CR, VT, ...ascii('B\r'), FS, CR];
    expect(readable(decodeChunks(bytes.map((byte) => Uint8Array.of(byte))))).toEqual(['A\r', 'B\r']);
  });

  it('reports garbage outside frames once per run, at its first byte, then resynchronises on VT', () => {
    const bytes = [...ascii('xyz'), VT, ...ascii('A'), FS, CR, ...ascii('!!'), VT, ...ascii('B'), FS, CR];
    expect(readable(decodeBytes(bytes))).toEqual([
      { error: 'garbage-outside-frame', offset: 0 },
      'A',
      { error: 'garbage-outside-frame', offset: 7 },
      'B',
    ]);
  });

  it('tolerates CR and LF between frames', () => {
    const bytes = [0x0a, VT, ...ascii('A'), FS, CR, 0x0a, CR, VT, ...ascii('B'), FS, CR, 0x0a];
    expect(readable(decodeBytes(bytes))).toEqual(['A', 'B']);
  });

  it('reports a frame that lost its end when the next VT arrives, and reads the new frame', () => {
    const bytes = [VT, ...ascii('AB'), VT, ...ascii('C'), FS, CR];
    expect(readable(decodeBytes(bytes))).toEqual([{ error: 'missing-end', offset: 3 }, 'C']);
    const afterFs = [VT, ...ascii('AB'), FS, VT, ...ascii('C'), FS, CR];
    expect(readable(decodeBytes(afterFs))).toEqual([{ error: 'missing-end', offset: 4 }, 'C']);
  });

  it('keeps an FS that is not followed by CR as content', () => {
    expect(readable(decodeBytes([VT, ...ascii('A'), FS, ...ascii('B'), FS, FS, CR]))).toEqual(['A\x1cB\x1c']);
  });

  it('drops an oversized frame with one error and resynchronises', () => {
    const bytes = [VT, ...ascii('12345'), FS, CR, VT, ...ascii('1234'), FS, CR];
    expect(readable(decodeBytes(bytes, { maxFrameBytes: 4 }))).toEqual([
      { error: 'frame-too-large', offset: 5 },
      '1234',
    ]);
    const restartsOnVt = [VT, ...ascii('123456789'), VT, ...ascii('ok'), FS, CR];
    expect(readable(decodeBytes(restartsOnVt, { maxFrameBytes: 4 }))).toEqual([
      { error: 'frame-too-large', offset: 5 },
      'ok',
    ]);
  });

  it('reports an empty frame and a frame left open at the end of the stream', () => {
    expect(readable(decodeBytes([VT, FS, CR]))).toEqual([{ error: 'empty-frame', offset: 2 }]);
    expect(readable(decodeBytes([VT, ...ascii('MSH')]))).toEqual([{ error: 'truncated-frame', offset: 4 }]);
    expect(readable(decodeBytes([VT, ...ascii('MSH'), FS]))).toEqual([{ error: 'truncated-frame', offset: 5 }]);
    expect(decodeBytes([])).toEqual([]);
  });

  it('copies content: the caller may reuse its buffer', () => {
    const decoder = new MllpDecoder();
    const buffer = Uint8Array.from([VT, ...ascii('AB')]);
    decoder.push(buffer);
    buffer.fill(0x5a);
    const events = decoder.push(Uint8Array.of(FS, CR));
    expect(readable(events)).toEqual(['AB']);
  });

  it('encodeMllp frames bytes', () => {
    expect([...encodeMllp(Uint8Array.from(ascii('MSH|')))]).toEqual([VT, ...ascii('MSH|'), FS, CR]);
  });
});

/** Splits bytes at the given cut points (sorted, deduplicated, within bounds). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  return chunks;
}

const mllpBiasedBytes = fc.uint8Array({ maxLength: 120 }).map((bytes) =>
  bytes.map((byte) => {
    switch (byte % 8) {
      case 0:
        return VT;
      case 1:
        return FS;
      case 2:
        return CR;
      default:
        return byte;
    }
  })
);

describe('MllpDecoder properties (fast-check)', () => {
  it('any split of a stream of framed messages gives back exactly the messages', () => {
    const content = fc
      .uint8Array({ minLength: 1, maxLength: 60 })
      .map((bytes) => bytes.map((b) => (b === VT || b === FS ? 0x41 : b)));
    fc.assert(
      fc.property(fc.array(content, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 10 }), (messages, cuts) => {
        const stream = Uint8Array.from(messages.flatMap((message) => [...encodeMllp(message)]));
        const events = decodeChunks(split(stream, cuts));
        expect(events).toEqual(messages.map((bytes) => ({ type: 'message', bytes })));
      })
    );
  });

  it('events do not depend on chunking, on any byte stream, and nothing throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(mllpBiasedBytes, fc.uint8Array({ maxLength: 120 })),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom(undefined, 1, 3, 8),
        (bytes, cuts, maxFrameBytes) => {
          const options = maxFrameBytes === undefined ? {} : { maxFrameBytes };
          const whole = decodeChunks([bytes], options);
          expect(decodeChunks(split(bytes, cuts), options)).toEqual(whole);
          expect(
            decodeChunks(
              Array.from(bytes, (byte) => Uint8Array.of(byte)),
              options
            )
          ).toEqual(whole);
          for (const event of whole) {
            if (event.type === 'message') {
              expect(event.bytes.length).toBeGreaterThan(0);
              expect(event.bytes.length).toBeLessThanOrEqual(maxFrameBytes ?? Infinity);
              expect(event.bytes.includes(VT)).toBe(false);
            }
          }
        }
      ),
      { numRuns: 500 }
    );
  });
});
