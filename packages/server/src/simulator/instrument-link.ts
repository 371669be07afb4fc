import type { PlannedMessage } from './simulator-types.js';

/** How one attempt at sending a message ended. */
export type SendOutcome =
  | { readonly status: 'acknowledged'; readonly latencyMs: number }
  /** HL7 AE/AR: the receiver read the message and refused it; an analyzer does not send it again. */
  | { readonly status: 'rejected'; readonly code: string; readonly detail: string }
  /** Given up on this connection (ASTM retries exhausted, ENQ refused…). */
  | { readonly status: 'failed'; readonly code: string; readonly detail: string }
  /** The connection dropped (or the ACK never came): the message must be sent again on a new one. */
  | { readonly status: 'connectionLost'; readonly code: string; readonly detail: string };

/** One connection to the LIS, speaking the instrument side of a protocol; one message at a time. */
export interface InstrumentLink {
  send(message: PlannedMessage): Promise<SendOutcome>;
  readonly alive: boolean;
  /** Ends the connection politely, waits for the socket to close (destroys it after `graceMs`). */
  close(graceMs?: number): Promise<void>;
}
