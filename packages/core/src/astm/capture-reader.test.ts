/**
 * Frame numbering of `readAstmCapture` per transfer phase. E1381 §6.3.2: the frame number starts at 1
 * with the first frame of each transfer phase (ENQ … EOT) and runs 1…7, 0, 1… within it; §6.3.5: a
 * receiver may answer a frame with EOT (receiver interrupt) and the sender may go on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AstmControl } from './astm-control-characters.js';
import { concatBytes, readAstmCapture } from './capture-reader.js';
import { encodeAstmFrame } from './frame-codec.js';

const ENQ = Uint8Array.of(AstmControl.ENQ);
const EOT = Uint8Array.of(AstmControl.EOT);
const ACK = Uint8Array.of(AstmControl.ACK);
const NAK = Uint8Array.of(AstmControl.NAK);

/** Frame `number` carrying `text` (final = ETX when `final`). */
function frame(number: number, text: string, final = false): Uint8Array {
  return encodeAstmFrame(number, new TextEncoder().encode(text), final);
}

/** One transfer phase as the sender writes it: ENQ, the frames numbered from `first`, EOT. */
function session(texts: readonly string[], first = 1): Uint8Array {
  return concatBytes([ENQ, ...texts.map((text, i) => frame(first + i, text, i === texts.length - 1)), EOT]);
}

function numberIssues(bytes: Uint8Array): { offset: number | undefined; frame: number | undefined }[] {
  return readAstmCapture(bytes)
    .issues.filter((issue) => issue.code === 'SIL_ASTM_FRAME_NUMBER')
    .map((issue) => ({ offset: issue.offset, frame: issue.frame }));
}

const records = ['H|\\^&\r', 'P|1\r', 'L|1|N\r'];

describe('readAstmCapture: frame numbering per transfer phase (E1381 §6.3.2)', () => {
  it('restarts at 1 in each session: 1,2,3 then 1,2,3 is no error, and both texts are kept', () => {
    const capture = readAstmCapture(concatBytes([session(records), session(records)]));
    expect(capture.frames.map((f) => f.number).join('')).toBe('123123');
    expect(capture.issues).toEqual([]);
    expect(capture.text).toBe(records.join('').repeat(2));
  });

  it('keeps an identical single-frame message sent in a second session (not a retransmission)', () => {
    const capture = readAstmCapture(concatBytes([session(['Q|1\r']), session(['Q|1\r'])]));
    expect(capture.frames.map((f) => f.duplicate)).toEqual([false, false]);
    expect(capture.text).toBe('Q|1\rQ|1\r');
  });

  it('reports a phase whose first frame after ENQ is not 1, once, at that frame', () => {
    const first = session(records);
    const second = session(records, 2);
    expect(numberIssues(concatBytes([first, second]))).toEqual([{ offset: first.length + 1, frame: 2 }]);
    expect(numberIssues(session(records, 2))).toEqual([{ offset: 1, frame: 2 }]);
  });

  it('requires frame 1 after an ENQ even when the previous phase stopped without EOT', () => {
    const cut = concatBytes([ENQ, frame(1, 'H|\\^&\r'), frame(2, 'P|1\r')]);
    expect(numberIssues(concatBytes([cut, session(records)]))).toEqual([]);
    expect(numberIssues(concatBytes([cut, session(records, 3)]))).toEqual([{ offset: cut.length + 1, frame: 3 }]);
  });

  it('keeps checking the sequence inside a phase', () => {
    const bytes = concatBytes([ENQ, frame(1, 'H|\\^&\r'), frame(3, 'P|1\r'), frame(4, 'L|1\r', true), EOT]);
    expect(numberIssues(bytes).map((issue) => issue.frame)).toEqual([3]);
  });

  it('accepts a retransmitted first frame of a phase (NAKed, sent again with the same number)', () => {
    const bytes = concatBytes([
      ENQ,
      ACK,
      frame(1, 'H|\\^&\r'),
      NAK,
      frame(1, 'H|\\^&\r'),
      ACK,
      frame(2, 'L|1\r', true),
      EOT,
    ]);
    const capture = readAstmCapture(bytes);
    expect(capture.issues).toEqual([]);
    expect(capture.frames.map((f) => f.duplicate)).toEqual([false, true, false]);
    expect(capture.text).toBe('H|\\^&\rL|1\r');
  });

  it('does not judge the first frame of a capture that starts mid-phase (no ENQ nor EOT before it)', () => {
    expect(numberIssues(concatBytes([frame(5, 'R|1\r'), frame(6, 'L|1\r', true), EOT]))).toEqual([]);
  });

  it('after an EOT without ENQ, takes 1 (new phase) or the next number (receiver interrupt, §6.3.5)', () => {
    const start = concatBytes([ENQ, frame(1, 'H|\\^&\r'), frame(2, 'P|1\r')]);
    expect(numberIssues(concatBytes([start, EOT, frame(3, 'L|1\r', true), EOT]))).toEqual([]);
    expect(numberIssues(concatBytes([start, EOT, frame(1, 'H|\\^&\r', true), EOT]))).toEqual([]);
    expect(numberIssues(concatBytes([start, EOT, frame(5, 'L|1\r', true), EOT]))).toEqual([
      { offset: start.length + 1, frame: 5 },
    ]);
  });

  it('requires frame 1 after ENQ … EOT without any frame (a phase the sender gave up)', () => {
    expect(numberIssues(concatBytes([ENQ, EOT, frame(2, 'H|\\^&\r', true), EOT]))).toEqual([{ offset: 2, frame: 2 }]);
  });

  it('reads the EOT and ENQ after a cut-off frame as phase boundaries (E1381 §6.6: never frame text)', () => {
    const cutOff = frame(2, 'P|1\r').subarray(0, 6);
    const bytes = concatBytes([ENQ, frame(1, 'H|\\^&\r'), cutOff, EOT, session(records)]);
    const capture = readAstmCapture(bytes);
    expect(capture.issues.map((issue) => issue.code)).toEqual(['SIL_ASTM_FRAME_MALFORMED']);
    expect(capture.controls.map((control) => control.name)).toEqual(['ENQ', 'EOT', 'ENQ', 'EOT']);
    expect(capture.frames.map((f) => f.number).join('')).toBe('1123');
  });

  it('any number of well-numbered back-to-back sessions, wrapping 7 → 0, reads without error (fast-check)', () => {
    const sessionTexts = fc.array(fc.stringMatching(/^[A-Z]\|[0-9a-z^]{0,6}\r$/), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(sessionTexts, { minLength: 1, maxLength: 5 }), (sessions) => {
        const capture = readAstmCapture(concatBytes(sessions.map((texts) => session(texts))));
        expect(capture.issues).toEqual([]);
        expect(capture.text).toBe(sessions.flat().join(''));
        expect(capture.frames).toHaveLength(sessions.flat().length);
      })
    );
  });
});
