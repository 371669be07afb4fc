/**
 * One engine, start to finish: start Sillage (port 0, temporary data directory), load the
 * patients, log in as admin, then measure health, HTTP search, service search and raw SQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../packages/server/dist/config.js';
import { seededRandom } from '../../packages/server/dist/demo/patient-generator.js';
import type { RequestActor } from '../../packages/server/dist/http/request-context.js';
import { startServer } from '../../packages/server/dist/server-runtime.js';
import type { Services } from '../../packages/server/dist/services.js';
import { bulkLoadPatients, type BulkLoadResult } from './bulk-load.js';
import type { LoopSummary } from './closed-loop.js';
import { loadPatientService, loadRepositorySql } from './database-search-load.js';
import { loginCookieHeader } from './http-client.js';
import { runHttpLoad, type HttpLoadSummary } from './http-load.js';
import { progress } from './progress.js';
import { buildSearchCases, type SearchKind } from './search-queries.js';

export type Engine = 'pglite' | 'postgres';

export interface EngineBenchOptions {
  engine: Engine;
  /** PostgreSQL only. */
  databaseUrl?: string;
  patients: number;
  seed: number;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface EngineResult {
  engine: Engine;
  engineVersion: string;
  databasePoolSize: number | null;
  patients: Omit<BulkLoadResult, 'sample'> & { queryMix: Record<SearchKind, number> };
  health: HttpLoadSummary;
  patientSearch: {
    /** GET /api/patients?q=… with the session cookie: what a user waits for. */
    http: HttpLoadSummary;
    /** PatientService.search in-process: transaction + SQL + audit event. */
    service: LoopSummary;
    /** The repository's search SQL alone on the root handle. */
    repositorySql: LoopSummary;
  };
  auditEventsAfterRun: number;
}

const adminPassword = 'Banc-Essai-Mesures-Sillage-2026'; // policy: must not contain the username
const searchLimit = 20; // the route's default page size

export async function benchEngine(options: EngineBenchOptions): Promise<EngineResult> {
  const dataDir = mkdtempSync(join(tmpdir(), `sillage-bench-${options.engine}-`));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SILLAGE_DATA_DIR: dataDir,
    SILLAGE_ADMIN_PASSWORD: adminPassword,
    LOG_LEVEL: 'warn',
    // API only: the web app is not what is measured (and its static files are not needed).
    SILLAGE_WEB_DIR: join(dataDir, 'no-web-app'),
    ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
    // Default pool (10) unless the operator sets one, as `npm start` would.
    ...(process.env.DATABASE_POOL_SIZE === undefined ? {} : { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE }),
  });
  progress(`${options.engine} : démarrage de Sillage`);
  const server = await startServer(config).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  try {
    const services = (server.app as unknown as { services: Services }).services;
    const database = services.database;
    const [version] = await database.query<{ version: string }>('SELECT version() AS version');
    const [site] = await database.query<{ id: string }>("SELECT id FROM site WHERE code = 'PRINCIPAL'");
    const [admin] = await database.query<{ id: string }>("SELECT id FROM app_user WHERE username = 'admin'");

    progress(`${options.engine} : chargement de ${options.patients} patients`);
    const { sample, ...load } = await bulkLoadPatients(database, {
      count: options.patients,
      seed: options.seed,
      siteId: site?.id ?? null,
      batchSize: 500,
      batchesPerTransaction: 10,
      sampleEvery: Math.max(1, Math.floor(options.patients / 2000)),
    });
    progress(`${options.engine} : ${load.inserted} patients en ${load.loadMs} ms (${load.rowsPerSecond} lignes/s)`);

    const cases = buildSearchCases(sample, seededRandom(options.seed + 1));
    const queryMix: Record<SearchKind, number> = { nameAndBirthDate: 0, namePrefix: 0, nir: 0, patientNumber: 0 };
    for (const searchCase of cases) {
      queryMix[searchCase.kind]++;
    }
    const shape = { concurrency: options.concurrency, warmupMs: options.warmupMs, durationMs: options.durationMs };

    progress(`${options.engine} : GET /api/health, ${options.concurrency} clients`);
    const health = await runHttpLoad({
      ...shape,
      baseUrl: server.url,
      headers: {},
      requests: [{ kind: 'health', path: '/api/health' }],
      countHits: false,
    });

    const cookie = await loginCookieHeader(server.url, 'admin', adminPassword);
    progress(`${options.engine} : GET /api/patients?q=…, ${options.concurrency} clients`);
    const http = await runHttpLoad({
      ...shape,
      baseUrl: server.url,
      headers: { cookie },
      requests: cases.map((c) => ({
        kind: c.kind,
        path: `/api/patients?q=${encodeURIComponent(c.text)}&limit=${searchLimit}`,
      })),
      countHits: true,
    });

    progress(`${options.engine} : PatientService.search en direct (transaction + audit)`);
    const actor: RequestActor = {
      kind: 'user',
      userId: admin?.id ?? '',
      name: 'admin',
      roles: ['admin'],
      permissions: ['patients.read'],
      siteIds: site === undefined ? [] : [site.id],
      locale: 'fr',
      sessionTokenHash: null,
      csrfToken: null,
      tokenId: null,
    };
    const service = await loadPatientService(
      services.patients,
      { actor, requestId: 'bench', address: '127.0.0.1' },
      cases,
      { ...shape, limit: searchLimit }
    );

    progress(`${options.engine} : SQL de recherche seul`);
    const repositorySql = await loadRepositorySql(database, cases, { ...shape, limit: searchLimit });

    const [audit] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    return {
      engine: options.engine,
      engineVersion: version?.version ?? 'inconnue',
      databasePoolSize: options.engine === 'postgres' ? config.databasePoolSize : null,
      patients: { ...load, queryMix },
      health,
      patientSearch: { http, service, repositorySql },
      auditEventsAfterRun: audit?.n ?? 0,
    };
  } finally {
    progress(`${options.engine} : arrêt`);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
