/** A piece of the server's raw view: plain text, or a control character token such as `<STX>`. */
export type RawViewPart = { kind: 'text'; text: string } | { kind: 'control'; text: string };

/**
 * ASCII control character names as the server writes them (ASTM E1381 framing: STX, ETX, ETB, EOT,
 * ENQ, ACK, NAK; HL7 MLLP: VT, FS; record ends CR, LF). A text `<…>` that is not one of these names
 * is left as data — a result comment may contain "<5".
 */
// prettier-ignore
const controlNames = new Set([
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'TAB', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US', 'DEL',
]);

/** Splits the raw view into text and control tokens, so that tokens can be highlighted (never removed). */
export function splitRawView(rawView: string): RawViewPart[] {
  const parts: RawViewPart[] = [];
  let text = '';
  for (const match of rawView.matchAll(/<([A-Z][A-Z0-9]{1,2})>|[^<]+|</g)) {
    const name = match[1];
    if (name !== undefined && controlNames.has(name)) {
      if (text !== '') {
        parts.push({ kind: 'text', text });
        text = '';
      }
      parts.push({ kind: 'control', text: match[0] });
    } else {
      text += match[0];
    }
  }
  if (text !== '') {
    parts.push({ kind: 'text', text });
  }
  return parts;
}

/**
 * The decoded text as lines: HL7 ends segments and ASTM records with a lone CR, which a browser does
 * not break on — segments would run together ("…UTF-8PID|1…"). CR and CRLF become line breaks.
 */
export function decodedTextLines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
