/**
 * Which codec reads a capture, judged from its first bytes (after the `# ` comment lines):
 * - MLLP: starts with VT 0x0B (HL7 v2.5 Appendix C);
 * - HL7 v2: starts with `MSH`, `FHS` or `BHS` and a field separator (HL7 v2.5 §2.5.4, §2.10.3);
 * - framed ASTM: holds an STX 0x02 (E1381 §6.3: `STX FN text ETB|ETX C1 C2 CR LF`);
 * - ASTM records: `H` and four delimiters then the field delimiter again (`H|\^&|`, E1394 §6);
 * - HPRIM Santé: `H` and five separators then the field separator again (`H|~^\&|`, HPRIM 2.4 §7.2);
 * - HPRIM Médecins: a `****LAB****` block, or bare `RES|` / `TEX|` lines;
 * - ASTM records without a header: a record-type letter followed by punctuation (`P|1|…`).
 */
export type CaptureKind = 'mllp' | 'hl7' | 'astm-framed' | 'astm' | 'hprim' | 'hprim-medecins' | 'unknown' | 'empty';

const VT = 0x0b;
const STX = 0x02;
const BOM = [0xef, 0xbb, 0xbf] as const;

export function detectCaptureKind(bytes: Uint8Array): CaptureKind {
  let start = 0;
  if (bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]) {
    start = 3;
  }
  while (start < bytes.length && isBlank(bytes[start] ?? 0)) {
    start++;
  }
  if (start >= bytes.length) {
    return 'empty';
  }
  if (bytes[start] === VT) {
    return 'mllp';
  }
  const firstLine = asciiLine(bytes, start, 16);
  if (/^(?:MSH|FHS|BHS)[!-/:-@[-`{-~]/.test(firstLine)) {
    return 'hl7';
  }
  if (bytes.includes(STX)) {
    return 'astm-framed';
  }
  const header = headerKind(firstLine);
  if (header !== undefined) {
    return header;
  }
  if (/^(?:RES|TEX)(?:\||$)/.test(firstLine) || holdsLabBlock(bytes, start)) {
    return 'hprim-medecins';
  }
  if (/^[A-Z][!-/:-@[-`{-~]/.test(firstLine)) {
    return 'astm';
  }
  return 'unknown';
}

/** `H|\^&|` (ASTM, field delimiter again at index 5) versus `H|~^\&|` (HPRIM, at index 6). */
function headerKind(line: string): 'astm' | 'hprim' | undefined {
  const field = line[1];
  if (line[0] !== 'H' || field === undefined || !/^[!-/:-@[-`{-~]$/.test(field)) {
    return undefined;
  }
  if (line.length === 5 || line[5] === field) {
    return 'astm';
  }
  if (line.length === 6 || line[6] === field) {
    return 'hprim';
  }
  // Mismatched delimiters: let the ASTM parser say what is wrong with the header.
  return 'astm';
}

function holdsLabBlock(bytes: Uint8Array, start: number): boolean {
  let text = '';
  for (let i = start; i < bytes.length; i++) {
    text += String.fromCharCode(bytes[i] ?? 0);
  }
  return /^\*{4}LAB\*{4}\s*$/m.test(text);
}

/** Up to `max` characters of the line starting at `start` (bytes read as Latin-1). */
function asciiLine(bytes: Uint8Array, start: number, max: number): string {
  let line = '';
  for (let i = start; i < bytes.length && line.length < max; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0x0d || byte === 0x0a) {
      break;
    }
    line += String.fromCharCode(byte);
  }
  return line;
}

function isBlank(byte: number): boolean {
  return byte === 0x0d || byte === 0x0a || byte === 0x20 || byte === 0x09;
}
