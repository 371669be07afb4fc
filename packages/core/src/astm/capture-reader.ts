import { AstmControl } from './astm-control-characters.js';
import { codecError, type InstrumentCodecIssue } from './codec-issue.js';
import { parseAstmFrame, type AstmFrame } from './frame-codec.js';
import { decodeInstrumentText, type InstrumentCharset } from './instrument-charset.js';

/** A frame found in a capture, with where it starts. */
export interface AstmCaptureFrame extends AstmFrame {
  /** Byte offset of its STX in the capture. */
  readonly offset: number;
  /** True when it repeats the previous frame (number and text: a retransmission); its text is not used twice. */
  readonly duplicate: boolean;
}

export interface AstmCaptureControl {
  readonly offset: number;
  readonly name: 'ENQ' | 'ACK' | 'NAK' | 'EOT';
}

/** What a capture (bytes seen on one side of a link, or a file of records) holds. */
export interface AstmCapture {
  /** True when the capture holds E1381 frames (an STX was seen); false for bare E1394 records. */
  readonly framed: boolean;
  readonly frames: readonly AstmCaptureFrame[];
  readonly controls: readonly AstmCaptureControl[];
  /** Message text: frame texts joined in order (framed), or the whole capture (unframed). */
  readonly textBytes: Uint8Array;
  readonly text: string;
  readonly issues: readonly InstrumentCodecIssue[];
}

const controlNames = new Map<number, AstmCaptureControl['name']>([
  [AstmControl.ENQ, 'ENQ'],
  [AstmControl.ACK, 'ACK'],
  [AstmControl.NAK, 'NAK'],
  [AstmControl.EOT, 'EOT'],
]);

/**
 * What was seen since the last frame, for the numbering check of the next one. E1381 §6.3.2: the
 * frame number starts at 1 with the first frame of each transfer phase (ENQ … EOT) and runs
 * 1…7, 0, 1… within it.
 * - `enq`: an ENQ opened a new transfer phase, so the next frame must be number 1;
 * - `eot`: an EOT ended the phase — or, in a capture of both directions, it is a receiver interrupt
 *   (§6.3.5) after which the sender may go on with its next frame — so the next frame is either 1
 *   (a new phase whose ENQ the capture lacks) or the previous number + 1;
 * - `capture-start`: nothing before the first frame: the capture may begin mid-phase, any number goes.
 */
type PhaseBoundary = 'none' | 'enq' | 'eot' | 'capture-start';

/**
 * Reads a capture as `sillage inspect` and the conformance tests need it: finds every frame
 * (tolerating a missing CR and/or LF after the checksum, as the Sysmex and c111 captures show),
 * checks checksums and the 1…7, 0 numbering within each transfer phase (see {@link PhaseBoundary}),
 * and joins the frame texts. Never throws.
 */
