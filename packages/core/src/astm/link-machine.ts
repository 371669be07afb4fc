import type { ErrorCode } from '../errors/error-catalog.js';
import { SillageError } from '../errors/sillage-error.js';
import { AstmControl } from './astm-control-characters.js';
import { concatBytes } from './capture-reader.js';
import { buildAstmFrames } from './frame-codec.js';
import { canEncodeInstrumentText, decodeInstrumentText, type InstrumentCharset } from './instrument-charset.js';
import { AstmLinkFrameTokenizer, type AstmLinkToken } from './link-frame-tokenizer.js';
import type {
  AstmLinkAction,
  AstmLinkEvent,
  AstmLinkOptions,
  AstmLinkPhase,
  AstmLinkRole,
  AstmLinkSnapshot,
  AstmTimerName,
  AstmWriteLabel,
} from './link-types.js';

interface OutgoingMessage {
  readonly id: string;
  readonly frames: readonly Uint8Array[];
}

interface PendingStorage {
  readonly storageId: number;
  readonly frameNumber: number;
}

const singleByte: Record<Exclude<AstmWriteLabel, 'frame'>, number> = {
  ENQ: AstmControl.ENQ,
  ACK: AstmControl.ACK,
  NAK: AstmControl.NAK,
  EOT: AstmControl.EOT,
};

/**
 * ASTM E1381 (CLSI LIS1-A) data-link layer as a pure state machine: no sockets, no clocks. The
 * caller feeds events with the current time and applies the returned actions in order (write
 * bytes, arm/cancel timers, store a message, report send outcomes).
 *
 * Receiver (E1381 §6.2–6.5): ENQ → ACK (NAK while busy); each frame is checked — bad checksum,
 * bad frame number, oversized → NAK; a repeat of the last accepted frame (its ACK was lost) →
 * ACK and ignored; EOT → idle; 30 s without a frame → the partial message is dropped.
 *
 * Durability (issue 4): by default the ACK of a message's final frame is withheld — the machine
 * emits `awaitStorage` and answers only when the caller feeds `stored` (ACK) or `storageFailed`
 * (NAK). The sender's reply timer is 15 s (§6.5.2), so the storage budget (`storageTimeoutMs`,
 * default 10 s) stays below it: past the budget the frame is NAKed, which makes the instrument
 * retransmit it (one of its 6 retries) and opens a new window. Storage is therefore
 * at-least-once — a slow store may complete after the NAK and the retransmission is stored again
 * (or the instrument resends the message in a later session if it gave up) — so the store must
 * be idempotent (e.g. keyed by a hash of the bytes). What cannot happen is an ACK for an unstored
 * message.
 *
 * Sender: ENQ, then frames of ≤ 240 text bytes each awaiting ACK within 15 s; NAK (or any reply
 * other than ACK/EOT) → retransmit, at most 6 times, then EOT and `sendFailed`; no reply → EOT
 * and `sendFailed`. An EOT reply (receiver interrupt, §6.3.5) is taken as an ACK, as the
 * standard allows. NAK to ENQ → new ENQ after 10 s. Contention (§6.2.1, both sent ENQ): the
 * instrument has priority — as computer the machine stops, answers the instrument's next ENQ and
 * waits 20 s before its own; as instrument it re-sends ENQ after 1 s.
 */
export class AstmLinkMachine {
  private readonly role: AstmLinkRole;
  private readonly charset: InstrumentCharset;
  private readonly ackAfterStorage: boolean;
  private readonly maxFrameText: number;
  private readonly replyTimeoutMs: number;
  private readonly receiveTimeoutMs: number;
  private readonly enqRetryDelayMs: number;
  private readonly contentionBackoffMs: number;
  private readonly storageTimeoutMs: number;
  private readonly maxRetransmissions: number;
  private readonly maxEnqAttempts: number;
  private readonly tokenizer: AstmLinkFrameTokenizer;

  private phase: AstmLinkPhase = 'idle';
  private busy = false;
  private readonly armed = new Set<AstmTimerName>();
  private actions: AstmLinkAction[] = [];
  private lastBytesAt: number | undefined;
  private messagesReceived = 0;
  private messagesSent = 0;

