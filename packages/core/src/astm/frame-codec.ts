import { SillageError } from '../errors/sillage-error.js';
import { AstmControl, isRestrictedInAstmFrameText } from './astm-control-characters.js';
import { codecError, codecWarning, type InstrumentCodecIssue } from './codec-issue.js';
import { computeAstmChecksum } from './frame-checksum.js';
import { encodeInstrumentText, type InstrumentCharset } from './instrument-charset.js';

/** E1381 §6.3.1: at most 247 characters per frame, so at most 240 of message text. */
export const ASTM_MAX_FRAME_TEXT = 240;

/** How a frame ended after its checksum: E1381 requires CR LF; real instruments drop one or both. */
export type AstmFrameTrailer = 'CRLF' | 'CR' | 'LF' | 'none';

/** One decoded E1381 frame. */
export interface AstmFrame {
  /** Frame number 0–7 (E1381 §6.3.2: 1, 2 … 7, 0, 1 …). */
  readonly number: number;
  /** True for an end frame (ETX), false for an intermediate frame (ETB). */
  readonly final: boolean;
  /** Message text bytes carried by the frame (between the frame number and ETB/ETX). */
  readonly text: Uint8Array;
  /** The two checksum characters as received. */
  readonly checksum: string;
  /** The checksum computed over frame number … ETB/ETX. */
  readonly expectedChecksum: string;
  readonly checksumOk: boolean;
  readonly trailer: AstmFrameTrailer;
}

export type AstmFrameParseResult =
  | { readonly ok: true; readonly frame: AstmFrame; readonly warnings: readonly InstrumentCodecIssue[] }
  | {
      readonly ok: false;
      /** Present when the frame is well formed but its checksum is wrong. */
      readonly frame?: AstmFrame;
      readonly error: InstrumentCodecIssue;
      readonly warnings: readonly InstrumentCodecIssue[];
    };

export interface AstmFrameParseOptions {
  /** Reject a frame whose trailer is not exactly CR LF (default false: tolerated with a warning). */
  readonly requireCrLf?: boolean;
}

/**
 * Parses exactly one frame `<STX> FN text <ETB|ETX> C1 C2 [CR] [LF]`. Never throws. The checksum is
 * compared case-insensitively (the standard sends uppercase; some instruments do not).
 */
export function parseAstmFrame(bytes: Uint8Array, options: AstmFrameParseOptions = {}): AstmFrameParseResult {
  const malformed = (detail: string): AstmFrameParseResult => ({
    ok: false,
    error: codecError('SIL_ASTM_FRAME_MALFORMED', detail),
    warnings: [],
  });
  if (bytes[0] !== AstmControl.STX) {
    return malformed('a frame starts with STX (0x02)');
  }
  const numberByte = bytes[1];
  if (numberByte === undefined || numberByte < 0x30 || numberByte > 0x37) {
    return malformed('the frame number after STX must be a digit 0–7');
  }
  let terminatorAt = -1;
  for (let i = 2; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === AstmControl.ETX || byte === AstmControl.ETB) {
      terminatorAt = i;
      break;
    }
    if (byte === AstmControl.STX) {
      return malformed(`STX inside frame text at byte ${i}`);
    }
  }
  if (terminatorAt < 0) {
    return malformed('no ETB or ETX after the frame text');
  }
  if (terminatorAt + 2 >= bytes.length) {
    return malformed('the two checksum characters are missing after ETB/ETX');
  }
  const checksum = String.fromCharCode(bytes[terminatorAt + 1] ?? 0, bytes[terminatorAt + 2] ?? 0);
  const trailer = readTrailer(bytes.subarray(terminatorAt + 3));
  if (trailer === undefined) {
    return malformed('unexpected bytes after the checksum (expected CR LF)');
  }
  const number = numberByte - 0x30;
  const expectedChecksum = computeAstmChecksum(bytes, 1, terminatorAt + 1);
  const frame: AstmFrame = {
    number,
    final: bytes[terminatorAt] === AstmControl.ETX,
    text: bytes.slice(2, terminatorAt),
    checksum,
    expectedChecksum,
    checksumOk: checksum.toUpperCase() === expectedChecksum,
    trailer,
  };
  const warnings: InstrumentCodecIssue[] = [];
  if (trailer !== 'CRLF') {
    const issue = codecWarning('SIL_ASTM_FRAME_TRAILER', `frame ends with ${trailer} instead of CR LF`, {
      frame: number,
    });
    if (options.requireCrLf === true) {
      return { ok: false, frame, error: { ...issue, severity: 'error' }, warnings };
    }
    warnings.push(issue);
  }
  if (!frame.checksumOk) {
    return {
      ok: false,
      frame,
      error: codecError('SIL_ASTM_FRAME_CHECKSUM', `checksum ${checksum} received, ${expectedChecksum} computed`, {
        frame: number,
      }),
      warnings,
    };
  }
  return { ok: true, frame, warnings };
}

