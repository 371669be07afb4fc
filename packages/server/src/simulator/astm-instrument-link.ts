/**
 * The instrument side of an ASTM E1381 link over TCP: core's `AstmLinkMachine` in the instrument
 * role driven by a real socket and real timers. Sends one message per session (ENQ, frames each
 * awaiting ACK, retransmission on NAK, EOT) and acknowledges what the LIS sends back (orders,
 * query answers) at once, as an analyzer does. Faults are applied on the way to the socket.
 */
import type { Socket } from 'node:net';
import {
  AstmControl,
  AstmLinkMachine,
  type AstmLinkAction,
  type AstmLinkEvent,
  type AstmTimerName,
  type InstrumentCharset,
} from '@sillage/core';
import { garbageBytes, withWrongChecksum, type FaultKind, type FaultPlan } from './fault-plan.js';
import type { InstrumentLink, SendOutcome } from './instrument-link.js';
import type { SimulationStats } from './simulation-stats.js';
import type { PlannedMessage } from './simulator-types.js';
import { SocketWriter } from './socket-writer.js';
import { waitForClose } from './socket-close.js';

export interface AstmLinkSettings {
  readonly charset: InstrumentCharset;
  /** Text bytes per frame (E1381 §6.3.1: 240). */
  readonly maxFrameText?: number;
  /** E1381 §6.5.2 timers; defaults are the standard's (15 s reply, 30 s receive, 10 s ENQ retry). */
  readonly replyTimeoutMs?: number;
  readonly receiveTimeoutMs?: number;
  readonly enqRetryDelayMs?: number;
  readonly contentionBackoffMs?: number;
  readonly maxEnqAttempts?: number;
}

interface PendingSend {
  readonly message: PlannedMessage;
  readonly fault: FaultKind | undefined;
  readonly resolve: (outcome: SendOutcome) => void;
  finalFrameWrittenAt: number | undefined;
}