  // Receiver state.
  private expectedFrame = 1;
  private lastAcceptedFrame: number | undefined;
  private receivedTexts: Uint8Array[] = [];
  private pendingStorage: PendingStorage | undefined;
  private nextStorageId = 1;

  // Sender state.
  private readonly queue: OutgoingMessage[] = [];
  private nextMessageId = 1;
  private frameIndex = 0;
  private retransmissions = 0;
  private enqAttempts = 0;

  constructor(options: AstmLinkOptions = {}) {
    this.role = options.role ?? 'computer';
    this.charset = options.charset ?? 'iso-8859-1';
    this.ackAfterStorage = options.ackAfterStorage ?? true;
    this.maxFrameText = options.maxFrameText ?? 240;
    this.replyTimeoutMs = options.replyTimeoutMs ?? 15_000;
    this.receiveTimeoutMs = options.receiveTimeoutMs ?? 30_000;
    this.enqRetryDelayMs = options.enqRetryDelayMs ?? 10_000;
    this.contentionBackoffMs = options.contentionBackoffMs ?? (this.role === 'computer' ? 20_000 : 1_000);
    this.storageTimeoutMs = options.storageTimeoutMs ?? 10_000;
    this.maxRetransmissions = options.maxRetransmissions ?? 6;
    this.maxEnqAttempts = options.maxEnqAttempts ?? 6;
    this.tokenizer = new AstmLinkFrameTokenizer(options.maxReceivedFrameText ?? 65_536);
  }

  /** Feeds one event; returns the actions to apply, in order. Never throws on input bytes. */
  handle(event: AstmLinkEvent, now: number): AstmLinkAction[] {
    this.actions = [];
    switch (event.type) {
      case 'bytesReceived':
        this.lastBytesAt = now;
        for (const byte of event.bytes) {
          this.onByte(byte);
        }
        break;
      case 'timeout':
        if (this.armed.delete(event.timer)) {
          this.onTimeout(event.timer);
        }
        break;
      case 'send':
        this.onSend(event.messageText, event.messageId ?? `astm-${this.nextMessageId++}`);
        break;
      case 'stored':
        this.onStorageOutcome(event.storageId, undefined);
        break;
      case 'storageFailed':
        this.onStorageOutcome(event.storageId, event.reason ?? 'storage failed');
        break;
      case 'setBusy':
        this.busy = event.busy;
        break;
      case 'connectionClosed':
        this.onConnectionClosed();
        break;
    }
    return this.actions;
  }

  snapshot(): AstmLinkSnapshot {
    return {
      role: this.role,
      phase: this.phase,
      busy: this.busy,
      queuedMessages: this.queue.length,
      messagesReceived: this.messagesReceived,
      messagesSent: this.messagesSent,
      lastBytesAt: this.lastBytesAt,
    };
  }

  // ── bytes ────────────────────────────────────────────────────────────────────

  private onByte(byte: number): void {
    switch (this.phase) {
      case 'idle':
        if (byte === AstmControl.ENQ) {
          this.answerEnq();
        }
        return; // E1381 §6.2: in the neutral state anything but ENQ is ignored
      case 'receiving': {
        const token = this.tokenizer.push(byte);
        if (token !== undefined) {
          this.onToken(token);
        }
        return;
      }
      case 'awaitingStorage':
        this.onByteWhileStoring(byte);
        return;
      case 'establishing':
        this.onEnqReply(byte);
        return;
      case 'sending':
        this.onFrameReply(byte);
        return;
    }
  }

  // ── receiver ─────────────────────────────────────────────────────────────────

  private answerEnq(): void {
    this.dropPartialMessage('a new ENQ started another session');
    if (this.busy) {
      this.write('NAK');
      this.cancelTimer('receiveTimeout');
      this.setPhase('idle');
      this.startNextSend();
      return;
    }
    this.write('ACK');
    this.setPhase('receiving');
    this.tokenizer.reset();
    this.expectedFrame = 1;
    this.lastAcceptedFrame = undefined;
    this.startTimer('receiveTimeout', this.receiveTimeoutMs);
  }

