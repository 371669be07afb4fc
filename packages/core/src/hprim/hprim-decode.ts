import { decodeInstrumentText, looksLikeUtf8, type InstrumentCharset } from '../astm/instrument-charset.js';

/**
 * Decodes an HPRIM file. The standard's character set is ISO 8859-1; with `auto` (default) bytes
 * that are well-formed UTF-8 with multi-byte sequences are read as UTF-8 (files re-encoded by
 * modern tools), anything else as Windows-1252 — a superset of ISO 8859-1's printable range
 * whose 0x80–0x9F slots (€, œ, ’) are what French software puts there; ISO 8859-1 has only
 * controls in that range.
 */
export function decodeHprim(
  bytes: Uint8Array,
  options: { charset?: InstrumentCharset | 'auto' } = {}
): { text: string; charset: InstrumentCharset } {
  const requested = options.charset ?? 'auto';
  const charset: InstrumentCharset =
    requested === 'auto' ? (looksLikeUtf8(bytes) ? 'utf-8' : 'windows-1252') : requested;
  return { text: decodeInstrumentText(bytes, charset), charset };
}
