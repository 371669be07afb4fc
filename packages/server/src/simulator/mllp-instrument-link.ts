/**
 * The analyzer side of an HL7 v2 link over MLLP (HL7 v2.5 Appendix C; IHE LAW LAB-29): one message
 * in flight, framed `VT … FS CR`, answered by an ACK whose MSA-2 names its MSH-10 (original-mode
 * acknowledgement, HL7 v2.5 §2.9.2). AA/CA acknowledges; AE/AR (CE/CR) refuses. No ACK within
 * `ackTimeoutMs`: the connection is dropped and the message sent again on a new one, as analyzers
 * do. A message the LIS sends us (a LAB-28 work order) is acknowledged AA.
 */
import type { Socket } from 'node:net';
import {
  buildAck,
  decodeHl7,
  encodeInstrumentText,
  encodeMllp,
  MllpDecoder,
  tryParseHl7,
  type InstrumentCharset,
} from '@sillage/core';
import { garbageBytes, type FaultPlan } from './fault-plan.js';
import type { InstrumentLink, SendOutcome } from './instrument-link.js';
import type { SimulationStats } from './simulation-stats.js';
import type { PlannedMessage } from './simulator-types.js';
import { waitForClose } from './socket-close.js';
import { SocketWriter } from './socket-writer.js';

export interface MllpLinkSettings {
  readonly charset: InstrumentCharset;
  /** How long to wait for the ACK of a message (default 30 s). */
  readonly ackTimeoutMs?: number;
}

interface PendingSend {
  readonly message: PlannedMessage;
  readonly resolve: (outcome: SendOutcome) => void;
  writtenAt: number | undefined;
  timer: NodeJS.Timeout | undefined;
}

export class MllpInstrumentLink implements InstrumentLink {
  private readonly decoder = new MllpDecoder();
  private readonly writer: SocketWriter;
  private readonly closed: Promise<void>;
  private readonly ackTimeoutMs: number;
  private pending: PendingSend | undefined;
  private isClosed = false;
  private droppingOnPurpose = false;
  private inboundAcks = 0;