  private onToken(token: AstmLinkToken): void {
    if (token.kind === 'control') {
      if (token.byte === AstmControl.EOT) {
        this.endReceiving('EOT before the final frame of a message');
      } else if (token.byte === AstmControl.ENQ) {
        this.answerEnq();
      }
      return; // a stray ACK/NAK from the sender means nothing to the receiver
    }
    const refusal = this.refusalOf(token);
    if (refusal !== undefined) {
      this.linkError(refusal.code, refusal.detail);
      this.write('NAK');
      this.startTimer('receiveTimeout', this.receiveTimeoutMs);
      return;
    }
    const number = token.number ?? 0;
    if (number !== this.expectedFrame) {
      // E1381 §6.5.1: the same number as the last accepted frame is a retransmission whose ACK was
      // lost — acknowledge it again, keep nothing.
      this.write('ACK');
      this.startTimer('receiveTimeout', this.receiveTimeoutMs);
      return;
    }
    if (!token.final) {
      this.receivedTexts.push(token.text);
      this.acceptFrame(number);
      this.write('ACK');
      this.startTimer('receiveTimeout', this.receiveTimeoutMs);
      return;
    }
    const textBytes = concatBytes([...this.receivedTexts, token.text]);
    const frameCount = this.receivedTexts.length + 1;
    const messageText = decodeInstrumentText(textBytes, this.charset);
    if (!this.ackAfterStorage) {
      this.completeMessage(number);
      this.actions.push({ type: 'deliver', messageText, textBytes, frameCount });
      this.write('ACK');
      this.startTimer('receiveTimeout', this.receiveTimeoutMs);
      return;
    }
    const storageId = this.nextStorageId++;
    this.pendingStorage = { storageId, frameNumber: number };
    this.setPhase('awaitingStorage');
    this.cancelTimer('receiveTimeout');
    if (this.storageTimeoutMs > 0) {
      this.startTimer('storageTimeout', this.storageTimeoutMs);
    }
    this.actions.push({ type: 'awaitStorage', storageId, messageText, textBytes, frameCount });
  }

  /** Why a frame must be NAKed, or undefined when it is acceptable (or a duplicate to re-ACK). */
  private refusalOf(token: Extract<AstmLinkToken, { kind: 'frame' }>): { code: ErrorCode; detail: string } | undefined {
    if (token.oversized) {
      return { code: 'SIL_ASTM_FRAME_TOO_LONG', detail: 'frame text larger than maxReceivedFrameText' };
    }
    if (token.number === undefined) {
      return { code: 'SIL_ASTM_FRAME_MALFORMED', detail: 'no frame number 0–7 after STX' };
    }
    if (!token.checksumOk) {
      return { code: 'SIL_ASTM_FRAME_CHECKSUM', detail: `checksum mismatch on frame ${token.number}` };
    }
    if (token.number !== this.expectedFrame && token.number !== this.lastAcceptedFrame) {
      return {
        code: 'SIL_ASTM_FRAME_NUMBER',
        detail: `frame ${token.number} received, frame ${this.expectedFrame} expected`,
      };
    }
    return undefined;
  }

  private acceptFrame(number: number): void {
    this.lastAcceptedFrame = number;
    this.expectedFrame = (number + 1) % 8;
  }

  private completeMessage(number: number): void {
    this.acceptFrame(number);
    this.receivedTexts = [];
    this.messagesReceived++;
  }

  private onByteWhileStoring(byte: number): void {
    // The sender is waiting for our reply; only the end of its patience matters here.
    if (byte === AstmControl.EOT || byte === AstmControl.ENQ) {
      this.abandonStorage();
      if (byte === AstmControl.ENQ) {
        this.answerEnq();
      } else {
        this.endReceiving(undefined);
      }
    }
  }

  private abandonStorage(): void {
    this.pendingStorage = undefined;
    this.cancelTimer('storageTimeout');
    this.receivedTexts = [];
    this.linkError(
      'SIL_ASTM_LINK_ABORTED',
      'the sender ended the session before storage was confirmed; the message was not acknowledged and will be sent again'
    );
    this.setPhase('receiving');
  }

