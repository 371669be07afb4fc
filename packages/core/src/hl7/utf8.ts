/**
 * Strict UTF-8 validation (RFC 3629 §4: no overlongs, no surrogates, nothing above U+10FFFF),
 * written out so decoding decisions need no exception-driven `TextDecoder({ fatal: true })`.
 */
export interface Utf8Check {
  readonly valid: boolean;
  /** True when at least one byte is ≥ 0x80 (so the choice of charset matters). */
  readonly hasNonAscii: boolean;
}

export function checkUtf8(bytes: Uint8Array, start = 0, end = bytes.length): Utf8Check {
  let hasNonAscii = false;
  let i = start;
  while (i < end) {
    const b0 = bytes[i] ?? 0;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    hasNonAscii = true;
    const length = sequenceLength(bytes, i, end);
    if (length === 0) {
      return { valid: false, hasNonAscii };
    }
    i += length;
  }
  return { valid: true, hasNonAscii };
}

/** Length of the valid multi-byte sequence starting at `i`, or 0 when it is invalid. */
function sequenceLength(bytes: Uint8Array, i: number, end: number): number {
  const b0 = bytes[i] ?? 0;
  const b1 = i + 1 < end ? (bytes[i + 1] ?? 0) : -1;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    return isContinuation(b1) ? 2 : 0;
  }
  const b2 = i + 2 < end ? (bytes[i + 2] ?? 0) : -1;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    // E0 needs A0..BF (no overlong), ED needs 80..9F (no UTF-16 surrogates).
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    return b1 >= low && b1 <= high && isContinuation(b2) ? 3 : 0;
  }
  const b3 = i + 3 < end ? (bytes[i + 3] ?? 0) : -1;
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    // F0 needs 90..BF (no overlong), F4 needs 80..8F (≤ U+10FFFF).
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    return b1 >= low && b1 <= high && isContinuation(b2) && isContinuation(b3) ? 4 : 0;
  }
  return 0;
}

function isContinuation(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf;
}

/** Decodes bytes already known to be valid UTF-8 (see {@link checkUtf8}). */
export function decodeValidUtf8(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    let codePoint: number;
    if (b0 < 0x80) {
      codePoint = b0;
      i += 1;
    } else if (b0 < 0xe0) {
      codePoint = ((b0 & 0x1f) << 6) | ((bytes[i + 1] ?? 0) & 0x3f);
      i += 2;
    } else if (b0 < 0xf0) {
      codePoint = ((b0 & 0x0f) << 12) | (((bytes[i + 1] ?? 0) & 0x3f) << 6) | ((bytes[i + 2] ?? 0) & 0x3f);
      i += 3;
    } else {
      codePoint =
        ((b0 & 0x07) << 18) |
        (((bytes[i + 1] ?? 0) & 0x3f) << 12) |
        (((bytes[i + 2] ?? 0) & 0x3f) << 6) |
        ((bytes[i + 3] ?? 0) & 0x3f);
      i += 4;
    }
    out += String.fromCodePoint(codePoint);
  }
  return out;
}
