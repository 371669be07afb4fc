/**
 * Closed-loop load generator: N virtual clients, each sends its next request as soon as the
 * previous one answered (what 16 desks hammering the search box look like). A warm-up phase
 * (JIT, plan caches, connection pool, keep-alive sockets) is run and discarded; only requests
 * *started* inside the measurement window are counted.
 */
import { summarize, type LatencySummary } from './latency-stats.js';

export interface LoopTask {
  kind: string;
  run(): Promise<void>;
}

export interface LoopOptions {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  nextTask: () => LoopTask;
}

export interface LoopResult {
  samplesByKind: Record<string, number[]>;
  errors: number;
  firstError: string | null;
  measuredMs: number;
}

export async function runClosedLoop(options: LoopOptions): Promise<LoopResult> {
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;
  const samplesByKind: Record<string, number[]> = {};
  let errors = 0;
  let firstError: string | null = null;
  let lastEnd = measureFrom;

  const virtualClient = async (): Promise<void> => {
    for (;;) {
      const began = performance.now();
      if (began >= stopAt) {
        return;
      }
      const task = options.nextTask();
      let failed = false;
      try {
        await task.run();
      } catch (error) {
        failed = true;
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      const ended = performance.now();
      if (began >= measureFrom && !failed) {
        (samplesByKind[task.kind] ??= []).push(ended - began);
        lastEnd = Math.max(lastEnd, ended);
      }
    }
  };

  await Promise.all(Array.from({ length: options.concurrency }, virtualClient));
  return { samplesByKind, errors, firstError, measuredMs: lastEnd - measureFrom };
}

export interface LoopSummary extends LatencySummary {
  firstError?: string;
  byKind: Record<string, LatencySummary>;
}

/** Overall figures plus one line per kind of request (e.g. per kind of search query). */
export function summarizeLoop(result: LoopResult): LoopSummary {
  const all = Object.values(result.samplesByKind).flat();
  const byKind: Record<string, LatencySummary> = {};
  for (const [kind, samples] of Object.entries(result.samplesByKind)) {
    byKind[kind] = summarize(samples, result.measuredMs);
  }
  return {
    ...summarize(all, result.measuredMs, result.errors),
    ...(result.firstError === null ? {} : { firstError: result.firstError }),
    byKind,
  };
}