  private onStorageOutcome(storageId: number, failure: string | undefined): void {
    const pending = this.pendingStorage;
    if (pending?.storageId !== storageId || this.phase !== 'awaitingStorage') {
      return; // late answer for a message already NAKed or abandoned
    }
    this.pendingStorage = undefined;
    this.cancelTimer('storageTimeout');
    this.setPhase('receiving');
    if (failure === undefined) {
      this.completeMessage(pending.frameNumber);
      this.write('ACK');
    } else {
      this.linkError('SIL_ASTM_STORAGE_FAILED', failure);
      this.write('NAK');
    }
    this.startTimer('receiveTimeout', this.receiveTimeoutMs);
  }

  private endReceiving(partialReason: string | undefined): void {
    if (partialReason !== undefined) {
      this.dropPartialMessage(partialReason);
    }
    this.cancelTimer('receiveTimeout');
    this.setPhase('idle');
    this.tokenizer.reset();
    this.startNextSend();
  }

  private dropPartialMessage(reason: string): void {
    if (this.receivedTexts.length > 0) {
      this.linkError('SIL_ASTM_LINK_ABORTED', `${reason}: ${this.receivedTexts.length} frame(s) discarded`);
      this.receivedTexts = [];
    }
  }

  // ── sender ───────────────────────────────────────────────────────────────────

  private onSend(messageText: string, id: string): void {
    if (!canEncodeInstrumentText(messageText, this.charset)) {
      this.actions.push({
        type: 'sendFailed',
        messageId: id,
        code: 'SIL_ASTM_INVALID_BUILD',
        detail: `the message holds characters that ${this.charset} cannot encode`,
      });
      return;
    }
    try {
      const frames = buildAstmFrames(messageText, { maxText: this.maxFrameText, charset: this.charset });
      this.queue.push({ id, frames });
    } catch (error) {
      const code = error instanceof SillageError ? error.code : 'SIL_ASTM_INVALID_BUILD';
      const detail = error instanceof SillageError ? (error.detail ?? error.message) : String(error);
      this.actions.push({ type: 'sendFailed', messageId: id, code, detail });
      return;
    }
    this.startNextSend();
  }

  private startNextSend(): void {
    if (this.phase !== 'idle' || this.queue.length === 0) {
      return;
    }
    if (this.armed.has('enqRetry') || this.armed.has('contentionBackoff')) {
      return; // the timer's expiry calls back here
    }
    this.write('ENQ');
    this.setPhase('establishing');
    this.startTimer('replyTimeout', this.replyTimeoutMs);
  }

  private onEnqReply(byte: number): void {
    if (byte === AstmControl.ACK) {
      this.enqAttempts = 0;
      this.frameIndex = 0;
      this.retransmissions = 0;
      this.setPhase('sending');
      this.writeCurrentFrame();
    } else if (byte === AstmControl.NAK) {
      this.cancelTimer('replyTimeout');
      this.setPhase('idle');
      this.enqFailed('the receiver answered NAK (busy)');
    } else if (byte === AstmControl.ENQ) {
      // E1381 §6.2.1 contention: the instrument has priority.
      this.cancelTimer('replyTimeout');
      this.setPhase('idle');
      // As computer: do not answer this ENQ; answer the instrument's next one and wait 20 s
      // before our own. As instrument: ENQ again after 1 s.
      this.startTimer('contentionBackoff', this.contentionBackoffMs);
    }
    // Anything else is line noise while we wait; the reply timer bounds the wait.
  }

  private enqFailed(detail: string): void {
    this.enqAttempts++;
    if (this.enqAttempts >= this.maxEnqAttempts) {
      this.enqAttempts = 0;
      this.failHead('SIL_ASTM_LINK_ESTABLISHMENT_FAILED', `${detail}; gave up after ${this.maxEnqAttempts} ENQ`);
    }
    this.startTimer('enqRetry', this.enqRetryDelayMs);
  }

