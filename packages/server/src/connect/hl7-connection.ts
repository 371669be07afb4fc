/**
 * One HL7 v2 connection over MLLP (HL7 v2.5 Appendix C). Messages of a connection are handled in
 * order (their acknowledgements leave in the order the messages came). For each message:
 * - it is stored and committed first; only then is anything written back;
 * - results (ORU^R01, OUL^R22): ACK AA, then processed in the background;
 * - LAB-27 QBP^Q11 and LAB-1 OML^O21: processed at once, answered RSP^K11 / ORL^O22;
 * - an answer to one of our messages (ACK, ORL^O34): logged, matched to what we sent, not answered;
 * - unreadable or unsupported: stored with status error, answered AR with an ERR segment;
 * - storage failed: AE (the sender keeps the message and sends it again).
 * Framing problems (garbage, a frame that never ends, an oversized frame) never stop the link.
 */
import type { Socket } from 'node:net';
import {
  decodeHl7,
  encodeMllp,
  MllpDecoder,
  tryParseHl7,
  type Hl7Message,
  type Hl7ParseErrorCode,
  type MllpEvent,
} from '@sillage/core';
import { nextControlId } from '../modules/instruments/control-ids.js';
import { encodeHl7, hl7Ack, replyCharset, type AckError } from '../modules/instruments/hl7-replies.js';
import { storeInbound, type StoreRequest, type StoredMessage } from '../modules/instruments/inbound-store.js';
import { setOutboundStatus } from '../modules/instruments/messages.repository.js';
import { remoteAddressOf, type LinkConnection, type LinkContext } from './link-context.js';

const parseConditions: Record<Hl7ParseErrorCode, AckError['code']> = {
  SIL_HL7_EMPTY_MESSAGE: '100',
  SIL_HL7_MISSING_HEADER: '100',
  SIL_HL7_INVALID_SEGMENT: '100',
  SIL_HL7_INVALID_DELIMITERS: '102',
};

type Disposition =
  | { readonly kind: 'results' }
  | { readonly kind: 'synchronous' }
  | { readonly kind: 'answer'; readonly controlId: string; readonly accepted: boolean; readonly detail: string | null }
  | { readonly kind: 'unsupported'; readonly reason: string };