function readTrailer(rest: Uint8Array): AstmFrameTrailer | undefined {
  if (rest.length === 0) {
    return 'none';
  }
  if (rest.length === 1) {
    return rest[0] === AstmControl.CR ? 'CR' : rest[0] === AstmControl.LF ? 'LF' : undefined;
  }
  return rest.length === 2 && rest[0] === AstmControl.CR && rest[1] === AstmControl.LF ? 'CRLF' : undefined;
}

export interface AstmFrameBuildOptions {
  /** Maximum message-text bytes per frame (default 240, E1381 §6.3.1). */
  readonly maxText?: number;
  /** Number of the first frame (default 1: E1381 §6.3.2, the first frame of a transfer phase is 1). */
  readonly firstFrameNumber?: number;
  /** Character set used to encode the text (default ISO 8859-1, byte-transparent). */
  readonly charset?: InstrumentCharset;
}

/**
 * Splits a message (E1394 records, each ending with CR) into E1381 frames: intermediate frames end
 * with ETB, the last with ETX, numbered 1…7, 0, 1…; each frame is `STX FN text ETB|ETX C1 C2 CR LF`.
 * Text is cut every `maxText` encoded bytes, wherever that falls (a record may span
 * several frames). Throws `SIL_ASTM_RESTRICTED_CHARACTER` if the text holds a character E1381 §6.6 forbids.
 */
export function buildAstmFrames(messageText: string | Uint8Array, options: AstmFrameBuildOptions = {}): Uint8Array[] {
  const maxText = options.maxText ?? ASTM_MAX_FRAME_TEXT;
  const firstFrameNumber = options.firstFrameNumber ?? 1;
  if (!Number.isInteger(maxText) || maxText < 1) {
    throw new SillageError('SIL_ASTM_INVALID_BUILD', { detail: `maxText must be a positive integer, got ${maxText}` });
  }
  if (!Number.isInteger(firstFrameNumber) || firstFrameNumber < 0 || firstFrameNumber > 7) {
    throw new SillageError('SIL_ASTM_INVALID_BUILD', { detail: 'firstFrameNumber must be 0–7' });
  }
  const text = typeof messageText === 'string' ? encodeInstrumentText(messageText, options.charset) : messageText;
  const restrictedAt = text.findIndex(isRestrictedInAstmFrameText);
  if (restrictedAt >= 0) {
    throw new SillageError('SIL_ASTM_RESTRICTED_CHARACTER', {
      detail: `byte 0x${(text[restrictedAt] ?? 0).toString(16).padStart(2, '0')} at offset ${restrictedAt}`,
    });
  }
  const frames: Uint8Array[] = [];
  let offset = 0;
  do {
    const chunk = text.subarray(offset, offset + maxText);
    offset += chunk.length;
    const number = (firstFrameNumber + frames.length) % 8;
    frames.push(encodeFrame(number, chunk, offset >= text.length));
  } while (offset < text.length);
  return frames;
}

/** Encodes one frame (no restricted-character check: use {@link buildAstmFrames} for messages). */
export function encodeAstmFrame(frameNumber: number, text: Uint8Array, final: boolean): Uint8Array {
  return encodeFrame(frameNumber % 8, text, final);
}

function encodeFrame(number: number, text: Uint8Array, final: boolean): Uint8Array {
  const frame = new Uint8Array(text.length + 7);
  frame[0] = AstmControl.STX;
  frame[1] = 0x30 + number;
  frame.set(text, 2);
  const terminatorAt = 2 + text.length;
  frame[terminatorAt] = final ? AstmControl.ETX : AstmControl.ETB;
  const checksum = computeAstmChecksum(frame, 1, terminatorAt + 1);
  frame[terminatorAt + 1] = checksum.charCodeAt(0);
  frame[terminatorAt + 2] = checksum.charCodeAt(1);
  frame[terminatorAt + 3] = AstmControl.CR;
  frame[terminatorAt + 4] = AstmControl.LF;
  return frame;
}