/** E1381 frame `STX FN text ETB|ETX C1 C2 CR LF`: the terminator sits 5 bytes from the end. */
function isFinalFrame(frame: Uint8Array): boolean {
  return frame[frame.length - 5] === AstmControl.ETX;
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export class AstmInstrumentLink implements InstrumentLink {
  private readonly machine: AstmLinkMachine;
  private readonly writer: SocketWriter;
  private readonly timers = new Map<AstmTimerName, NodeJS.Timeout>();
  private readonly closed: Promise<void>;
  private pending: PendingSend | undefined;
  private lastFrame: Uint8Array | undefined;
  private isClosed = false;
  /** Set when we drop the connection on purpose (truncate fault, close): its link errors are expected. */
  private droppingOnPurpose = false;

  constructor(
    private readonly socket: Socket,
    settings: AstmLinkSettings,
    private readonly faults: FaultPlan,
    private readonly stats: SimulationStats,
    private readonly random: () => number
  ) {
    this.machine = new AstmLinkMachine({
      role: 'instrument',
      // What the LIS sends us is acknowledged at once: the simulator stores nothing.
      ackAfterStorage: false,
      charset: settings.charset,
      ...(settings.maxFrameText === undefined ? {} : { maxFrameText: settings.maxFrameText }),
      ...(settings.replyTimeoutMs === undefined ? {} : { replyTimeoutMs: settings.replyTimeoutMs }),
      ...(settings.receiveTimeoutMs === undefined ? {} : { receiveTimeoutMs: settings.receiveTimeoutMs }),
      ...(settings.enqRetryDelayMs === undefined ? {} : { enqRetryDelayMs: settings.enqRetryDelayMs }),
      ...(settings.contentionBackoffMs === undefined ? {} : { contentionBackoffMs: settings.contentionBackoffMs }),
      ...(settings.maxEnqAttempts === undefined ? {} : { maxEnqAttempts: settings.maxEnqAttempts }),
    });
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
      throw new Error('AstmInstrumentLink.send: one message at a time');
    }
    const fault = this.faults.pending(message.index);
    if (fault === 'slow') {
      this.faults.applied(message.index);
    }
    return new Promise((resolve) => {
      this.pending = { message, fault, resolve, finalFrameWrittenAt: undefined };
      this.feed({ type: 'send', messageText: message.text, messageId: message.controlId });
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
    if (this.pending !== undefined) {
      // While we send, the LIS answers with single control bytes.
      for (const byte of chunk) {
        if (byte === AstmControl.ACK) {
          this.stats.ack++;
        } else if (byte === AstmControl.NAK) {
          this.stats.nak++;
        }
      }
    }
    this.feed({ type: 'bytesReceived', bytes: chunk });
  }

  private onClose(): void {
    if (this.isClosed) {
      return;
    }
    this.isClosed = true;
    if (!this.droppingOnPurpose) {
      this.stats.connectionsLost++;
    }
    this.feed({ type: 'connectionClosed' });
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    this.timers.clear();
    // The machine fails a queued message on close; resolve anyway if it was between states.
    this.settle({ status: 'connectionLost', code: 'CONNECTION_CLOSED', detail: 'connexion fermée' });
  }

  private feed(event: AstmLinkEvent): void {
    for (const action of this.machine.handle(event, performance.now())) {
      this.apply(action);
    }
  }

  private apply(action: AstmLinkAction): void {
    switch (action.type) {
      case 'write':
        this.write(action.bytes, action.label);
        return;
      case 'startTimer': {
        clearTimeout(this.timers.get(action.timer));
        const timer = setTimeout(() => {
          this.timers.delete(action.timer);
          this.feed({ type: 'timeout', timer: action.timer });
        }, action.ms);
        this.timers.set(action.timer, timer);
        return;
      }
      case 'cancelTimer':
        clearTimeout(this.timers.get(action.timer));
        this.timers.delete(action.timer);
        return;
      case 'sent': {
        const writtenAt = this.pending?.finalFrameWrittenAt;
        if (this.pending?.message.controlId === action.messageId) {
          this.settle({ status: 'acknowledged', latencyMs: performance.now() - (writtenAt ?? performance.now()) });
        }
        return;
      }
      case 'sendFailed':
        if (this.pending?.message.controlId === action.messageId) {
          const lost = action.code === 'SIL_ASTM_LINK_CLOSED';
          this.settle({ status: lost ? 'connectionLost' : 'failed', code: action.code, detail: action.detail });
        }
        return;
      case 'deliver':
      case 'awaitStorage':
        this.stats.inboundMessages++;
        return;
      case 'linkError':
        if (!this.droppingOnPurpose) {
          this.stats.error(action.code, action.detail);
        }
        return;
    }
  }

  private write(bytes: Uint8Array, label: string): void {
    const pending = this.pending;
    const fault = pending?.fault;
    const slowMs = fault === 'slow' ? this.faults.slowByteMs : 0;
    if (label === 'ENQ') {
      this.stats.enq++;
      if (pending !== undefined && fault === 'garbage' && this.faults.pending(pending.message.index) === 'garbage') {
        // E1381 §6.2: in the neutral state the receiver ignores everything but ENQ.
        this.faults.applied(pending.message.index);
        void this.writer.write(garbageBytes(this.random, 16 + Math.floor(this.random() * 48)));
      }
    } else if (label === 'EOT') {
      this.stats.eot++;
    }
    if (label !== 'frame' || pending === undefined) {
      void this.writer.write(bytes, slowMs);
      return;
    }
    this.stats.frames++;
    if (sameBytes(this.lastFrame, bytes)) {
      this.stats.retransmissions++;
    }
    this.lastFrame = bytes;
    const index = pending.message.index;
    if (isFinalFrame(bytes) && fault !== undefined && this.faults.pending(index) === fault) {
      if (fault === 'checksum') {
        this.faults.applied(index);
        this.writeFinal(pending, withWrongChecksum(bytes), 0);
        return;
      }
      if (fault === 'truncate') {
        this.faults.applied(index);
        this.droppingOnPurpose = true;
        void this.writer.write(bytes.subarray(0, Math.floor(bytes.length / 2))).then(async () => {
          await this.writer.flushed();
          this.socket.destroy();
        });
        return;
      }
    }
    if (isFinalFrame(bytes)) {
      this.writeFinal(pending, bytes, slowMs);
      return;
    }
    void this.writer.write(bytes, slowMs);
  }

  /** The acknowledgement latency runs from the moment the final frame is fully handed to the socket. */
  private writeFinal(pending: PendingSend, bytes: Uint8Array, slowMs: number): void {
    void this.writer.write(bytes, slowMs).then(() => {
      pending.finalFrameWrittenAt = performance.now();
    });
  }

  private settle(outcome: SendOutcome): void {
    const pending = this.pending;
    if (pending !== undefined) {
      this.pending = undefined;
      pending.resolve(outcome);
    }
  }
}
