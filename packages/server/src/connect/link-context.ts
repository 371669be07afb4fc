/** What every connection of one instrument link shares: profile, database, queue, status, options. */
import type { Database } from '../db/database.js';
import type { InstrumentProfile } from '../modules/instruments/instruments.repository.js';
import type { ProcessingWorker } from '../modules/instruments/processing-worker.js';
import type { ResolvedConnectOptions } from './connect-options.js';
import type { LinkStatusTracker } from './link-status.js';

export interface LinkContext {
  readonly profile: InstrumentProfile;
  readonly database: Database;
  readonly worker: ProcessingWorker;
  readonly status: LinkStatusTracker;
  readonly options: ResolvedConnectOptions;
  /** Asks the link to send the analyzer its pending work orders (LAB-28) for these tubes. */
  readonly requestWorkOrders: (barcodes: readonly string[]) => void;
}

/** A live connection of a link, whichever protocol. */
export interface LinkConnection {
  /** Writes an already logged outbound message; false when the connection cannot take it. */
  sendOutbound(message: { id: number; raw: Uint8Array; text: string }): boolean;
  close(): void;
}

export function remoteAddressOf(socket: {
  remoteAddress?: string | undefined;
  remotePort?: number | undefined;
}): string | null {
  return socket.remoteAddress === undefined ? null : `${socket.remoteAddress}:${socket.remotePort ?? ''}`;
}