export function readAstmCapture(bytes: Uint8Array, options: { charset?: InstrumentCharset } = {}): AstmCapture {
  if (!bytes.includes(AstmControl.STX)) {
    const controls: AstmCaptureControl[] = [];
    bytes.forEach((byte, offset) => {
      const name = controlNames.get(byte);
      if (name !== undefined) {
        controls.push({ offset, name });
      }
    });
    return {
      framed: false,
      frames: [],
      controls,
      textBytes: bytes,
      text: decodeInstrumentText(bytes, options.charset),
      issues: [],
    };
  }
  const frames: AstmCaptureFrame[] = [];
  const controls: AstmCaptureControl[] = [];
  const issues: InstrumentCodecIssue[] = [];
  const texts: Uint8Array[] = [];
  // Last frame of the current transfer phase: a retransmission or a numbering step is judged against it.
  let previous: AstmCaptureFrame | undefined;
  // Last frame of the capture, whatever the phase (for the continuation after an EOT).
  let last: AstmCaptureFrame | undefined;
  let boundary: PhaseBoundary = 'capture-start';
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    if (byte !== AstmControl.STX) {
      const name = controlNames.get(byte);
      if (name !== undefined) {
        controls.push({ offset: i, name });
      }
      if (name === 'ENQ') {
        boundary = 'enq';
        previous = undefined;
      } else if (name === 'EOT' && boundary !== 'enq') {
        // ENQ … EOT without a frame (the sender gave up) leaves the next frame bound to start at 1.
        boundary = 'eot';
        previous = undefined;
      }
      i++;
      continue;
    }
    const end = findFrameEnd(bytes, i);
    if (end.truncated) {
      issues.push(codecError('SIL_ASTM_FRAME_MALFORMED', 'truncated frame (no ETB/ETX and checksum)', { offset: i }));
      i = end.next;
      continue;
    }
    const result = parseAstmFrame(bytes.subarray(i, end.next));
    issues.push(...result.warnings.map((warning) => ({ ...warning, offset: i })));
    if (!result.ok) {
      issues.push({ ...result.error, offset: i });
    }
    if (result.frame !== undefined) {
      const numberProblem = phaseStartProblem(result.frame.number, boundary, last);
      if (numberProblem !== undefined) {
        issues.push(codecError('SIL_ASTM_FRAME_NUMBER', numberProblem, { offset: i, frame: result.frame.number }));
      }
      // A retransmission repeats number and text; the same number with other text is a numbering error.
      const duplicate =
        previous !== undefined &&
        previous.checksumOk &&
        previous.number === result.frame.number &&
        sameBytes(previous.text, result.frame.text);
      const replacesBadFrame =
        previous !== undefined && !previous.checksumOk && previous.number === result.frame.number;
      if (replacesBadFrame) {
        texts.pop();
      } else if (!duplicate && previous !== undefined && result.frame.number !== (previous.number + 1) % 8) {
        issues.push(
          codecError('SIL_ASTM_FRAME_NUMBER', `frame ${result.frame.number} follows frame ${previous.number}`, {
            offset: i,
            frame: result.frame.number,
          })
        );
      }
      const frame: AstmCaptureFrame = { ...result.frame, offset: i, duplicate };
      frames.push(frame);
      previous = frame;
      last = frame;
      boundary = 'none';
      if (!duplicate) {
        texts.push(result.frame.text);
      }
    }
    i = end.next;
  }
  const textBytes = concatBytes(texts);
  return { framed: true, frames, controls, textBytes, text: decodeInstrumentText(textBytes, options.charset), issues };
}

/** Why the first frame after a phase boundary has the wrong number, or undefined when it is right. */
function phaseStartProblem(
  number: number,
  boundary: PhaseBoundary,
  last: AstmCaptureFrame | undefined
): string | undefined {
  const startsPhase = boundary === 'enq' || boundary === 'eot';
  // After an EOT, the next number continues the phase when the EOT was a receiver interrupt.
  const continues = boundary === 'eot' && (last === undefined || number === (last.number + 1) % 8);
  if (!startsPhase || number === 1 || continues) {
    return undefined;
  }
  return `first frame of a transfer phase is ${number}, not 1`;
}

/**
 * Locates the end of the frame starting at `start` (STX): after the checksum and an optional CR, LF or
 * CR LF; truncated when the next STX, EOT or ENQ, or the end of the capture, comes before ETB/ETX.
 */
function findFrameEnd(bytes: Uint8Array, start: number): { truncated: boolean; next: number } {
  for (let i = start + 1; i < bytes.length; i++) {
    const byte = bytes[i];
    // E1381 §6.6: STX, EOT and ENQ never occur in frame text; one of them here means the frame was
    // cut off, and the EOT or ENQ must still be read as the phase boundary it is.
    if (byte === AstmControl.STX || byte === AstmControl.EOT || byte === AstmControl.ENQ) {
      return { truncated: true, next: i };
    }
    if (byte === AstmControl.ETX || byte === AstmControl.ETB) {
      if (i + 2 >= bytes.length) {
        return { truncated: true, next: bytes.length };
      }
      let next = i + 3;
      if (bytes[next] === AstmControl.CR) {
        next++;
      }
      if (bytes[next] === AstmControl.LF) {
        next++;
      }
      return { truncated: false, next };
    }
  }
  return { truncated: true, next: bytes.length };
}

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
