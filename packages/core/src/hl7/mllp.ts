/**
 * Minimal Lower Layer Protocol framing (HL7 v2.5 Appendix C, MLLP release 2):
 * `<VT 0x0B> message <FS 0x1C><CR 0x0D>`. The decoder is a byte-at-a-time state machine, so any
 * split of a byte stream into chunks yields exactly the same events, and it never throws.
 */

export const MLLP_START_BLOCK = 0x0b;
export const MLLP_END_BLOCK = 0x1c;
export const MLLP_CARRIAGE_RETURN = 0x0d;

/** Default largest frame accepted: large enough for an ORU carrying a base64 PDF report (OBX ED). */
export const DEFAULT_MLLP_MAX_FRAME_BYTES = 16 * 1024 * 1024;

export type MllpErrorReason =
  /**
   * Bytes outside a frame, reported once per run at its first byte. CR and LF between frames are
   * tolerated silently: some senders end each block with FS CR LF.
   */
  | 'garbage-outside-frame'
  /** A start block arrived inside a frame: the frame lost its end; the new frame is read. */
  | 'missing-end'
  /** The frame outgrew `maxFrameBytes`: it is dropped up to its end or the next start block. */
  | 'frame-too-large'
  /** `VT FS CR`: a frame with no content. */
  | 'empty-frame'
  /** The stream ended (see {@link MllpDecoder.end}) inside a frame. */
  | 'truncated-frame';

export type MllpEvent =
  | { readonly type: 'message'; readonly bytes: Uint8Array }
  | {
      readonly type: 'error';
      readonly reason: MllpErrorReason;
      /** Offset in the whole stream (bytes since the decoder was created) where the problem shows. */
      readonly offset: number;
    };

export interface MllpDecoderOptions {
  readonly maxFrameBytes?: number;
}

type State =
  /** Between frames, no garbage seen since the last frame. */
  | 'idle'
  /** Between frames, inside a run of garbage already reported. */
  | 'garbage'
  /** Inside a frame. */
  | 'frame'
  /** Inside a frame, just after FS: a CR ends the frame. */
  | 'frame-end'
  /** Inside an oversized frame already reported: bytes are dropped up to its FS or the next VT. */
  | 'skipping';

/**
 * Streaming MLLP decoder: `push(chunk)` returns the complete messages (content between VT and FS CR)
 * and the problems met in that chunk, and resynchronises on the next VT after any problem.
 * An FS not followed by CR is taken as content (MLLP content never holds FS, so the sender broke the
 * frame; the missing end then shows as `missing-end` or `truncated-frame`).
 * Error offsets are absolute stream offsets, so they too do not depend on how the stream was chunked.
 */
export class MllpDecoder {
  private readonly maxFrameBytes: number;
  private state: State = 'idle';
  /** Kept content of the current frame (copies: callers may reuse their chunk buffers). */
  private pieces: Uint8Array[] = [];
  private keptLength = 0;
  /** Absolute offset of the first content byte of the current frame. */
  private frameStart = 0;
  /** Absolute offset of the start of the next chunk. */
  private offset = 0;

  constructor(options: MllpDecoderOptions = {}) {
    this.maxFrameBytes = Math.max(1, Math.floor(options.maxFrameBytes ?? DEFAULT_MLLP_MAX_FRAME_BYTES));
  }

  push(chunk: Uint8Array): MllpEvent[] {
    const events: MllpEvent[] = [];
    // Start, in this chunk, of frame content not yet copied into `pieces`.
    let contentStart = this.state === 'frame' || this.state === 'frame-end' ? 0 : -1;
    const next = new NextByteFinder(chunk);
    let i = 0;
    while (i < chunk.length) {
      switch (this.state) {
        case 'idle':
        case 'garbage': {
          const vt = next.startBlock(i);
          if (this.state === 'idle') {
            const junk = firstNonLineBreak(chunk, i, vt === -1 ? chunk.length : vt);
            if (junk !== -1) {
              events.push({ type: 'error', reason: 'garbage-outside-frame', offset: this.offset + junk });
              this.state = 'garbage';
            }
          }
          if (vt === -1) {
            i = chunk.length;
          } else {
            i = vt + 1;
            contentStart = i;
            this.startFrame(this.offset + i);
          }
          break;
        }
        case 'frame': {
          const stop = next.blockByte(i);
          if (this.keptLength + (stop - contentStart) > this.maxFrameBytes) {
            events.push({ type: 'error', reason: 'frame-too-large', offset: this.frameStart + this.maxFrameBytes });
            this.dropFrame();
            this.state = 'skipping';
            contentStart = -1;
            i = stop;
          } else if (stop === chunk.length) {
            i = stop;
          } else if (chunk[stop] === MLLP_START_BLOCK) {
            events.push({ type: 'error', reason: 'missing-end', offset: this.offset + stop });
            i = stop + 1;
            contentStart = i;
            this.startFrame(this.offset + i);
          } else {
            this.state = 'frame-end';
            i = stop + 1;
          }
          break;
        }
        case 'frame-end': {
          const byte = chunk[i];
          if (byte === MLLP_CARRIAGE_RETURN) {
            // Content ends just before the FS, which is at i - 1 (possibly already kept from the previous chunk).
            this.keep(chunk, contentStart, i);
            events.push(this.finishFrame(this.offset + i));
            contentStart = -1;
            i++;
          } else if (byte === MLLP_START_BLOCK) {
            events.push({ type: 'error', reason: 'missing-end', offset: this.offset + i });
            i++;
            contentStart = i;
            this.startFrame(this.offset + i);
          } else {
            // The FS was content after all: read this byte again as frame content.
            this.state = 'frame';
          }
          break;
        }
        case 'skipping': {
          const stop = next.blockByte(i);
          if (stop === chunk.length) {
            i = stop;
          } else if (chunk[stop] === MLLP_START_BLOCK) {
            i = stop + 1;
            contentStart = i;
            this.startFrame(this.offset + i);
          } else {
            // End of the oversized frame: what follows until the next VT was covered by its report.
            this.state = 'garbage';
            i = stop + 1;
          }
          break;
        }
      }
    }
    if (this.state === 'frame' || this.state === 'frame-end') {
      this.keep(chunk, contentStart, chunk.length);
    }
    this.offset += chunk.length;
    return events;
  }

