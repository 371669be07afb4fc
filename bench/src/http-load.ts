/** Runs an HTTP load job in a worker thread and summarises it. */
import { Worker } from 'node:worker_threads';
import { summarizeLoop, type LoopSummary } from './closed-loop.js';
import type { HttpLoadJob, HttpLoadOutcome } from './http-load-worker.js';

export interface HttpLoadSummary extends LoopSummary {
  hitsByKind?: HttpLoadOutcome['hitsByKind'];
}

export function runHttpLoad(job: HttpLoadJob): Promise<HttpLoadSummary> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./http-load-worker.js', import.meta.url), { workerData: job });
    worker.once('message', (message: { ok: true; outcome: HttpLoadOutcome } | { ok: false; error: string }) => {
      void worker.terminate();
      if (message.ok) {
        const summary: HttpLoadSummary = summarizeLoop(message.outcome);
        if (job.countHits) {
          summary.hitsByKind = message.outcome.hitsByKind;
        }
        resolve(summary);
      } else {
        reject(new Error(message.error));
      }
    });
    worker.once('error', reject);
  });
}
