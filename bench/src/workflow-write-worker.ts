/**
 * Worker thread that plays the technicians typing results: `PUT /api/results/:id`, one value per
 * request, in a closed loop (the client must not share the server's event loop on 2 cores). Each
 * target is a pending result of a received tube; the worker keeps each result's version
 * (optimistic locking), so once every target has been entered the loop goes round again as
 * corrections before technical validation (entered → entered, new version).
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { runClosedLoop, type LoopResult } from './closed-loop.js';
import { targetOf, type HttpTarget } from './http-client.js';

export interface WriteTarget {
  /** Analyte code: one latency line per analyte. */
  kind: string;
  resultId: string;
  /** As typed at the bench (decimal comma or point). */
  value: string;
}

export interface WriteLoadJob {
  baseUrl: string;
  /** Session cookie and the CSRF header the access plugin requires on a PUT. */
  headers: Record<string, string>;
  targets: WriteTarget[];
  /** Versions left by an earlier run on the same targets (result id → current version). */
  versions: Record<string, number>;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface WriteLoadOutcome extends LoopResult {
  saved: number;
  /** Saved values that came back flagged (L, H, LL, HH) and with a delta against the previous result. */
  withFlag: number;
  withDelta: number;
  deltaExceeded: number;
  /** Calculated analytes recomputed by the same request (DFG after a creatinine). */
  recalculated: number;
  /** Passes over the target list (> 1: later passes are corrections of entered values). */
  passes: number;
  /** Each target's version after the run, for the next run on the same targets. */
  versions: Record<string, number>;
}

interface EntryAnswer {
  result: { version: number; flag: string | null; delta: { exceeded: boolean } | null };
  recalculated: unknown[];
}

function httpPut(
  agent: http.Agent,
  target: HttpTarget,
  path: string,
  headers: Record<string, string>,
  body: string
): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: target.host,
        port: target.port,
        path,
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode === 200) {
            resolve(text);
          } else {
            reject(new Error(`PUT ${path} → HTTP ${response.statusCode ?? '?'} ${text.slice(0, 300)}`));
          }
        });
      }
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function play(job: WriteLoadJob): Promise<WriteLoadOutcome> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const target = targetOf(job.baseUrl);
  const versions = new Map<string, number>(Object.entries(job.versions));
  const counts = { saved: 0, withFlag: 0, withDelta: 0, deltaExceeded: 0, recalculated: 0 };
  let next = 0;
  const result = await runClosedLoop({
    concurrency: job.concurrency,
    warmupMs: job.warmupMs,
    durationMs: job.durationMs,
    nextTask: () => {
      const entry = job.targets[next++ % job.targets.length] as WriteTarget;
      return {
        kind: entry.kind,
        run: async () => {
          const body = JSON.stringify({ value: entry.value, expectedVersion: versions.get(entry.resultId) ?? 0 });
          const answer = JSON.parse(
            await httpPut(agent, target, `/api/results/${entry.resultId}`, job.headers, body)
          ) as EntryAnswer;
          versions.set(entry.resultId, answer.result.version);
          counts.saved++;
          if (answer.result.flag !== null && answer.result.flag !== 'N') {
            counts.withFlag++;
          }
          if (answer.result.delta !== null) {
            counts.withDelta++;
            if (answer.result.delta.exceeded) {
              counts.deltaExceeded++;
            }
          }
          counts.recalculated += answer.recalculated.length;
        },
      };
    },
  });
  agent.destroy();
  return {
    ...result,
    ...counts,
    passes: Math.round((next / Math.max(1, job.targets.length)) * 100) / 100,
    versions: Object.fromEntries(versions),
  };
}

if (parentPort !== null) {
  const port = parentPort;
  play(workerData as WriteLoadJob).then(
    (outcome) => port.postMessage({ ok: true, outcome }),
    (error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) })
  );
}
