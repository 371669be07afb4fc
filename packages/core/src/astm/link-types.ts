import type { ErrorCode } from '../errors/error-catalog.js';
import type { InstrumentCharset } from './instrument-charset.js';

/**
 * E1381 §6.2.1 gives the two ends different contention rules, so the machine must know which one
 * it plays: Sillage is the `computer` (the LIS); the simulator plays the `instrument`.
 */
export type AstmLinkRole = 'computer' | 'instrument';

/**
 * Timers the caller runs for the machine. `startTimer` (re)arms a timer, replacing one armed under
 * the same name; `cancelTimer` disarms it; when it expires the caller feeds `{ type: 'timeout' }`.
 * A timeout for a timer that is no longer armed is ignored.
 */
export type AstmTimerName =
  /** Sender waiting for the reply to its ENQ or to a frame (E1381 §6.5.2: 15 s). */
  | 'replyTimeout'
  /** Receiver waiting for the next frame or EOT (E1381 §6.5.2: 30 s). */
  | 'receiveTimeout'
  /** Sender waiting before a new ENQ after a NAK (E1381 §6.2: at least 10 s) or a failed attempt. */
  | 'enqRetry'
  /** Sender backing off after contention (E1381 §6.2.1: computer ≥ 20 s, instrument ≥ 1 s). */
  | 'contentionBackoff'
  /** Receiver waiting for the caller to confirm the message is stored before the final ACK. */
  | 'storageTimeout';

export type AstmLinkPhase =
  /** Neutral: no session; an ENQ from the other side is answered, a queued message may be sent. */
  | 'idle'
  /** Receiver, between ENQ and EOT. */
  | 'receiving'
  /** Receiver holding the ACK of a final frame until the caller confirms storage. */
  | 'awaitingStorage'
  /** Sender: ENQ sent, waiting for ACK/NAK. */
  | 'establishing'
  /** Sender: a frame sent, waiting for ACK/NAK. */
  | 'sending';

export type AstmLinkEvent =
  /** Bytes read from the connection, in any chunking. */
  | { readonly type: 'bytesReceived'; readonly bytes: Uint8Array }
  /** A timer started by a `startTimer` action expired. */
  | { readonly type: 'timeout'; readonly timer: AstmTimerName }
  /** Queue a message (E1394 records, each ending with CR) to send; `messageId` comes back in `sent`/`sendFailed`. */
  | { readonly type: 'send'; readonly messageText: string; readonly messageId?: string }
  /** The message of `awaitStorage` is durably stored: the final frame is acknowledged. */
  | { readonly type: 'stored'; readonly storageId: number }
  /** Storing the message of `awaitStorage` failed: the final frame is refused (NAK) so the sender repeats it. */
  | { readonly type: 'storageFailed'; readonly storageId: number; readonly reason?: string }
  /** While busy, the receiver answers ENQ with NAK (E1381 §6.2: receiver not ready). */
  | { readonly type: 'setBusy'; readonly busy: boolean }
  /** The connection closed: partial input is dropped, queued messages fail with `SIL_ASTM_LINK_CLOSED`. */
  | { readonly type: 'connectionClosed' };

export type AstmWriteLabel = 'ENQ' | 'ACK' | 'NAK' | 'EOT' | 'frame';

export type AstmLinkAction =
  /** Write these bytes to the connection now. */
  | { readonly type: 'write'; readonly bytes: Uint8Array; readonly label: AstmWriteLabel }
  /**
   * A complete message arrived (its final ETX frame checked) and its ACK is withheld: store
   * `textBytes` durably, then feed `stored` (→ ACK) or `storageFailed` (→ NAK) with `storageId`.
   */
  | {
      readonly type: 'awaitStorage';
      readonly storageId: number;
      readonly messageText: string;
      readonly textBytes: Uint8Array;
      readonly frameCount: number;
    }
  /** A complete message arrived and was acknowledged at once (only with `ackAfterStorage: false`). */
  | {
      readonly type: 'deliver';
      readonly messageText: string;
      readonly textBytes: Uint8Array;
      readonly frameCount: number;
    }
  | { readonly type: 'startTimer'; readonly timer: AstmTimerName; readonly ms: number }
  | { readonly type: 'cancelTimer'; readonly timer: AstmTimerName }
  /** A queued message was sent and its last frame acknowledged. */
  | { readonly type: 'sent'; readonly messageId: string }
  /** A queued message was given up; the caller may queue it again. */
  | { readonly type: 'sendFailed'; readonly messageId: string; readonly code: ErrorCode; readonly detail: string }
  /** Something worth logging on the link status (bad frame, timeout, aborted session…). */
  | { readonly type: 'linkError'; readonly code: ErrorCode; readonly detail: string };

export interface AstmLinkOptions {
  /** Default `computer` (Sillage is the LIS). */
  readonly role?: AstmLinkRole;
  /** Character set of message text (default ISO 8859-1: byte-transparent). */
  readonly charset?: InstrumentCharset;
  /**
   * Default true: a message's final frame is acknowledged only after the caller confirms storage
   * (issue 4: an acknowledged result is never lost). False: `deliver` and ACK at once.
   */
  readonly ackAfterStorage?: boolean;
  /** Text bytes per frame when sending (default 240). */
  readonly maxFrameText?: number;
  /** Largest frame text accepted when receiving (default 64 KiB; real instruments exceed 240). */
  readonly maxReceivedFrameText?: number;
  /** Default 15 000 ms. */
  readonly replyTimeoutMs?: number;
  /** Default 30 000 ms. */
  readonly receiveTimeoutMs?: number;
  /** Default 10 000 ms. */
  readonly enqRetryDelayMs?: number;
  /** Default 20 000 ms for the computer, 1 000 ms for the instrument. */
  readonly contentionBackoffMs?: number;
  /** Default 10 000 ms, below the sender's 15 s reply timer. 0 disables the timer. */
  readonly storageTimeoutMs?: number;
  /** Default 6 (E1381 §6.5.1). */
  readonly maxRetransmissions?: number;
  /** ENQ attempts refused or unanswered before a queued message fails (default 6). */
  readonly maxEnqAttempts?: number;
}

export interface AstmLinkSnapshot {
  readonly role: AstmLinkRole;
  readonly phase: AstmLinkPhase;
  readonly busy: boolean;
  readonly queuedMessages: number;
  readonly messagesReceived: number;
  readonly messagesSent: number;
  /** `now` of the last event that carried bytes, or undefined. */
  readonly lastBytesAt: number | undefined;
}