  /** Call when the stream closes: reports a frame left open, then resets the decoder. */
  end(): MllpEvent[] {
    const open = this.state === 'frame' || this.state === 'frame-end';
    const events: MllpEvent[] = open ? [{ type: 'error', reason: 'truncated-frame', offset: this.offset }] : [];
    this.dropFrame();
    this.state = 'idle';
    return events;
  }

  private startFrame(contentOffset: number): void {
    this.dropFrame();
    this.frameStart = contentOffset;
    this.state = 'frame';
  }

  private dropFrame(): void {
    this.pieces = [];
    this.keptLength = 0;
  }

  private keep(chunk: Uint8Array, start: number, end: number): void {
    if (start >= 0 && end > start) {
      this.pieces.push(chunk.slice(start, end));
      this.keptLength += end - start;
    }
  }

  private finishFrame(crOffset: number): MllpEvent {
    // The kept bytes end with the FS: leave it out.
    const length = this.keptLength - 1;
    const bytes = new Uint8Array(Math.max(length, 0));
    let written = 0;
    for (const piece of this.pieces) {
      const take = Math.min(piece.length, length - written);
      if (take <= 0) {
        break;
      }
      bytes.set(take === piece.length ? piece : piece.subarray(0, take), written);
      written += take;
    }
    this.dropFrame();
    this.state = 'idle';
    return length <= 0 ? { type: 'error', reason: 'empty-frame', offset: crOffset } : { type: 'message', bytes };
  }
}

/** Index of the first byte in [from, to) that is neither CR nor LF; -1 when none. */
function firstNonLineBreak(chunk: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const byte = chunk[i];
    if (byte !== MLLP_CARRIAGE_RETURN && byte !== 0x0a) {
      return i;
    }
  }
  return -1;
}

/**
 * Finds the next VT / FS in a chunk, remembering the last answers so a chunk full of control bytes is
 * still scanned in linear time (a naive indexOf per event would be quadratic: a cheap denial of service).
 */
class NextByteFinder {
  private nextStart = -2;
  private nextEnd = -2;

  constructor(private readonly chunk: Uint8Array) {}

  /** Index of the next VT at or after `from`, -1 when none. */
  startBlock(from: number): number {
    if (this.nextStart !== -1 && this.nextStart < from) {
      this.nextStart = this.chunk.indexOf(MLLP_START_BLOCK, from);
    }
    return this.nextStart;
  }

  /** Index of the next VT or FS at or after `from`, `chunk.length` when neither occurs. */
  blockByte(from: number): number {
    const start = this.startBlock(from);
    if (this.nextEnd !== -1 && this.nextEnd < from) {
      this.nextEnd = this.chunk.indexOf(MLLP_END_BLOCK, from);
    }
    const end = this.nextEnd;
    if (start === -1) {
      return end === -1 ? this.chunk.length : end;
    }
    return end === -1 || start < end ? start : end;
  }
}

/** Frames one message: VT + bytes + FS CR. */
export function encodeMllp(bytes: Uint8Array): Uint8Array {
  const framed = new Uint8Array(bytes.length + 3);
  framed[0] = MLLP_START_BLOCK;
  framed.set(bytes, 1);
  framed[bytes.length + 1] = MLLP_END_BLOCK;
  framed[bytes.length + 2] = MLLP_CARRIAGE_RETURN;
  return framed;
}
