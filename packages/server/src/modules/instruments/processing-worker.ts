/**
 * The in-process worker of the inbound queue. Links hand each stored message over at once
 * (`notify`, or `processNow` when the sender waits for an answer); a poll picks what was left over
 * — messages stored just before a crash, retries whose backoff has elapsed — so a message stored
 * and acknowledged is always processed eventually. At most `concurrency` messages are processed at
 * a time (1 on PGlite, whose single connection serialises transactions anyway).
 */
import type { Database } from '../../db/database.js';
import type { MessageProcessor, ProcessingResult } from './message-processor.js';
import { claimDueInbound } from './messages.repository.js';

export interface WorkerOptions {
  readonly pollMs?: number;
  readonly concurrency?: number;
  readonly batch?: number;
  readonly onError?: (error: unknown) => void;
}

export class ProcessingWorker {
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly batch: number;
  private readonly onError: (error: unknown) => void;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private polling: Promise<void> | undefined;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
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
    const run = this.withSlot(() => this.processor.process(id)).finally(() => {
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

  private async withSlot<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      // The slot is handed over by the run that ends (no window where a newcomer could jump in).
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next === undefined) {
        this.active--;
      } else {
        next();
      }
    }
  }
}
