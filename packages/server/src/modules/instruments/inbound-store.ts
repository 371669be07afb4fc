/**
 * The durable write that comes before every acknowledgement (issue 4: "each raw inbound message is
 * written to the database before it is acknowledged"). One transaction: the bytes, their SHA-256,
 * the instrument and the time, plus — for HL7 — the acknowledgement about to be written, logged in
 * the same commit. Only once it has committed does the link write ACK (ASTM) or AA (HL7).
 *
 * Idempotent: the same bytes from the same instrument within the window (an ASTM sender repeating
 * its last frame after a lost ACK, an HL7 sender resending after a timeout) return the stored row
 * instead of a second one. Check and insert are one statement; on PostgreSQL it runs under a
 * transaction-scoped advisory lock on (instrument, hash), so two connections delivering the same
 * message at once store it once (PGlite runs one transaction at a time).
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { InboundStatus, InstrumentProtocol } from './instruments.schemas.js';
import * as messages from './messages.repository.js';

export interface StoreRequest {
  readonly instrumentId: string;
  readonly protocol: InstrumentProtocol;
  readonly raw: Uint8Array;
  readonly remoteAddress: string | null;
  readonly messageType: string | null;
  readonly controlId: string | null;
  readonly status?: InboundStatus;
  readonly errorCode?: string | null;
  readonly errorDetail?: string | null;
  /** Delay before the background worker may pick it up (default 5 s: the link processes it at once). */
  readonly processAfterMs?: number;
  /** The acknowledgement to log with the message (HL7), written to the socket after the commit. */
  readonly acknowledgement?: {
    readonly raw: Uint8Array;
    readonly messageType: string;
    readonly controlId: string;
  };
  /** An answer from the instrument to one of our messages (MSA-2 = our control id). */
  readonly answers?: { readonly controlId: string; readonly accepted: boolean; readonly detail: string | null };
}

export interface StoredMessage {
  readonly id: number;
  /** True when the same bytes were already stored within the window (nothing new was written). */
  readonly duplicate: boolean;
  readonly status: InboundStatus;
}

export const defaultDedupeWindowMs = 10 * 60_000;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function storeInbound(
  database: Database,
  request: StoreRequest,
  dedupeWindowMs = defaultDedupeWindowMs
): Promise<StoredMessage> {
  const sha256 = sha256Hex(request.raw);
  return database.transaction(async (tx) => {
    if (database.kind === 'postgres') {
      // PGlite runs one transaction at a time; PostgreSQL needs the lock for concurrent deliveries.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${request.instrumentId}:${sha256}`]);
    }
    const stored = await messages.insertInboundOnce(
      tx,
      {
        instrumentId: request.instrumentId,
        protocol: request.protocol,
        raw: request.raw,
        sha256,
        remoteAddress: request.remoteAddress,
        messageType: request.messageType,
        controlId: request.controlId,
        status: request.status ?? 'received',
        errorCode: request.errorCode ?? null,
        errorDetail: request.errorDetail ?? null,
        processAfterMs: request.processAfterMs ?? 5000,
      },
      dedupeWindowMs,
      request.acknowledgement ?? null
    );
    if (!stored.duplicate && request.answers !== undefined) {
      await messages.answerOutbound(
        tx,
        request.instrumentId,
        request.answers.controlId,
        request.answers.accepted,
        request.answers.detail
      );
    }
    return stored;
  });
}
