/**
 * The raw view of a stored message: its bytes decoded with the character set they were sent in
 * — for HL7 the one MSH-18 declares, else the profile's; for ASTM the profile's (LIS2-A2 leaves it
 * to the parties) — with control characters spelt out (<STX>, <CR>, <ETB>…) and a line break after
 * each CR/LF. Reading the bytes as Latin-1 instead shows UTF-8 "Glycémie" as "GlycÃ©mie".
 */
import { decodeHl7, decodeInstrumentText, encodeControlNotation } from '@sillage/core';
import type { InstrumentProtocol, LinkCharset } from './instruments.schemas.js';

/** The message's text, decoded as processing decodes it. */
export function decodeMessageText(protocol: InstrumentProtocol, raw: Uint8Array, charset: LinkCharset): string {
  return protocol === 'hl7' ? decodeHl7(raw, charset) : decodeInstrumentText(raw, charset);
}

export function rawViewOf(protocol: InstrumentProtocol, raw: Uint8Array, charset: LinkCharset): string {
  return encodeControlNotation(decodeMessageText(protocol, raw, charset), { lineBreaks: true });
}