  constructor(
    private readonly socket: Socket,
    private readonly settings: MllpLinkSettings,
    private readonly faults: FaultPlan,
    private readonly stats: SimulationStats,
    private readonly random: () => number
  ) {
    this.ackTimeoutMs = settings.ackTimeoutMs ?? 30_000;
    this.writer = new SocketWriter(socket);
    socket.setNoDelay(true);
    this.closed = waitForClose(socket);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!this.droppingOnPurpose) {
        stats.error(error.code ?? 'SOCKET_ERROR', error.message);
      }
    });
    socket.on('close', () => this.onClose());
  }

  get alive(): boolean {
    return !this.isClosed && !this.socket.destroyed;
  }

  send(message: PlannedMessage): Promise<SendOutcome> {
    if (!this.alive) {
      return Promise.resolve({ status: 'connectionLost', code: 'CONNECTION_CLOSED', detail: 'connexion fermée' });
    }
    if (this.pending !== undefined) {
      throw new Error('MllpInstrumentLink.send: one message at a time');
    }
    const framed = encodeMllp(encodeInstrumentText(message.text, this.settings.charset));
    const fault = this.faults.pending(message.index);
    return new Promise((resolve) => {
      const pending: PendingSend = { message, resolve, writtenAt: undefined, timer: undefined };
      this.pending = pending;
      if (fault !== undefined) {
        this.faults.applied(message.index);
      }
      if (fault === 'truncate') {
        // Half a block, then the line drops: the receiver must keep nothing of it.
        this.droppingOnPurpose = true;
        void this.writer.write(framed.subarray(0, Math.floor(framed.length / 2))).then(async () => {
          await this.writer.flushed();
          this.socket.destroy();
        });
        return;
      }
      if (fault === 'garbage') {
        void this.writer.write(garbageBytes(this.random, 16 + Math.floor(this.random() * 48)));
      }
      const slowMs = fault === 'slow' ? this.faults.slowByteMs : 0;
      void this.writer.write(framed, slowMs).then(() => {
        if (this.pending !== pending) {
          return;
        }
        pending.writtenAt = performance.now();
        pending.timer = setTimeout(() => this.onAckTimeout(pending), this.ackTimeoutMs);
      });
    });
  }

  async close(graceMs = 2_000): Promise<void> {
    if (!this.isClosed) {
      this.droppingOnPurpose = true;
      await this.writer.flushed();
      this.socket.end();
    }
    const timer = setTimeout(() => this.socket.destroy(), graceMs);
    await this.closed;
    clearTimeout(timer);
  }

  private onData(chunk: Buffer): void {
    for (const event of this.decoder.push(chunk)) {
      if (event.type === 'error') {
        this.stats.error(`MLLP_${event.reason.toUpperCase().replace(/-/g, '_')}`, `octet ${event.offset} du flux reçu`);
      } else {
        this.onMessage(event.bytes);
      }
    }
  }

  private onMessage(bytes: Uint8Array): void {
    const parsed = tryParseHl7(decodeHl7(bytes));
    if (!parsed.ok) {
      this.stats.error(parsed.error.code, 'réponse HL7 illisible');
      return;
    }
    const message = parsed.message;
    if (message.segment('MSA') === undefined) {
      // A message from the LIS (e.g. a LAB-28 work order): acknowledge it, as the analyzer would.
      this.stats.inboundMessages++;
      const ack = buildAck(message, { code: 'AA', controlId: `SIMACK${++this.inboundAcks}`, timestamp: new Date() });
      void this.writer.write(encodeMllp(encodeInstrumentText(ack.toString(), this.settings.charset)));
      return;
    }
    const code = message.get('MSA-1');
    const reference = message.get('MSA-2');
    const pending = this.pending;
    if (pending === undefined || reference !== pending.message.controlId) {
      this.stats.error('HL7_UNEXPECTED_ACK', `MSA-2 « ${reference} » ne correspond à aucun message en attente`);
      return;
    }
    clearTimeout(pending.timer);
    const latencyMs = performance.now() - (pending.writtenAt ?? performance.now());
    if (code === 'AA' || code === 'CA') {
      this.stats.aa++;
      this.settle({ status: 'acknowledged', latencyMs });
      return;
    }
    if (code === 'AE' || code === 'CE') {
      this.stats.ae++;
    } else {
      this.stats.ar++;
    }
    const detail = message.get('ERR-8') || message.get('MSA-3') || message.get('ERR-3.2');
    this.settle({ status: 'rejected', code: `HL7_${code || 'NO_CODE'}`, detail });
  }

  private onAckTimeout(pending: PendingSend): void {
    if (this.pending !== pending) {
      return;
    }
    this.stats.error('HL7_ACK_TIMEOUT', `pas d’ACK en ${this.ackTimeoutMs} ms pour ${pending.message.controlId}`);
    // A late ACK must not be taken for the next message's: start again on a fresh connection.
    this.droppingOnPurpose = true;
    this.settle({ status: 'connectionLost', code: 'HL7_ACK_TIMEOUT', detail: 'ACK non reçu' });
    this.socket.destroy();
  }

  private onClose(): void {
    if (this.isClosed) {
      return;
    }
    this.isClosed = true;
    if (!this.droppingOnPurpose) {
      this.stats.connectionsLost++;
    }
    for (const event of this.decoder.end()) {
      if (event.type === 'error' && !this.droppingOnPurpose) {
        this.stats.error('MLLP_TRUNCATED_FRAME', 'la connexion a fermé au milieu d’une réponse');
      }
    }
    if (this.pending !== undefined) {
      clearTimeout(this.pending.timer);
    }
    this.settle({ status: 'connectionLost', code: 'CONNECTION_CLOSED', detail: 'connexion fermée' });
  }

  private settle(outcome: SendOutcome): void {
    const pending = this.pending;
    if (pending !== undefined) {
      this.pending = undefined;
      pending.resolve(outcome);
    }
  }
}
