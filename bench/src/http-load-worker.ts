/**
 * Worker thread that plays the HTTP clients. On a 2-core machine the load generator must not
 * share the server's event loop, or the server's latency would include the client's work.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { runClosedLoop, type LoopResult } from './closed-loop.js';
import { httpGet, targetOf } from './http-client.js';

export interface HttpLoadRequest {
  kind: string;
  path: string;
}

export interface HttpLoadJob {
  baseUrl: string;
  headers: Record<string, string>;
  requests: HttpLoadRequest[];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Count answers with at least one item (`{"items":[…]}`): proves the searches hit. */
  countHits: boolean;
}

export interface HttpLoadOutcome extends LoopResult {
  hitsByKind: Record<string, { answered: number; withResults: number }>;
}

async function play(job: HttpLoadJob): Promise<HttpLoadOutcome> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const target = targetOf(job.baseUrl);
  const hitsByKind: HttpLoadOutcome['hitsByKind'] = {};
  let next = 0;
  const result = await runClosedLoop({
    concurrency: job.concurrency,
    warmupMs: job.warmupMs,
    durationMs: job.durationMs,
    nextTask: () => {
      const request = job.requests[next++ % job.requests.length] as HttpLoadRequest;
      return {
        kind: request.kind,
        run: async () => {
          const body = await httpGet(agent, target, request.path, job.headers);
          if (job.countHits) {
            const hits = (hitsByKind[request.kind] ??= { answered: 0, withResults: 0 });
            hits.answered++;
            if ((JSON.parse(body) as { items: unknown[] }).items.length > 0) {
              hits.withResults++;
            }
          }
        },
      };
    },
  });
  agent.destroy();
  return { ...result, hitsByKind };
}

if (parentPort !== null) {
  const port = parentPort;
  play(workerData as HttpLoadJob).then(
    (outcome) => port.postMessage({ ok: true, outcome }),
    (error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) })
  );
}
