/**
 * The four HTTP measures of the workflow, at a given number of clients: the biologist's queue, a
 * patient's history and the review of a queued order (biologist session), and result entry
 * (technician session, CSRF header). Run once at the stated load (16 readers, 4 writers) and once
 * with a single client, whose latency is the service time without queueing.
 */
import { runHttpLoad, type HttpLoadSummary } from './http-load.js';
import { progress } from './progress.js';
import { historyKind, historyLimit, queueLimit, type HistoryCase } from './workflow-sql-load.js';
import { runWriteLoad, type WriteLoadSummary } from './workflow-write-load.js';
import type { WriteTarget } from './workflow-write-worker.js';

export interface WorkflowHttpTargets {
  baseUrl: string;
  /** `Cookie` headers of the logged-in users. */
  biologistCookie: string;
  technicianCookie: string;
  historyCases: readonly HistoryCase[];
  queueOrderIds: readonly string[];
  writeTargets: readonly WriteTarget[];
}

export interface WorkflowHttpLoad {
  label: string;
  readers: number;
  writers: number;
  warmupMs: number;
  durationMs: number;
}

export interface WorkflowHttpMeasures {
  readers: number;
  writers: number;
  /** GET /api/validation/queue (limit 100), biologist session. */
  validationQueue: HttpLoadSummary;
  /** GET /api/results/history?patientId=…[&analyteCode=…] (limit 50), biologist session. */
  patientHistory: HttpLoadSummary;
  /** GET /api/validation/orders/:orderId of the queue's orders (review, 5 previous results per analyte). */
  orderReview: HttpLoadSummary;
  /** PUT /api/results/:id, technician session: one value, flag, delta, calculated analytes, audit. */
  resultEntry: WriteLoadSummary;
}

function csrfOf(cookie: string): string {
  const pair = cookie.split('; ').find((p) => p.startsWith('sillage_csrf='));
  return pair === undefined ? '' : pair.slice('sillage_csrf='.length);
}

/**
 * `versions` carries the entered results' versions from one call to the next (optimistic locking:
 * a result entered by an earlier run is corrected with its current version).
 */
export async function measureWorkflowHttp(
  targets: WorkflowHttpTargets,
  load: WorkflowHttpLoad,
  versions: Record<string, number>
): Promise<{ measures: WorkflowHttpMeasures; versions: Record<string, number> }> {
  const reads = {
    baseUrl: targets.baseUrl,
    concurrency: load.readers,
    warmupMs: load.warmupMs,
    durationMs: load.durationMs,
  };
  const asBiologist = { cookie: targets.biologistCookie };

  progress(`${load.label} : GET /api/validation/queue, ${load.readers} client(s)`);
  const validationQueue = await runHttpLoad({
    ...reads,
    headers: asBiologist,
    requests: [{ kind: 'queue', path: `/api/validation/queue?limit=${queueLimit}` }],
    countHits: true,
  });
  progress(`${load.label} : GET /api/results/history, ${load.readers} client(s)`);
  const patientHistory = await runHttpLoad({
    ...reads,
    headers: asBiologist,
    requests: targets.historyCases.map((c) => ({
      kind: historyKind(c),
      path:
        `/api/results/history?patientId=${c.patientId}` +
        `${c.analyteCode === null ? '' : `&analyteCode=${c.analyteCode}`}&limit=${historyLimit}`,
    })),
    countHits: true,
  });
  progress(`${load.label} : GET /api/validation/orders/:orderId, ${load.readers} client(s)`);
  const orderReview = await runHttpLoad({
    ...reads,
    headers: asBiologist,
    requests: targets.queueOrderIds.map((id) => ({ kind: 'queueOrder', path: `/api/validation/orders/${id}` })),
    countHits: false,
  });
  progress(`${load.label} : PUT /api/results/:id, ${load.writers} client(s), ${targets.writeTargets.length} cibles`);
  const entry = await runWriteLoad({
    baseUrl: targets.baseUrl,
    headers: { cookie: targets.technicianCookie, 'x-csrf-token': csrfOf(targets.technicianCookie) },
    // Results not entered yet first: a later run measures first entries too, not only corrections.
    targets: [
      ...targets.writeTargets.filter((t) => versions[t.resultId] === undefined),
      ...targets.writeTargets.filter((t) => versions[t.resultId] !== undefined),
    ],
    versions,
    concurrency: load.writers,
    warmupMs: load.warmupMs,
    durationMs: load.durationMs,
  });
  return {
    measures: {
      readers: load.readers,
      writers: load.writers,
      validationQueue,
      patientHistory,
      orderReview,
      resultEntry: entry.summary,
    },
    versions: entry.versions,
  };
}
