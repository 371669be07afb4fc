/** Runs the result-entry load (`PUT /api/results/:id`) in a worker thread and summarises it. */
import { Worker } from 'node:worker_threads';
import { summarizeLoop, type LoopSummary } from './closed-loop.js';
import type { WriteLoadJob, WriteLoadOutcome } from './workflow-write-worker.js';

export interface WriteLoadSummary extends LoopSummary {
  entries: Pick<WriteLoadOutcome, 'saved' | 'withFlag' | 'withDelta' | 'deltaExceeded' | 'recalculated' | 'passes'> & {
    distinctTargets: number;
  };
}

/** Resolves with the summary and the targets' versions (to chain another run on the same targets). */
export function runWriteLoad(
  job: WriteLoadJob
): Promise<{ summary: WriteLoadSummary; versions: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./workflow-write-worker.js', import.meta.url), { workerData: job });
    worker.once('message', (message: { ok: true; outcome: WriteLoadOutcome } | { ok: false; error: string }) => {
      void worker.terminate();
      if (message.ok) {
        const { saved, withFlag, withDelta, deltaExceeded, recalculated, passes } = message.outcome;
        const summary: WriteLoadSummary = {
          ...summarizeLoop(message.outcome),
          entries: {
            saved,
            withFlag,
            withDelta,
            deltaExceeded,
            recalculated,
            passes,
            distinctTargets: job.targets.length,
          },
        };
        resolve({ summary, versions: message.outcome.versions });
      } else {
        reject(new Error(message.error));
      }
    });
    worker.once('error', reject);
  });
}
