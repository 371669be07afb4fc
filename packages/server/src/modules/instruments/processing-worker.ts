/**
 * The in-process worker of the inbound queue. Links hand each stored message over at once
 * (`notify`, or `processNow` when the sender waits for an answer); a poll picks what was left over
 * — messages stored just before a crash, retries whose backoff has elapsed — so a message stored
 * and acknowledged is always processed eventually. At most `concurrency` batches are processed at
 * a time (1 on PGlite, whose single connection serialises transactions anyway); the messages handed
 * over while every slot is busy wait and go together, up to `batch`, into the next transaction
 * (MessageProcessor.processBatch: one savepoint each, a failure stays with its message).
 */
import { SillageError } from '@sillage/core';
import type { Database } from '../../db/database.js';
import type { MessageProcessor, ProcessingResult } from './message-processor.js';
import { claimDueInbound } from './messages.repository.js';

interface Queued {
  readonly id: number;
  readonly resolve: (result: ProcessingResult) => void;
  readonly reject: (error: unknown) => void;
}

export interface WorkerOptions {
  readonly pollMs?: number;
  readonly concurrency?: number;
  readonly batch?: number;
  /**
   * How long a message handed over waits for others before its batch starts (default: 25 ms on
   * PGlite, 0 on PostgreSQL). PGlite runs in the link's thread and blocks it for a whole
   * transaction: one transaction per message would stall every connection's next frame, whereas
   * the acknowledgement never waits for processing (it follows the store). On PostgreSQL the
   * transactions run on the server, and batches form by themselves while every slot is busy.
   */
  readonly gatherMs?: number;
  readonly onError?: (error: unknown) => void;
}

export class ProcessingWorker {
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly batch: number;
  private readonly gatherMs: number;
  private readonly onError: (error: unknown) => void;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private polling: Promise<void> | undefined;
  private active = 0;
  private scheduled = false;
  private readonly queue: Queued[] = [];
  private readonly inFlight = new Map<number, Promise<ProcessingResult>>();
  private idleResolvers: (() => void)[] = [];

  constructor(
    private readonly database: Database,
    private readonly processor: MessageProcessor,
    options: WorkerOptions = {}
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.concurrency = options.concurrency ?? (database.kind === 'pglite' ? 1 : 4);
    this.batch = options.batch ?? 50;
    this.gatherMs = options.gatherMs ?? (database.kind === 'pglite' ? 25 : 0);
    this.onError = options.onError ?? (() => undefined);
  }

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and waits for the messages being processed. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.polling;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Processes a message now (joining a run already in progress for it). */
  processNow(id: number): Promise<ProcessingResult> {
    const existing = this.inFlight.get(id);
    if (existing !== undefined) {
      return existing;
    }
    const run = new Promise<ProcessingResult>((resolve, reject) => {
      this.queue.push({ id, resolve, reject });
      this.schedulePump();
    }).finally(() => {
      this.inFlight.delete(id);
      if (this.inFlight.size === 0) {
        for (const resolve of this.idleResolvers.splice(0)) {
          resolve();
        }
      }
    });
    this.inFlight.set(id, run);
    return run;
  }

  /** Fire and forget: the message is processed as soon as a slot is free. */
  notify(id: number): void {
    this.processNow(id).catch(this.onError);
  }

  /** Resolves when nothing is being processed (tests, orderly shutdown). */
  idle(): Promise<void> {
    if (this.inFlight.size === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleResolvers.push(resolve));
  }

  /** One pass over the due messages (also what the timer runs). */
  async drain(): Promise<number> {
    let processed = 0;
    for (;;) {
      const ids = await this.database.transaction((tx) => claimDueInbound(tx, this.batch));
      const fresh = ids.filter((id) => !this.inFlight.has(id));
      if (fresh.length === 0) {
        return processed;
      }
      const results = await Promise.allSettled(fresh.map((id) => this.processNow(id)));
      processed += results.length;
      if (results.every((result) => result.status === 'fulfilled' && result.value.status === 'received')) {
        return processed; // everything was rescheduled: wait for the backoff
      }
      if (!this.running) {
        return processed;
      }
    }
  }

  private schedule(delay: number): void {
    if (!this.running) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.polling = this.drain()
        .then(() => undefined, this.onError)
        .finally(() => {
          this.polling = undefined;
          this.schedule(this.pollMs);
        });
    }, delay);
    this.timer.unref();
  }

  /**
   * After the current I/O callbacks, or the gathering delay, so the messages stored meanwhile go
   * together. After a batch too: on PGlite the links' stores (which wait 3 ms) then pass first, so
   * an acknowledgement never queues behind two processing batches.
   */
  private schedulePump(): void {
    if (this.scheduled) {
      return;
    }
    this.scheduled = true;
    const go = (): void => {
      this.scheduled = false;
      this.pump();
    };
    if (this.gatherMs > 0 && this.queue.length < this.batch) {
      setTimeout(go, this.gatherMs);
    } else {
      setImmediate(go);
    }
  }

  /** Starts a batch in every free slot, with the messages waiting (oldest first). */
  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.batch);
      this.active++;
      void this.run(batch).finally(() => {
        this.active--;
        this.schedulePump();
      });
    }
  }

  private async run(batch: readonly Queued[]): Promise<void> {
    try {
      const results = await this.processor.processBatch(batch.map((queued) => queued.id));
      for (const queued of batch) {
        const result = results.get(queued.id);
        if (result === undefined) {
          queued.reject(new SillageError('SIL_CONNECT_MESSAGE_NOT_FOUND', { detail: String(queued.id) }));
        } else {
          queued.resolve(result);
        }
      }
    } catch (error) {
      for (const queued of batch) {
        queued.reject(error);
      }
    }
  }
}
