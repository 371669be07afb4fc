/**
 * Issue 3 § performance in `npm run bench`, on PGlite then on a throw-away PostgreSQL server:
 * - the report PDF of a 30-result order: ≥ 50 reports/s on one core (`measureReportRendering`);
 * - the biologist's queue and the patient history with 1 million results on PostgreSQL: p95 ≤ 30 ms;
 * - the result entry round trip (one value saved with its flag and delta): p95 ≤ 30 ms.
 *
 * Per engine: start Sillage, create a technician and a biologist, load the workflow in SQL
 * (workflow-bulk-load.ts), then measure over HTTP with the logged-in users — queue, history and the
 * order review at 16 clients, result entry at 4 (the verdicts), the same with one client (service
 * time without queueing) — and the queue and history SQL alone beside them, with their plans.
 * The verdicts on the queue and the history count for PostgreSQL only (the issue states them at
 * 1 M results); PGlite's are shown at its own, smaller volume.
 *
 * Knobs (environment): BENCH_WORKFLOW_PATIENTS_POSTGRES (20000: × 5 orders × 10 analytes = 1 M
 * results), BENCH_WORKFLOW_PATIENTS_PGLITE (2000: 100,000 results), BENCH_WORKFLOW_ORDERS_PER_PATIENT
 * (5), BENCH_WORKFLOW_QUEUE_ORDERS (300), BENCH_WORKFLOW_PENDING_ORDERS (1000),
 * BENCH_WORKFLOW_READ_CONCURRENCY (16), BENCH_WORKFLOW_WRITE_CONCURRENCY (4), BENCH_WORKFLOW_WARMUP_MS
 * (1000), BENCH_WORKFLOW_DURATION_MS (5000), BENCH_WORKFLOW_ONE_CLIENT_MS (2500),
 * BENCH_WORKFLOW_REPORTS (200), BENCH_WORKFLOW_LOG_LEVEL (fatal: the server logs to stdout).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../packages/server/dist/config.js';
import type { AuditContext } from '../../packages/server/dist/modules/audit/audit-writer.js';
import {
  measureReportRendering,
  type RenderingMeasure,
} from '../../packages/server/dist/modules/reports/measure-report-rendering.js';
import { startServer } from '../../packages/server/dist/server-runtime.js';
import type { Services } from '../../packages/server/dist/services.js';
import type { LoopSummary } from './closed-loop.js';
import type { Engine } from './engine-bench.js';
import { loginCookieHeader } from './http-client.js';
import { progress } from './progress.js';
import { loadWorkflow, type WorkflowLoadResult } from './workflow-bulk-load.js';
import { measureWorkflowHttp, type WorkflowHttpMeasures, type WorkflowHttpTargets } from './workflow-http-measures.js';
import {
  explainWorkflow,
  historyLimit,
  loadHistorySql,
  loadQueueSql,
  queueLimit,
  type HistoryCase,
  type PlanSummary,
} from './workflow-sql-load.js';
import type { WriteTarget } from './workflow-write-worker.js';

export interface WorkflowShape {
  patients: Record<Engine, number>;
  ordersPerPatient: number;
  queueOrders: number;
  pendingOrders: number;
  readConcurrency: number;
  writeConcurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Measured time of each one-client run (its warm-up: half a second). */
  oneClientDurationMs: number;
  reports: number;
  seed: number;
}

export interface WorkflowEngineResult {
  engine: Engine;
  engineVersion: string;
  volume: WorkflowLoadResult & { note: string };
  /** At the stated load: 16 readers, 4 writers (the verdicts are read here). */
  http: WorkflowHttpMeasures;
  /** One client at a time: the service time without queueing, to tell load from cost. */
  httpOneClient: WorkflowHttpMeasures;
  /** The repositories' SQL alone, same concurrency, root handle. */
  sql: { validationQueue: LoopSummary; patientHistory: LoopSummary };
  plans: Record<string, PlanSummary>;
  auditEventsAfterRun: number;
}

export interface Verdict {
  measured: number | null;
  target: number;
  met: boolean | null;
  /** The same percentile with one client: what the load adds is the difference. */
  oneClient?: number | null;
}

export interface WorkflowBenchResult {
  shape: WorkflowShape & { queueLimit: number; historyLimit: number; loadGenerator: string };
  reportRendering: RenderingMeasure;
  engines: Partial<Record<Engine, WorkflowEngineResult>>;
  targets: { reportsPerSecond: number; queueP95Ms: number; historyP95Ms: number; resultEntryP95Ms: number };
  verdict: {
    reportRendering: Verdict;
    /** The target is stated for PostgreSQL at 1 M results; PGlite is shown at its own volume. */
    validationQueueP95: Partial<Record<Engine, Verdict>>;
    patientHistoryP95: Partial<Record<Engine, Verdict>>;
    resultEntryP95: Partial<Record<Engine, Verdict>>;
    allMet: boolean;
  };
}

interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

/** Issue 3 § performance. */
const targets = { reportsPerSecond: 50, queueP95Ms: 30, historyP95Ms: 30, resultEntryP95Ms: 30 };

/** What the technicians type: each value is flagged H against the adult interval and has a delta rule. */
const entryValues: Record<string, string> = {
  CREATININE: '180', // KDIGO rule: +50 % within 7 days; recomputes the DFG (CKD-EPI)
  POTASSIUM: '5,9', // decimal comma as typed in France; +1.0 mmol/L within 2 days
  SODIUM: '152', // +10 mmol/L within 2 days
};

const password = 'Banc-Essai-Flux-Analytique-2026'; // policy: must not contain the username

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} invalide : entier > 0 attendu, reçu « ${raw ?? ''} »`);
  }
  return value;
}

export function workflowShapeFromEnv(): WorkflowShape {
  return {
    patients: {
      postgres: intFromEnv('BENCH_WORKFLOW_PATIENTS_POSTGRES', 20_000),
      pglite: intFromEnv('BENCH_WORKFLOW_PATIENTS_PGLITE', 2_000),
    },
    ordersPerPatient: intFromEnv('BENCH_WORKFLOW_ORDERS_PER_PATIENT', 5),
    queueOrders: intFromEnv('BENCH_WORKFLOW_QUEUE_ORDERS', 300),
    pendingOrders: intFromEnv('BENCH_WORKFLOW_PENDING_ORDERS', 1_000),
    readConcurrency: intFromEnv('BENCH_WORKFLOW_READ_CONCURRENCY', 16),
    writeConcurrency: intFromEnv('BENCH_WORKFLOW_WRITE_CONCURRENCY', 4),
    warmupMs: intFromEnv('BENCH_WORKFLOW_WARMUP_MS', 1_000),
    durationMs: intFromEnv('BENCH_WORKFLOW_DURATION_MS', 5_000),
    oneClientDurationMs: intFromEnv('BENCH_WORKFLOW_ONE_CLIENT_MS', 2_500),
    reports: intFromEnv('BENCH_WORKFLOW_REPORTS', 200),
    seed: 20261123,
  };
}

async function createUser(
  services: Services,
  context: AuditContext,
  username: string,
  role: 'technicien' | 'biologiste',
  siteIds: string[]
) {
  const user = await services.admin.createUser(
    { username, displayName: `${username} (banc d’essai)`, password, roles: [role], siteIds, locale: 'fr' },
    context
  );
  // A provisional password would send the login to the change-password step.
  await services.database.query('UPDATE app_user SET must_change_password = false WHERE id = $1', [user.id]);
  return user.id;
}

/**
 * Entry targets interleaved so that consecutive requests hit different orders (an entry locks its
 * whole order): creatinine of order i, potassium of order i + n/3, sodium of order i + 2n/3.
 */
function interleave(rows: readonly { id: string; order_id: string; analyte_code: string }[]): WriteTarget[] {
  const byCode = new Map<string, Map<string, string>>();
  for (const row of rows) {
    let byOrder = byCode.get(row.analyte_code);
    if (byOrder === undefined) {
      byOrder = new Map();
      byCode.set(row.analyte_code, byOrder);
    }
    byOrder.set(row.order_id, row.id);
  }
  const orders = [...new Set(rows.map((row) => row.order_id))].sort();
  const codes = Object.keys(entryValues);
  const targetsList: WriteTarget[] = [];
  for (let i = 0; i < orders.length; i++) {
    codes.forEach((code, c) => {
      const orderId = orders[(i + Math.floor((c * orders.length) / codes.length)) % orders.length] as string;
      const resultId = byCode.get(code)?.get(orderId);
      if (resultId !== undefined) {
        targetsList.push({ kind: code, resultId, value: entryValues[code] as string });
      }
    });
  }
  return targetsList;
}

export async function benchWorkflowEngine(
  engine: Engine,
  shape: WorkflowShape,
  databaseUrl?: string
): Promise<WorkflowEngineResult> {
  const dataDir = mkdtempSync(join(tmpdir(), `sillage-bench-workflow-${engine}-`));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SILLAGE_DATA_DIR: dataDir,
    SILLAGE_ADMIN_PASSWORD: password,
    // The server logs to stdout, which carries the JSON result: only a fatal error may interrupt it
    // (a failed request is counted and its first error reported in the result).
    LOG_LEVEL: process.env.BENCH_WORKFLOW_LOG_LEVEL ?? 'fatal',
    SILLAGE_WEB_DIR: join(dataDir, 'no-web-app'),
    ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
    ...(process.env.DATABASE_POOL_SIZE === undefined ? {} : { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE }),
  });
  progress(`workflow ${engine} : démarrage de Sillage`);
  const server = await startServer(config).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  try {
    const services = (server.app as unknown as { services: Services }).services;
    const database = services.database;
    const [version] = await database.query<{ version: string }>('SELECT version() AS version');
    const sites = await database.query<{ id: string }>("SELECT id FROM site WHERE code = 'PRINCIPAL'");
    const [admin] = await database.query<{ id: string }>("SELECT id FROM app_user WHERE username = 'admin'");
    const siteIds = sites.map((s) => s.id);
    const context: AuditContext = {
      actor: {
        kind: 'user',
        userId: admin?.id ?? '',
        name: 'admin',
        roles: ['admin'],
        permissions: [],
        siteIds,
        locale: 'fr',
        sessionTokenHash: null,
        csrfToken: null,
        tokenId: null,
      },
      requestId: 'bench-workflow',
      address: '127.0.0.1',
    };
    const technicianId = await createUser(services, context, 'technicien.banc', 'technicien', siteIds);
    const biologistId = await createUser(services, context, 'biologiste.banc', 'biologiste', siteIds);

    const patients = shape.patients[engine];
    const loadOptions = {
      patients,
      ordersPerPatient: shape.ordersPerPatient,
      // Same queue on both engines when the volume allows: its cost depends on its own size.
      queueOrders: Math.min(shape.queueOrders, Math.floor(patients / 5)),
      pendingOrders: Math.min(shape.pendingOrders, Math.floor(patients / 4)),
      seed: shape.seed,
      siteId: siteIds[0] ?? null,
      technicianId,
      biologistId,
    };
    progress(
      `workflow ${engine} : chargement SQL de ${patients} patients × ${shape.ordersPerPatient} dossiers × 10 analytes`
    );
    const volume = await loadWorkflow(database, loadOptions);
    progress(
      `workflow ${engine} : ${volume.results} résultats (${volume.resultVersions} versions, ${volume.validationEvents} ` +
        `validations) en ${volume.workflowLoadMs} ms + patients ${volume.patientsLoadMs} ms + VACUUM ANALYZE ${volume.vacuumAnalyzeMs} ms`
    );

    // Request mixes, drawn from the loaded data.
    const historyPatients = await database.query<{ id: string }>(
      `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY patient_number) AS n FROM patient) p
       WHERE n % $1 = 0 ORDER BY n`,
      [Math.max(1, Math.floor(volume.patients / 1000))]
    );
    const analyteCodes = (
      await database.query<{ code: string }>(
        "SELECT DISTINCT analyte_code AS code FROM result WHERE status = 'technically_validated' ORDER BY 1"
      )
    ).map((row) => row.code);
    // Four in five with an analyte (the delta and the review look one analyte up), one in five all of them.
    const historyCases: HistoryCase[] = historyPatients.map((p, i) => ({
      patientId: p.id,
      analyteCode: i % 5 === 4 ? null : (analyteCodes[i % analyteCodes.length] ?? null),
    }));
    const queueOrderIds = (
      await database.query<{ order_id: string }>(
        "SELECT DISTINCT order_id FROM result WHERE status = 'technically_validated' ORDER BY order_id"
      )
    ).map((row) => row.order_id);
    const pending = await database.query<{ id: string; order_id: string; analyte_code: string; patient_id: string }>(
      `SELECT id, order_id, analyte_code, patient_id FROM result
       WHERE status = 'pending' AND analyte_code = ANY($1::text[])`,
      [Object.keys(entryValues)]
    );
    const writeTargets = interleave(pending);

    const readShape = { concurrency: shape.readConcurrency, warmupMs: shape.warmupMs, durationMs: shape.durationMs };
    const targets: WorkflowHttpTargets = {
      baseUrl: server.url,
      biologistCookie: await loginCookieHeader(server.url, 'biologiste.banc', password),
      technicianCookie: await loginCookieHeader(server.url, 'technicien.banc', password),
      historyCases,
      queueOrderIds,
      writeTargets,
    };
    const loaded = await measureWorkflowHttp(
      targets,
      {
        label: `workflow ${engine}`,
        readers: shape.readConcurrency,
        writers: shape.writeConcurrency,
        warmupMs: shape.warmupMs,
        durationMs: shape.durationMs,
      },
      {}
    );
    const single = await measureWorkflowHttp(
      targets,
      {
        label: `workflow ${engine} (1 client)`,
        readers: 1,
        writers: 1,
        warmupMs: Math.min(500, shape.warmupMs),
        durationMs: shape.oneClientDurationMs,
      },
      loaded.versions
    );

    progress(`workflow ${engine} : SQL seul (file, antériorités), ${shape.readConcurrency} clients`);
    const sql = {
      validationQueue: await loadQueueSql(database, readShape),
      patientHistory: await loadHistorySql(database, historyCases, readShape),
    };

    progress(`workflow ${engine} : EXPLAIN ANALYZE`);
    const firstHistory = historyCases.find((c) => c.analyteCode !== null);
    const firstPending = pending.find((row) => row.analyte_code === 'CREATININE');
    const plans =
      firstHistory === undefined || firstHistory.analyteCode === null || firstPending === undefined
        ? {}
        : await explainWorkflow(database, {
            history: { patientId: firstHistory.patientId, analyteCode: firstHistory.analyteCode },
            entry: {
              resultId: firstPending.id,
              patientId: firstPending.patient_id,
              orderId: firstPending.order_id,
              analyteCode: firstPending.analyte_code,
            },
          });

    const [audit] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    return {
      engine,
      engineVersion: version?.version ?? 'inconnue',
      volume: {
        ...volume,
        note:
          engine === 'postgres'
            ? 'volume de l’objectif (1 M résultats par défaut)'
            : 'PGlite (WASM, une connexion) : volume réduit par défaut (BENCH_WORKFLOW_PATIENTS_PGLITE), l’objectif 1 M porte sur PostgreSQL',
      },
      http: loaded.measures,
      httpOneClient: single.measures,
      sql,
      plans,
      auditEventsAfterRun: audit?.n ?? 0,
    };
  } finally {
    progress(`workflow ${engine} : arrêt`);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function verdictOf(measured: number | undefined, target: number, atMost: boolean): Verdict {
  if (measured === undefined || Number.isNaN(measured)) {
    return { measured: null, target, met: null };
  }
  return { measured, target, met: atMost ? measured <= target : measured >= target };
}

/** Report rendering first (one core, nothing else running), then each engine in turn. */
export async function runWorkflowBench(
  engines: readonly Engine[],
  startPostgres: () => Promise<ThrowawayPostgres>
): Promise<WorkflowBenchResult> {
  const shape = workflowShapeFromEnv();
  progress(`workflow : rendu PDF de ${shape.reports} comptes rendus de 30 résultats`);
  const reportRendering = await measureReportRendering(shape.reports, 30);
  const results: Partial<Record<Engine, WorkflowEngineResult>> = {};
  for (const engine of engines) {
    if (engine === 'pglite') {
      results.pglite = await benchWorkflowEngine('pglite', shape);
      continue;
    }
    progress('workflow postgres : démarrage d’un serveur PostgreSQL jetable');
    const postgres = await startPostgres();
    try {
      results.postgres = await benchWorkflowEngine('postgres', shape, postgres.url);
    } finally {
      postgres.stop();
    }
  }

  const perEngine = (
    pick: (measures: WorkflowHttpMeasures) => number,
    target: number
  ): Partial<Record<Engine, Verdict>> => {
    const verdicts: Partial<Record<Engine, Verdict>> = {};
    for (const engine of engines) {
      const result = results[engine];
      verdicts[engine] = {
        ...verdictOf(result === undefined ? undefined : pick(result.http), target, true),
        oneClient: result === undefined ? null : pick(result.httpOneClient),
      };
    }
    return verdicts;
  };
  const verdict = {
    reportRendering: verdictOf(reportRendering.reportsPerSecond, targets.reportsPerSecond, false),
    validationQueueP95: perEngine((m) => m.validationQueue.latencyMs.p95, targets.queueP95Ms),
    patientHistoryP95: perEngine((m) => m.patientHistory.latencyMs.p95, targets.historyP95Ms),
    resultEntryP95: perEngine((m) => m.resultEntry.latencyMs.p95, targets.resultEntryP95Ms),
  };
  // The 1 M-result targets are PostgreSQL's; result entry and rendering hold on every engine.
  const decisive = [
    verdict.reportRendering,
    verdict.validationQueueP95.postgres,
    verdict.patientHistoryP95.postgres,
    ...Object.values(verdict.resultEntryP95),
  ].filter((v): v is Verdict => v !== undefined);
  return {
    shape: { ...shape, queueLimit, historyLimit, loadGenerator: 'closed loop, keep-alive, worker thread' },
    reportRendering,
    engines: results,
    targets,
    verdict: { ...verdict, allMet: decisive.every((v) => v.met === true) },
  };
}
