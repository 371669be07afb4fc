/**
 * Byte ↔ text conversion for instrument links. LIS1-A §4.3 leaves the character set to the
 * parties (UTF-8, Latin-1, Shift_JIS…), HPRIM Santé mandates ISO 8859-1, French instruments and
 * middleware often send Windows-1252. Written out by hand because core has no I/O globals and
 * because WHATWG `TextDecoder('latin1')` is really Windows-1252, which would not round-trip
 * bytes 0x80–0x9F exactly.
 */
export type InstrumentCharset = 'iso-8859-1' | 'windows-1252' | 'utf-8';

export const instrumentCharsets: readonly InstrumentCharset[] = ['iso-8859-1', 'windows-1252', 'utf-8'];

/** Windows-1252 code points for bytes 0x80–0x9F (undefined slots map to the C1 control, as WHATWG). */
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

const windows1252Reverse = new Map<number, number>(windows1252High.map((codePoint, i) => [codePoint, 0x80 + i]));

/** Byte written for a character the charset cannot represent: `?`, as most instrument software does. */
const replacementByte = 0x3f;

/** Normalises the usual spellings (`latin1`, `ISO_8859-1`, `cp1252`, `UTF8`…); undefined if unknown. */
export function normalizeInstrumentCharset(label: string): InstrumentCharset | undefined {
  const key = label.trim().toLowerCase().replace(/[_\s]/g, '-');
  if (
    ['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', '8859-1', 'iso-ir-100', 'ascii', 'us-ascii'].includes(key)
  ) {
    return 'iso-8859-1';
  }
  if (['windows-1252', 'cp1252', 'win-1252', 'x-cp1252'].includes(key)) {
    return 'windows-1252';
  }
  if (['utf-8', 'utf8'].includes(key)) {
    return 'utf-8';
  }
  return undefined;
}

export function decodeInstrumentText(
  bytes: Uint8Array,
  charset: InstrumentCharset = 'iso-8859-1',
  start = 0,
  end = bytes.length
): string {
  if (charset === 'utf-8') {
    return decodeUtf8(bytes, start, end);
  }
  let out = '';
  for (let i = start; i < end; i++) {
    const byte = bytes[i] ?? 0;
    const codePoint = charset === 'windows-1252' && byte >= 0x80 && byte < 0xa0 ? windows1252High[byte - 0x80] : byte;
    out += String.fromCharCode(codePoint ?? byte);
  }
  return out;
}

export function encodeInstrumentText(text: string, charset: InstrumentCharset = 'iso-8859-1'): Uint8Array {
  if (charset === 'utf-8') {
    return encodeUtf8(text);
  }
  const out = new Uint8Array(text.length);
  let length = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? replacementByte;
    out[length++] = singleByteFor(codePoint, charset);
  }
  return out.subarray(0, length);
}

/** True when every character of `text` has a byte in `charset` (nothing would become `?`). */
export function canEncodeInstrumentText(text: string, charset: InstrumentCharset): boolean {
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (charset === 'utf-8') {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
        return false; // a lone surrogate has no UTF-8 form
      }
    } else if (singleByteFor(codePoint, charset) === replacementByte && codePoint !== replacementByte) {
      return false;
    }
  }
  return true;
}

function singleByteFor(codePoint: number, charset: 'iso-8859-1' | 'windows-1252'): number {
  if (charset === 'windows-1252') {
    const mapped = windows1252Reverse.get(codePoint);
    if (mapped !== undefined) {
      return mapped;
    }
    if (codePoint >= 0x80 && codePoint < 0xa0) {
      return replacementByte;
    }
  }
  return codePoint <= 0xff ? codePoint : replacementByte;
}

function encodeUtf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (const char of text) {
    let codePoint = char.codePointAt(0) ?? 0xfffd;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      codePoint = 0xfffd; // lone surrogate: not encodable (WHATWG encoder behaviour)
    }
    if (codePoint < 0x80) {
      out[n++] = codePoint;
    } else if (codePoint < 0x800) {
      out[n++] = 0xc0 | (codePoint >> 6);
      out[n++] = 0x80 | (codePoint & 0x3f);
    } else if (codePoint < 0x10000) {
      out[n++] = 0xe0 | (codePoint >> 12);
      out[n++] = 0x80 | ((codePoint >> 6) & 0x3f);
      out[n++] = 0x80 | (codePoint & 0x3f);
    } else {
      out[n++] = 0xf0 | (codePoint >> 18);
      out[n++] = 0x80 | ((codePoint >> 12) & 0x3f);
      out[n++] = 0x80 | ((codePoint >> 6) & 0x3f);
      out[n++] = 0x80 | (codePoint & 0x3f);
    }
  }
  return out.slice(0, n);
}

/** UTF-8 decoding; each invalid sequence becomes U+FFFD (RFC 3629 rules: no overlongs, no surrogates). */
function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  let i = start;
  while (i < end) {
    const b0 = bytes[i] ?? 0;
    let codePoint = 0xfffd;
    let length = 1;
    if (b0 < 0x80) {
      codePoint = b0;
    } else {
      const sequence = readUtf8Sequence(bytes, i, end);
      if (sequence !== undefined) {
        [codePoint, length] = sequence;
      }
    }
    chunk.push(codePoint);
    i += length;
    if (chunk.length >= 4096) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

function readUtf8Sequence(bytes: Uint8Array, i: number, end: number): [number, number] | undefined {
  const b0 = bytes[i] ?? 0;
  const at = (k: number): number => (i + k < end ? (bytes[i + k] ?? -1) : -1);
  const continuation = (byte: number): boolean => byte >= 0x80 && byte <= 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    return continuation(at(1)) ? [((b0 & 0x1f) << 6) | (at(1) & 0x3f), 2] : undefined;
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    if (at(1) >= low && at(1) <= high && continuation(at(2))) {
      return [((b0 & 0x0f) << 12) | ((at(1) & 0x3f) << 6) | (at(2) & 0x3f), 3];
    }
    return undefined;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    if (at(1) >= low && at(1) <= high && continuation(at(2)) && continuation(at(3))) {
      return [((b0 & 0x07) << 18) | ((at(1) & 0x3f) << 12) | ((at(2) & 0x3f) << 6) | (at(3) & 0x3f), 4];
    }
  }
  return undefined;
}

/** True when the bytes are well-formed UTF-8 containing at least one multi-byte sequence. */
export function looksLikeUtf8(bytes: Uint8Array): boolean {
  let multiByte = false;
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    const sequence = readUtf8Sequence(bytes, i, bytes.length);
    if (sequence === undefined) {
      return false;
    }
    multiByte = true;
    i += sequence[1];
  }
  return multiByte;
}
