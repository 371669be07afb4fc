/**
 * An inbound message decoded and parsed once per processing batch: the batch's order locks
 * (batch-order-locks.ts) read its tubes from this parse, and the processing records from the same
 * one. A decoding failure is kept, to be reported by the processing at the message's turn.
 */
import { decodeHl7, decodeInstrumentText, tryParseAstmMessages, tryParseHl7 } from '@sillage/core';
import type { LinkCharset } from './instruments.schemas.js';
import type { InboundRow } from './messages.repository.js';

export type InboundParse =
  | { readonly protocol: 'astm'; readonly result: ReturnType<typeof tryParseAstmMessages> }
  | { readonly protocol: 'hl7'; readonly result: ReturnType<typeof tryParseHl7> }
  | { readonly protocol: 'failed'; readonly error: unknown };

export function parseInbound(message: Pick<InboundRow, 'protocol' | 'raw'>, charset: LinkCharset): InboundParse {
  try {
    return message.protocol === 'astm'
      ? { protocol: 'astm', result: tryParseAstmMessages(decodeInstrumentText(message.raw, charset)) }
      : { protocol: 'hl7', result: tryParseHl7(decodeHl7(message.raw, charset)) };
  } catch (error) {
    return { protocol: 'failed', error };
  }
}
