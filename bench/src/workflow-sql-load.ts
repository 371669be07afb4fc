/**
 * The biologist's queue and the patient history as SQL alone (the repositories' own functions on
 * the root handle, no HTTP, no session, no audit event), at the same concurrency as over HTTP: the
 * difference between the two lines is what the HTTP layer, the transaction and the audit cost.
 * Plus one EXPLAIN ANALYZE per statement measured, taken from the SQL the repository really sends.
 */
import type { Database, Queryable, SqlParam } from '../../packages/server/dist/db/database.js';
import { knownPatientHistory, previousResults } from '../../packages/server/dist/modules/results/history.repository.js';
import { lockResults } from '../../packages/server/dist/modules/results/results.repository.js';
import { validationQueue } from '../../packages/server/dist/modules/results/validation.repository.js';
import { runClosedLoop, summarizeLoop, type LoopSummary } from './closed-loop.js';

export interface HistoryCase {
  patientId: string;
  /** null: every analyte of the patient (the route without `analyteCode`). */
  analyteCode: string | null;
}

export interface SqlLoadShape {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

/** The queue's and the history's default page sizes (results.schemas.ts: `limit` default). */
export const queueLimit = 100;
export const historyLimit = 50;

export function historyKind(historyCase: HistoryCase): string {
  return historyCase.analyteCode === null ? 'allAnalytes' : 'oneAnalyte';
}

export async function loadQueueSql(database: Database, shape: SqlLoadShape): Promise<LoopSummary> {
  const result = await runClosedLoop({
    ...shape,
    nextTask: () => ({ kind: 'queue', run: async () => void (await validationQueue(database, queueLimit)) }),
  });
  return summarizeLoop(result);
}

export async function loadHistorySql(
  database: Database,
  cases: readonly HistoryCase[],
  shape: SqlLoadShape
): Promise<LoopSummary> {
  let next = 0;
  const result = await runClosedLoop({
    ...shape,
    nextTask: () => {
      const historyCase = cases[next++ % cases.length] as HistoryCase;
      return {
        kind: historyKind(historyCase),
        run: async () =>
          void (await knownPatientHistory(database, historyCase.patientId, historyCase.analyteCode, historyLimit)),
      };
    },
  });
  return summarizeLoop(result);
}

export interface PlanSummary {
  planningMs: number;
  executionMs: number;
  /** EXPLAIN (ANALYZE, BUFFERS) as text, first lines. */
  plan: string[];
}

/** Captures the statement a repository function sends, without running it. */
function recorder(): { handle: Queryable; taken: () => { sql: string; params: readonly SqlParam[] } } {
  let captured: { sql: string; params: readonly SqlParam[] } | null = null;
  const handle: Queryable = {
    query: <Row extends object>(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> => {
      captured = { sql, params };
      return Promise.resolve([]);
    },
  };
  return {
    handle,
    taken: () => {
      if (captured === null) {
        throw new Error('aucune requête capturée');
      }
      return captured;
    },
  };
}

async function explain(
  database: Database,
  send: (handle: Queryable) => Promise<unknown>,
  maxLines: number
): Promise<PlanSummary> {
  const { handle, taken } = recorder();
  await send(handle);
  const { sql, params } = taken();
  const rows = await database.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const lines = rows.map((row) => row['QUERY PLAN']);
  const timing = (label: string): number => {
    const line = lines.find((l) => l.startsWith(label));
    return line === undefined ? Number.NaN : Number(/([\d.]+) ms/.exec(line)?.[1] ?? Number.NaN);
  };
  return {
    planningMs: timing('Planning Time'),
    executionMs: timing('Execution Time'),
    plan:
      lines.length > maxLines ? [...lines.slice(0, maxLines - 1), `… (${lines.length - maxLines + 1} lignes)`] : lines,
  };
}

export interface PlanCases {
  history: HistoryCase & { analyteCode: string };
  entry: { resultId: string; patientId: string; orderId: string; analyteCode: string };
}

/** One EXPLAIN ANALYZE per measured statement (run after the loads: warm cache, like the loads). */
export async function explainWorkflow(database: Database, cases: PlanCases, maxLines = 40) {
  const now = new Date();
  return {
    queue: await explain(database, (db) => validationQueue(db, queueLimit), maxLines),
    historyOneAnalyte: await explain(
      database,
      (db) => knownPatientHistory(db, cases.history.patientId, cases.history.analyteCode, historyLimit),
      maxLines
    ),
    historyAllAnalytes: await explain(
      database,
      (db) => knownPatientHistory(db, cases.history.patientId, null, historyLimit),
      maxLines
    ),
    entryLockOrder: await explain(database, (db) => lockResults(db, { resultId: cases.entry.resultId }), maxLines),
    entryPreviousResult: await explain(
      database,
      (db) =>
        previousResults(
          db,
          cases.entry.patientId,
          [{ analyteCode: cases.entry.analyteCode, before: now }],
          cases.entry.orderId,
          1
        ),
      maxLines
    ),
  };
}
