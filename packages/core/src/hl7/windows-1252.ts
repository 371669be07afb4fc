/**
 * Windows-1252 decoding, written out because some runtimes' `TextDecoder('windows-1252')` (Node before
 * v22.13/v23.6) decode 0x80–0x9F as ISO 8859-1 C1 controls, losing French `œ Œ €` and typographic quotes.
 * WHATWG Encoding §9 also maps the labels `iso-8859-1`, `latin1` and `ascii` to this table.
 */

/** Code points for bytes 0x80–0x9F (WHATWG index-windows-1252); undefined bytes map to the C1 control. */
const HIGH_CONTROLS = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

const CHUNK = 8192;

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const codes = new Array<number>(Math.min(bytes.length, CHUNK));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const byte = bytes[i] ?? 0;
      codes[i - start] = byte >= 0x80 && byte <= 0x9f ? (HIGH_CONTROLS[byte - 0x80] ?? byte) : byte;
    }
    text += String.fromCharCode(...codes);
  }
  return text;
}
