/**
 * The durable write that comes before every acknowledgement (issue 4: "each raw inbound message is
 * written to the database before it is acknowledged"). One transaction: the bytes, their SHA-256,
 * the instrument and the time, plus — for HL7 — the acknowledgement about to be written, logged in
 * the same commit. Only once it has committed does the link write ACK (ASTM) or AA (HL7).
 *
 * Idempotent: the same bytes from the same instrument within the window (an ASTM sender repeating
 * its last frame after a lost ACK, an HL7 sender resending after a timeout) return the stored row
 * instead of a second one. Check and insert are one statement; on PostgreSQL it runs under
 * transaction-scoped advisory locks on (instrument, hash), so two processes delivering the same
 * message at once store it once (PGlite runs one transaction at a time).
 *
 * Group commit: deliveries that arrive while a commit is under way (other connections, other
 * links) wait and are written together by the next transaction — one INSERT, one commit — and each
 * caller resolves only once that commit is done, so the rule above still holds message by message.
 * On PostgreSQL nothing is delayed on purpose (the deliveries of one event-loop turn, and those
 * arriving while two commits are under way, form the batches); on PGlite a delivery waits up to
 * 3 ms for others (see `schedule`). Should a batch fail, its messages are written one by one, so
 * one bad message cannot refuse the others.
 */
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../../db/database.js';
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

interface Waiting {
  readonly request: StoreRequest;
  readonly sha256: string;
  readonly windowMs: number;
  readonly resolve: (stored: StoredMessage) => void;
  readonly reject: (error: unknown) => void;
}

/** Most messages written by one transaction (a bound on the statement's size). */
const maxBatch = 200;
/** PGlite: what a delivery may wait for others to share its commit (it adds to the ACK's latency). */
const pgliteGatherMs = 3;

/** The deliveries of one database waiting for the next group commit. */
class InboundBatcher {
  private readonly waiting: Waiting[] = [];
  private writing = 0;
  private scheduled = false;

  constructor(
    private readonly database: Database,
    /** Commits under way at once: PGlite runs one transaction at a time, a PostgreSQL pool several. */
    private readonly parallel: number,
    /** Wait before a commit for other deliveries to join it (0: only those of this event-loop turn). */
    private readonly gatherMs: number
  ) {}

  store(request: StoreRequest, windowMs: number): Promise<StoredMessage> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, sha256: sha256Hex(request.raw), windowMs, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Starts writing after the current I/O callbacks — every delivery read from the sockets in this
   * turn of the event loop joins the batch — or after `gatherMs`. PGlite runs a whole transaction
   * in the links' thread without yielding to I/O: connections advance one protocol step per turn,
   * staggered, so final frames rarely arrive in the same turn; a few milliseconds gather them.
   */
  private schedule(): void {
    if (this.scheduled || this.writing >= this.parallel) {
      return; // a commit under way schedules the next one when it ends
    }
    this.scheduled = true;
    const go = (): void => {
      this.scheduled = false;
      this.pump();
    };
    if (this.gatherMs > 0 && this.waiting.length < maxBatch) {
      setTimeout(go, this.gatherMs);
    } else {
      setImmediate(go);
    }
  }

  private pump(): void {
    while (this.writing < this.parallel && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, maxBatch);
      this.writing++;
      void this.write(batch).finally(() => {
        this.writing--;
        this.schedule();
      });
    }
  }

  private async write(batch: readonly Waiting[]): Promise<void> {
    try {
      const stored = await this.database.transaction((tx) => storeBatch(tx, this.database.kind, batch));
      batch.forEach((waiting, index) => waiting.resolve(stored[index] as StoredMessage));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const waiting of batch) {
        try {
          const [stored] = await this.database.transaction((tx) => storeBatch(tx, this.database.kind, [waiting]));
          waiting.resolve(stored as StoredMessage);
        } catch (alone) {
          waiting.reject(alone);
        }
      }
    }
  }
}

async function storeBatch(tx: Queryable, kind: Database['kind'], batch: readonly Waiting[]): Promise<StoredMessage[]> {
  const keyOf = (waiting: Waiting): string => `${waiting.request.instrumentId}:${waiting.sha256}`;
  if (kind === 'postgres') {
    // PGlite runs one transaction at a time; PostgreSQL needs the locks for concurrent deliveries
    // (taken in one order — by key — so two batches cannot deadlock).
    await tx.query(
      `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtext(key) AS k FROM unnest($1::text[]) AS key) s
       ORDER BY k`,
      [batch.map(keyOf)]
    );
  }
  // A repeat inside the batch is the first delivery's duplicate: only first deliveries are written.
  const firstIndex = new Map<string, number>();
  const firsts: Waiting[] = [];
  for (const waiting of batch) {
    if (!firstIndex.has(keyOf(waiting))) {
      firstIndex.set(keyOf(waiting), firsts.length);
      firsts.push(waiting);
    }
  }
  const rows = await messages.insertInboundBatch(
    tx,
    firsts.map(({ request, sha256, windowMs }) => ({
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
      windowMs,
      acknowledgement: request.acknowledgement ?? null,
    }))
  );
  for (const [index, waiting] of firsts.entries()) {
    const answers = waiting.request.answers;
    if (rows[index]?.duplicate === false && answers !== undefined) {
      await messages.answerOutbound(
        tx,
        waiting.request.instrumentId,
        answers.controlId,
        answers.accepted,
        answers.detail
      );
    }
  }
  return batch.map((waiting) => {
    const index = firstIndex.get(keyOf(waiting)) as number;
    const row = rows[index] as messages.StoredInboundRow;
    return firsts[index] === waiting ? row : { ...row, duplicate: true };
  });
}

const batchers = new WeakMap<Database, InboundBatcher>();

/** Stores one inbound message; resolves once it is committed (with the others of its group commit). */
export function storeInbound(
  database: Database,
  request: StoreRequest,
  dedupeWindowMs = defaultDedupeWindowMs
): Promise<StoredMessage> {
  let batcher = batchers.get(database);
  if (batcher === undefined) {
    batcher =
      database.kind === 'postgres'
        ? new InboundBatcher(database, 2, 0)
        : new InboundBatcher(database, 1, pgliteGatherMs);
    batchers.set(database, batcher);
  }
  return batcher.store(request, dedupeWindowMs);
}