  private onFrameReply(byte: number): void {
    const head = this.queue[0];
    if (head === undefined) {
      return;
    }
    if (byte === AstmControl.ACK || byte === AstmControl.EOT) {
      this.retransmissions = 0;
      this.frameIndex++;
      if (this.frameIndex < head.frames.length) {
        this.writeCurrentFrame();
        return;
      }
      this.write('EOT');
      this.cancelTimer('replyTimeout');
      this.queue.shift();
      this.messagesSent++;
      this.actions.push({ type: 'sent', messageId: head.id });
      this.setPhase('idle');
      this.startNextSend();
      return;
    }
    // E1381 §6.5.1: NAK, or any other character, is a NAK condition.
    this.retransmissions++;
    if (this.retransmissions > this.maxRetransmissions) {
      this.abortSend('SIL_ASTM_LINK_RETRIES_EXHAUSTED', `frame refused ${this.retransmissions} times`);
      return;
    }
    this.writeCurrentFrame();
  }

  private writeCurrentFrame(): void {
    const frame = this.queue[0]?.frames[this.frameIndex];
    if (frame !== undefined) {
      this.actions.push({ type: 'write', bytes: frame, label: 'frame' });
      this.startTimer('replyTimeout', this.replyTimeoutMs);
    }
  }

  private abortSend(code: ErrorCode, detail: string): void {
    this.write('EOT');
    this.cancelTimer('replyTimeout');
    this.failHead(code, detail);
    this.setPhase('idle');
    this.startNextSend();
  }

  private failHead(code: ErrorCode, detail: string): void {
    const head = this.queue.shift();
    if (head !== undefined) {
      this.actions.push({ type: 'sendFailed', messageId: head.id, code, detail });
    }
  }

  // ── timers and connection ────────────────────────────────────────────────────

  private onTimeout(timer: AstmTimerName): void {
    switch (timer) {
      case 'receiveTimeout':
        if (this.phase === 'receiving') {
          this.linkError('SIL_ASTM_LINK_TIMEOUT', 'no frame or EOT within the receive timeout');
          this.endReceiving('receive timeout');
        }
        return;
      case 'replyTimeout':
        if (this.phase === 'establishing') {
          this.write('EOT');
          this.linkError('SIL_ASTM_LINK_TIMEOUT', 'no answer to ENQ');
          this.setPhase('idle');
          this.enqFailed('no answer to ENQ');
        } else if (this.phase === 'sending') {
          this.abortSend('SIL_ASTM_LINK_TIMEOUT', 'no answer to a frame within the reply timeout');
        }
        return;
      case 'enqRetry':
      case 'contentionBackoff':
        this.startNextSend();
        return;
      case 'storageTimeout':
        if (this.phase === 'awaitingStorage') {
          this.pendingStorage = undefined;
          this.setPhase('receiving');
          this.linkError('SIL_ASTM_STORAGE_TIMEOUT', 'storage not confirmed in time: final frame refused');
          this.write('NAK');
          this.startTimer('receiveTimeout', this.receiveTimeoutMs);
        }
        return;
    }
  }

  private onConnectionClosed(): void {
    for (const timer of [...this.armed]) {
      this.cancelTimer(timer);
    }
    if (this.phase === 'awaitingStorage') {
      this.linkError(
        'SIL_ASTM_LINK_CLOSED',
        'connection closed before storage was confirmed: message not acknowledged'
      );
    }
    this.pendingStorage = undefined;
    this.dropPartialMessage('connection closed');
    for (const message of this.queue.splice(0)) {
      this.actions.push({
        type: 'sendFailed',
        messageId: message.id,
        code: 'SIL_ASTM_LINK_CLOSED',
        detail: 'connection closed',
      });
    }
    this.tokenizer.reset();
    this.enqAttempts = 0;
    this.setPhase('idle');
  }

  // ── action helpers ───────────────────────────────────────────────────────────

  private setPhase(phase: AstmLinkPhase): void {
    this.phase = phase;
  }

  private write(label: Exclude<AstmWriteLabel, 'frame'>): void {
    this.actions.push({ type: 'write', bytes: Uint8Array.of(singleByte[label]), label });
  }

  private startTimer(timer: AstmTimerName, ms: number): void {
    this.armed.add(timer);
    this.actions.push({ type: 'startTimer', timer, ms });
  }

  private cancelTimer(timer: AstmTimerName): void {
    if (this.armed.delete(timer)) {
      this.actions.push({ type: 'cancelTimer', timer });
    }
  }

  private linkError(code: ErrorCode, detail: string): void {
    this.actions.push({ type: 'linkError', code, detail });
  }
}
