/**
 * What comes before decoding: the fixtures and many published captures start with `# ` comment lines
 * (fixtures/INDEX.md: "payload = bytes after the last leading line that starts with `# `"), and
 * manuals print control characters as `<STX>` or `[ETX]` (decodeControlNotation).
 */
import { decodeControlNotation } from '@sillage/core';

const HASH = 0x23;
const SPACE = 0x20;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;

/** The bytes after the leading lines starting with `# ` (a bare `#` line counts too). */
export function stripCommentLines(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length && bytes[start] === HASH) {
    const next = bytes[start + 1];
    const isComment = next === SPACE || next === LF || next === CR || next === undefined;
    if (!isComment) {
      break;
    }
    const lineEnd = bytes.indexOf(LF, start);
    start = lineEnd === -1 ? bytes.length : lineEnd + 1;
  }
  return bytes.subarray(start);
}

/** Control names a capture written in notation uses for framing and record ends. */
const framingNotation = /<(?:STX|ETX|ETB|ENQ|EOT|ACK|NAK|CR|LF|VT|FS)>|\[(?:STX|ETX|ETB|ENQ|EOT|ACK|NAK|CR|LF|VT|FS)\]/;

/**
 * Turns `<STX>`-style notation into the control characters, when the capture holds such tokens and
 * no real control character but CR, LF and TAB (a real capture is never rewritten). Bytes are read
 * and written back one to one (Latin-1), so non-ASCII text is untouched.
 */
export function decodeNotationIfWritten(bytes: Uint8Array): Uint8Array {
  for (const byte of bytes) {
    if (byte < SPACE && byte !== CR && byte !== LF && byte !== TAB) {
      return bytes;
    }
  }
  let latin1 = '';
  for (const byte of bytes) {
    latin1 += String.fromCharCode(byte);
  }
  if (!framingNotation.test(latin1)) {
    return bytes;
  }
  const decoded = decodeControlNotation(latin1);
  const out = new Uint8Array(decoded.length);
  for (let i = 0; i < decoded.length; i++) {
    out[i] = decoded.charCodeAt(i);
  }
  return out;
}

/**
 * Empties the `# ` comment lines found between messages in annotated text captures (the CI-SIS
 * examples in fixtures separate their messages so), keeping each line's terminator so line numbers do
 * not move. No HL7 segment, ASTM record nor HPRIM segment starts with `#`: their names start with a letter.
 */
export function blankCommentLines(bytes: Uint8Array): Uint8Array {
  const kept: number[] = [];
  let atLineStart = true;
  let inComment = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    const isBreak = byte === CR || byte === LF;
    if (atLineStart && byte === HASH) {
      const next = bytes[i + 1];
      inComment = next === SPACE || next === CR || next === LF || next === undefined;
    }
    if (isBreak) {
      inComment = false;
    }
    if (!inComment) {
      kept.push(byte);
    }
    atLineStart = isBreak;
  }
  return kept.length === bytes.length ? bytes : Uint8Array.from(kept);
}
