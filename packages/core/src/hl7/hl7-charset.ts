/**
 * Character set of an HL7 v2 message, from MSH-18 (HL7 table 0211), and decoding of the wire bytes.
 * Uses the WHATWG `TextDecoder`, present in browsers and Node, so core stays free of I/O modules.
 */
import { checkUtf8 } from './utf8.js';
import { decodeWindows1252 } from './windows-1252.js';

/** HL7 table 0211 values (and common non-standard spellings) → WHATWG encoding labels. */
const ENCODING_BY_HL7_CHARSET: Readonly<Record<string, string>> = {
  // HL7 v2.5 §2.15.9.18: ASCII is the default. Real 8-bit senders that claim it mean their
  // Windows code page, and WHATWG maps "ascii" to windows-1252 anyway.
  ASCII: 'windows-1252',
  '8859/1': 'iso-8859-1',
  '8859/2': 'iso-8859-2',
  '8859/3': 'iso-8859-3',
  '8859/4': 'iso-8859-4',
  '8859/5': 'iso-8859-5',
  '8859/6': 'iso-8859-6',
  '8859/7': 'iso-8859-7',
  '8859/8': 'iso-8859-8',
  '8859/9': 'iso-8859-9',
  '8859/15': 'iso-8859-15',
  'ISO IR6': 'windows-1252',
  'ISO IR100': 'iso-8859-1',
  'ISO IR14': 'shift_jis',
  'GB 18030-2000': 'gb18030',
  'KS X 1001': 'euc-kr',
  'BIG-5': 'big5',
  UNICODE: 'utf-8',
  'UNICODE UTF-8': 'utf-8',
  'UNICODE UTF-16': 'utf-16le',
  // Non-standard but seen in the field.
  'UTF-8': 'utf-8',
  UTF8: 'utf-8',
  'ISO-8859-1': 'iso-8859-1',
  'ISO8859-1': 'iso-8859-1',
  'ISO-8859-15': 'iso-8859-15',
  LATIN1: 'iso-8859-1',
  'LATIN-1': 'iso-8859-1',
  'WINDOWS-1252': 'windows-1252',
  CP1252: 'windows-1252',
};

/** The WHATWG encoding label for an MSH-18 value, undefined when unknown or empty. */
export function hl7CharsetToEncoding(msh18: string): string | undefined {
  const key = msh18.trim().toUpperCase();
  return Object.hasOwn(ENCODING_BY_HL7_CHARSET, key) ? ENCODING_BY_HL7_CHARSET[key] : undefined;
}

/**
 * The encoding label to decode these bytes with:
 * 1. a UTF-16 or UTF-8 byte-order mark, or UTF-16 text (`M\0S\0H\0`);
 * 2. MSH-18 (first repetition) when known — except UTF-8 declared over bytes that are not valid UTF-8;
 * 3. otherwise `'utf-8'` when the bytes are valid UTF-8, else `fallback` (default `'windows-1252'`,
 *    which also reads ISO 8859-1: French names from older analyzers and middleware).
 */
export function detectHl7Charset(bytes: Uint8Array, fallback = 'windows-1252'): string {
  const bom = byteOrderMark(bytes);
  if (bom !== undefined) {
    return bom;
  }
  const declared = hl7CharsetToEncoding(readMsh18(bytes));
  if (declared !== undefined && declared !== 'utf-8' && declared !== 'utf-16le') {
    return declared;
  }
  return checkUtf8(bytes).valid ? 'utf-8' : fallback;
}

interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderConstructor = new (label?: string) => TextDecoderLike;

/** Labels WHATWG decodes with the windows-1252 table (Encoding §4.2), decoded here (see windows-1252.ts). */
const WINDOWS_1252_LABELS: ReadonlySet<string> = new Set([
  'windows-1252',
  'iso-8859-1',
  'latin1',
  'ascii',
  'us-ascii',
  'cp1252',
]);

/** Decodes wire bytes to text with {@link detectHl7Charset}. Never throws. */
export function decodeHl7(bytes: Uint8Array, fallback = 'windows-1252'): string {
  const label = detectHl7Charset(bytes, fallback);
  if (WINDOWS_1252_LABELS.has(label.toLowerCase())) {
    return decodeWindows1252(bytes);
  }
  const Decoder = (globalThis as unknown as { TextDecoder?: TextDecoderConstructor }).TextDecoder;
  if (Decoder !== undefined) {
    try {
      return new Decoder(label).decode(bytes);
    } catch {
      // RangeError: a label this runtime does not support (e.g. a caller-supplied fallback).
    }
  }
  return decodeWindows1252(bytes);
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return 'utf-8';
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x4d && b1 === 0 && b2 === 0x53 && b3 === 0)) {
    return 'utf-16le';
  }
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0 && b1 === 0x4d && b2 === 0 && b3 === 0x53)) {
    return 'utf-16be';
  }
  return undefined;
}

const M = 0x4d;
const S = 0x53;
const H = 0x48;
const CR = 0x0d;
const LF = 0x0a;
const VT = 0x0b;

/** MSH-18 first repetition, read from the bytes of the first MSH segment ('' when absent). */
function readMsh18(bytes: Uint8Array): string {
  const start = findMsh(bytes);
  if (start === -1 || start + 8 > bytes.length) {
    return '';
  }
  const fieldSeparator = bytes[start + 3];
  const component = bytes[start + 4];
  const repetition = bytes[start + 5];
  // MSH-n starts after the (n-1)-th field separator, MSH-1 being the first one.
  let separators = 0;
  let i = start + 3;
  for (; i < bytes.length && separators < 17; i++) {
    const byte = bytes[i];
    if (byte === CR || byte === LF) {
      return '';
    }
    if (byte === fieldSeparator) {
      separators++;
    }
  }
  let value = '';
  for (; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === fieldSeparator || byte === repetition || byte === component || byte === CR || byte === LF) {
      break;
    }
    value += String.fromCharCode(byte);
  }
  return value;
}

function findMsh(bytes: Uint8Array): number {
  for (let i = 0; i + 3 < bytes.length; i++) {
    if (bytes[i] === M && bytes[i + 1] === S && bytes[i + 2] === H) {
      const before = i === 0 ? CR : bytes[i - 1];
      if (before === CR || before === LF || before === VT) {
        return i;
      }
    }
  }
  return -1;
}
