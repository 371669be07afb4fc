/**
 * Published captures and manuals render control characters as `<STX>`, `[ETX]`… (e.g. the
 * twgenaux LIS01 note in fixtures). These helpers turn that notation into real characters for
 * tests and tools, and back again for the raw view of the message log.
 */
const controlNames: readonly string[] = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
]; // prettier-ignore

const codeByName = new Map<string, number>([
  ...controlNames.map((name, code) => [name, code] as const),
  ['TAB', 0x09],
  ['DEL', 0x7f],
]);

const notationPattern = /<([A-Z][A-Z0-9]{1,2})>|\[([A-Z][A-Z0-9]{1,2})\]/g;

/** Replaces `<NAME>` and `[NAME]` tokens (ASCII control names, e.g. `<STX>`, `[CR]`) by the character; other text is kept. */
export function decodeControlNotation(text: string): string {
  return text.replace(notationPattern, (token: string, angle: string | undefined, square: string | undefined) => {
    const code = codeByName.get(angle ?? square ?? '');
    return code === undefined ? token : String.fromCharCode(code);
  });
}

/**
 * Shows control characters as `<NAME>` tokens. With `lineBreaks`, a real line break follows each
 * `<LF>` (and each `<CR>` not followed by LF) so a capture stays readable.
 */
export function encodeControlNotation(input: string | Uint8Array, options: { lineBreaks?: boolean } = {}): string {
  const text = typeof input === 'string' ? input : latin1(input);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const name = code === 0x7f ? 'DEL' : code < 0x20 ? controlNames[code] : undefined;
    if (name === undefined) {
      out += text[i];
      continue;
    }
    out += `<${name}>`;
    if (options.lineBreaks === true && (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a))) {
      out += '\n';
    }
  }
  return out;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += String.fromCharCode(byte);
  }
  return out;
}