export class Hl7Connection implements LinkConnection {
  private readonly decoder: MllpDecoder;
  private readonly remote: string | null;
  private queue: Promise<void> = Promise.resolve();
  private partialTimer: NodeJS.Timeout | undefined;
  private frameOpen = false;
  private previousByte = -1;
  private closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly context: LinkContext
  ) {
    this.remote = remoteAddressOf(socket);
    this.decoder = new MllpDecoder({ maxFrameBytes: context.options.hl7MaxFrameBytes });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('close', () => this.onClose());
    socket.on('error', (error) => this.context.status.error('SIL_HL7_MLLP_FRAMING', `socket: ${error.message}`));
  }

  sendOutbound(message: { id: number; raw: Uint8Array }): boolean {
    if (this.closed || !this.socket.writable) {
      return false;
    }
    this.socket.write(encodeMllp(message.raw));
    this.context.status.messageSent();
    return true;
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    const events = this.decoder.push(chunk);
    for (const event of events) {
      this.onEvent(event);
    }
    // A frame left open by this chunk must complete in time (see ConnectOptions.partialMessageTimeoutMs).
    for (const byte of chunk) {
      if (byte === 0x0b) {
        this.frameOpen = true;
      } else if (byte === 0x0d && this.previousByte === 0x1c) {
        this.frameOpen = false;
      }
      this.previousByte = byte;
    }
    if (!this.frameOpen) {
      this.clearPartialTimer();
    } else if (this.partialTimer === undefined) {
      this.partialTimer = setTimeout(() => {
        this.partialTimer = undefined;
        this.context.status.error(
          'SIL_HL7_MLLP_FRAMING',
          `aucun message complet en ${this.context.options.partialMessageTimeoutMs} ms : connexion fermée`
        );
        this.socket.destroy();
      }, this.context.options.partialMessageTimeoutMs);
    }
  }

  private onEvent(event: MllpEvent): void {
    if (event.type === 'message') {
      const bytes = event.bytes;
      this.enqueue(() => this.handle(bytes));
      return;
    }
    this.context.status.error('SIL_HL7_MLLP_FRAMING', `${event.reason} (octet ${event.offset})`);
    if (event.reason === 'frame-too-large') {
      // The content is gone (dropped, not buffered): refuse it so the sender does not wait for an ACK.
      this.enqueue(async () =>
        this.write(
          encodeHl7(
            hl7Ack('', 'AR', nextControlId(), new Date(), {
              code: '104',
              message: `message plus grand que ${this.context.options.hl7MaxFrameBytes} octets`,
            }),
            'utf-8'
          )
        )
      );
    }
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((error: unknown) => {
      this.context.options.logger.error(
        { instrument: this.context.profile.code, err: error instanceof Error ? error.message : String(error) },
        'message HL7 non traité'
      );
    });
  }

  private write(bytes: Uint8Array): void {
    if (!this.socket.destroyed && this.socket.writable) {
      this.socket.write(encodeMllp(bytes));
    }
  }

  private async handle(bytes: Uint8Array): Promise<void> {
    const { profile } = this.context;
    const charset = replyCharset(bytes, profile.charset);
    const text = decodeHl7(bytes, profile.charset);
    const parsed = tryParseHl7(text);
    const now = new Date();
    if (!parsed.ok) {
      const error = { code: parseConditions[parsed.error.code], message: parsed.error.message.slice(0, 200) };
      await this.storeAndAnswer(
        {
          raw: bytes,
          messageType: null,
          controlId: null,
          status: 'error',
          errorCode: 'SIL_CONNECT_MESSAGE_UNPARSEABLE',
          errorDetail: `${parsed.error.code}: ${parsed.error.message}`,
        },
        text,
        'AR',
        error,
        charset,
        now
      );
      return;
    }
    const message = parsed.message;
    const type = message.messageType();
    const messageType = [type.code, type.trigger].filter((p) => p !== '').join('^') || null;
    const base = { raw: bytes, messageType, controlId: message.controlId() || null };
    const disposition = this.dispositionOf(message);
    switch (disposition.kind) {
      case 'answer':
        await this.store({
          ...base,
          status: 'processed',
          answers: { controlId: disposition.controlId, accepted: disposition.accepted, detail: disposition.detail },
        });
        return;
      case 'unsupported':
        await this.storeAndAnswer(
          { ...base, status: 'error', errorCode: 'SIL_CONNECT_UNSUPPORTED_MESSAGE', errorDetail: disposition.reason },
          message,
          'AR',
          // HL7 table 0357: 200 unsupported message type (for this link's profile).
          { code: '200', message: `type de message non pris en charge : ${disposition.reason}` },
          charset,
          now
        );
        return;
      case 'results': {
        const stored = await this.storeAndAnswer(
          { ...base, status: 'received' },
          message,
          'AA',
          undefined,
          charset,
          now
        );
        if (stored !== undefined) {
          this.context.worker.notify(stored.id);
        }
        return;
      }
      case 'synchronous': {
        const stored = await this.store({ ...base, status: 'received' });
        if (stored === undefined) {
          this.write(encodeHl7(this.storageFailedAck(message, now), charset));
          return;
        }
        this.context.status.messageReceived();
        const result = await this.context.worker.processNow(stored.id).catch(() => undefined);
        const replies = result?.replies.filter((reply) => reply.protocol === 'hl7') ?? [];
        if (replies.length === 0) {
          // Not processed now (retried later): tell the sender to try again rather than leave it waiting.
          this.write(encodeHl7(hl7Ack(message, 'AE', nextControlId(), now), charset));
          return;
        }
        for (const reply of replies) {
          this.write(reply.bytes);
          await setOutboundStatus(this.context.database, reply.outboundId, 'sent').catch(() => undefined);
        }
        if (result !== undefined && result.workOrderBarcodes.length > 0) {
          this.context.requestWorkOrders(result.workOrderBarcodes);
        }
        return;
      }
    }
  }

  private dispositionOf(message: Hl7Message): Disposition {
    const { code, trigger } = message.messageType();
    const kind = this.context.profile.kind;
    if (code === 'ACK' || (code === 'ORL' && trigger === 'O34')) {
      const ackCode = message.get('MSA-1').trim().toUpperCase();
      return {
        kind: 'answer',
        controlId: message.get('MSA-2').trim(),
        accepted: ackCode === 'AA' || ackCode === 'CA',
        detail:
          ackCode === 'AA' || ackCode === 'CA' ? null : `${ackCode} ${message.get('MSA-3') || message.get('ERR-8')}`,
      };
    }
    if (kind === 'analyzer' && (code === 'ORU' || code === 'OUL')) {
      return { kind: 'results' };
    }
    if (
      (kind === 'analyzer' && code === 'QBP' && trigger === 'Q11') ||
      (kind === 'order_placer' && code === 'OML' && trigger === 'O21')
    ) {
      return { kind: 'synchronous' };
    }
    return { kind: 'unsupported', reason: [code, trigger].filter((p) => p !== '').join('^') || 'MSH-9 vide' };
  }

  private storageFailedAck(original: Hl7Message | string, now: Date): string {
    return hl7Ack(original, 'AE', nextControlId(), now, {
      code: '207',
      message: 'enregistrement impossible : renvoyez le message',
    });
  }

  /** Stores the message with the acknowledgement it is about to get, then writes it (after the commit). */
  private async storeAndAnswer(
    request: Omit<StoreRequest, 'instrumentId' | 'protocol' | 'remoteAddress'>,
    original: Hl7Message | string,
    code: 'AA' | 'AR',
    error: AckError | undefined,
    charset: Parameters<typeof encodeHl7>[1],
    now: Date
  ): Promise<StoredMessage | undefined> {
    const controlId = nextControlId();
    const ackBytes = encodeHl7(hl7Ack(original, code, controlId, now, error), charset);
    const stored = await this.store({
      ...request,
      acknowledgement: { raw: ackBytes, messageType: code === 'AA' ? 'ACK' : 'ACK (AR)', controlId },
    });
    if (stored === undefined) {
      this.write(encodeHl7(this.storageFailedAck(original, now), charset));
      return undefined;
    }
    this.context.status.messageReceived();
    this.write(ackBytes);
    return stored;
  }

  private async store(
    request: Omit<StoreRequest, 'instrumentId' | 'protocol' | 'remoteAddress'>
  ): Promise<StoredMessage | undefined> {
    const { profile, database, options, status } = this.context;
    try {
      return await storeInbound(
        database,
        { ...request, instrumentId: profile.id, protocol: 'hl7', remoteAddress: this.remote },
        options.dedupeWindowMs
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      status.error('SIL_CONNECT_STORAGE_FAILED', reason);
      options.logger.error({ instrument: profile.code, err: reason }, 'stockage du message HL7 en échec : AE');
      return undefined;
    }
  }

  private clearPartialTimer(): void {
    if (this.partialTimer !== undefined) {
      clearTimeout(this.partialTimer);
      this.partialTimer = undefined;
    }
  }

  private onClose(): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.clearPartialTimer();
    for (const event of this.decoder.end()) {
      this.context.status.error(
        'SIL_HL7_MLLP_FRAMING',
        `${event.type === 'error' ? event.reason : 'fin'} à la fermeture`
      );
    }
  }
}
