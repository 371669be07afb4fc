/**
 * Instrument links end to end over loopback TCP (issue 4, Performance): the analyzer simulator
 * drives a Sillage link created through the public API, on PGlite or PostgreSQL.
 *
 * 1. Throughput: `connections` simulated analyzers send unpaced for `throughputMs`. Each ACK means
 *    the raw message was committed to `inbound_message` first (the link's store-before-ACK rule),
 *    so acknowledged results/s is the durable-intake rate. The run then waits for the processing
 *    queue to drain (parse → match → results, orphans or error queue): committed results/s counts
 *    results whose message reached a final status, over the time from the first send to the drain.
 * 2. Latency: `latencyConnections` analyzers sharing `latencyRate` results/s for `latencyMs`; p99
 *    of final-frame (ASTM) or message (HL7) → ACK. The verdict also requires the rate to be reached.
 *
 * Specimens are synthetic barcodes (dated 2099): they match no order, so processing files them in
 * the orphan list — the processing path is exercised, result rows on real orders are not.
 * Targets: ≥ 5,000 results/s on PostgreSQL, ≥ 1,000 on PGlite, p99 ≤ 50 ms at 500 results/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../packages/server/dist/config.js';
import { openPostgresDatabase } from '../../packages/server/dist/db/postgres-database.js';
import { startServer } from '../../packages/server/dist/server-runtime.js';
import type { Services } from '../../packages/server/dist/services.js';
import { dialEndpoint } from '../../packages/server/dist/simulator/link-endpoint.js';
import { specimensFromBarcodes, syntheticBarcodes } from '../../packages/server/dist/simulator/pending-specimens.js';
import { findSimulatorProfile } from '../../packages/server/dist/simulator/profiles/index.js';
import { runSimulation } from '../../packages/server/dist/simulator/run-simulation.js';
import type { SimulationSummary } from '../../packages/server/dist/simulator/simulation-stats.js';
import type { SimulatorProfile } from '../../packages/server/dist/simulator/simulator-profile.js';
import type { Engine } from './engine-bench.js';
import { createListeningInstrument, mapTestCodes, openAdminSession } from './link-sillage-api.js';
import { progress } from './progress.js';

export interface LinkBenchOptions {
  readonly engine: Engine;
  /** PostgreSQL only. */
  readonly databaseUrl?: string;
  /** Simulator profile (default cobas-c311: ASTM, 6 results per message). */
  readonly profile?: string;
  /** Parallel analyzer connections in the throughput phase (default 8). */
  readonly connections?: number;
  readonly throughputMs?: number;
  readonly latencyRate?: number;
  readonly latencyMs?: number;
  /** Analyzers sharing the paced rate in the latency phase (default 4: one link alone cannot carry 500 results/s when each ACK waits for a commit). */
  readonly latencyConnections?: number;
  /** Distinct synthetic barcodes replayed in a loop (default 5,000). */
  readonly specimens?: number;
  /** Longest wait for the processing queue to drain (default 120 s). */
  readonly drainTimeoutMs?: number;
}

export const linkTargets = {
  resultsPerSecond: { postgres: 5_000, pglite: 1_000 } satisfies Record<Engine, number>,
  p99MsAtRate: 50,
  rate: 500,
};

type SummaryExtract = Pick<
  SimulationSummary,
  'durationMs' | 'connections' | 'rate' | 'messages' | 'results' | 'acknowledgements' | 'ackLatencyMs' | 'errors'
>;

export interface LinkEngineResult {
  readonly engine: Engine;
  readonly engineVersion: string;
  readonly profile: string;
  readonly mappings: { readonly mapped: number; readonly skipped: readonly string[] };
  readonly throughput: SummaryExtract & {
    readonly ackedResultsPerSecond: number;
    readonly processing: {
      readonly drained: boolean;
      readonly drainedAfterMs: number;
      readonly committedResultsPerSecond: number;
      readonly messagesByStatus: Record<string, number>;
    };
  };
  readonly latency: SummaryExtract;
  readonly verdict: {
    readonly resultsPerSecond: { readonly measured: number; readonly target: number; readonly met: boolean };
    readonly p99AtRate: {
      readonly measuredMs: number | null;
      readonly targetMs: number;
      readonly achievedRate: number;
      readonly met: boolean;
    };
  };
}

const adminPassword = 'Banc-Liaisons-Automates-2026';

function extract(summary: SimulationSummary): SummaryExtract {
  const { durationMs, connections, rate, messages, results, acknowledgements, ackLatencyMs, errors } = summary;
  return { durationMs, connections, rate, messages, results, acknowledgements, ackLatencyMs, errors };
}

async function statusCounts(services: Services, instrumentId: string): Promise<Record<string, number>> {
  const rows = await services.database.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM inbound_message WHERE instrument_id = $1 GROUP BY status',
    [instrumentId]
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

/**
 * A database of its own on the PostgreSQL server. `npm run bench` hands the link bench the server
 * the engine bench has just filled: its admin account was created with the engine bench's
 * password, so logging in with this bench's one failed with HTTP 401 (and the tables were not
 * empty). A fresh database per run gets its own admin and migrations, like PGlite's temp directory.
 */
async function dedicatedDatabase(serverUrl: string): Promise<string> {
  const name = `sillage_links_${process.pid}_${Date.now()}`;
  const admin = await openPostgresDatabase(serverUrl, 1);
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function runLinkBench(options: LinkBenchOptions): Promise<LinkEngineResult> {
  const profile: SimulatorProfile | undefined = findSimulatorProfile(options.profile ?? 'cobas-c311');
  if (profile === undefined) {
    throw new Error(`profil de simulateur inconnu : ${options.profile ?? ''}`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), `sillage-link-bench-${options.engine}-`));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SILLAGE_DATA_DIR: dataDir,
    SILLAGE_ADMIN_PASSWORD: adminPassword,
    LOG_LEVEL: 'warn',
    SILLAGE_WEB_DIR: join(dataDir, 'no-web-app'),
    ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: await dedicatedDatabase(options.databaseUrl) }),
    ...(process.env.DATABASE_POOL_SIZE === undefined ? {} : { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE }),
  });
  progress(`liaisons ${options.engine} : démarrage de Sillage`);
  const server = await startServer(config).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  try {
    const services = (server.app as unknown as { services: Services }).services;
    const [version] = await services.database.query<{ version: string }>('SELECT version() AS version');
    const session = await openAdminSession(server.url, adminPassword);
    const code = `BANC-${profile.name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`.slice(0, 32);
    const instrument = await createListeningInstrument(session, {
      code,
      name: `Banc d’essai ${profile.name}`,
      protocol: profile.protocol,
      charset: profile.charset,
    });
    const mappings = await mapTestCodes(
      session,
      instrument.id,
      profile.tests.map((test) => ({
        instrumentCode: profile.wireCode?.(test) ?? test.code,
        analyteCode: test.analyte,
      }))
    );
    progress(`liaisons ${options.engine} : ${code} écoute sur 127.0.0.1:${instrument.port}`);
    const endpoint = dialEndpoint('127.0.0.1', instrument.port);
    const specimens = specimensFromBarcodes(syntheticBarcodes(options.specimens ?? 5_000));

    // Warm-up: JIT, connection pool, first inserts.
    await runSimulation({ profile, endpoint, specimens, connections: 2, maxMessages: 200, runTag: 'W' });

    const connections = options.connections ?? 8;
    progress(`liaisons ${options.engine} : débit, ${connections} automates sans limite`);
    const before = await statusCounts(services, instrument.id);
    const started = performance.now();
    const throughput = await runSimulation({
      profile,
      endpoint,
      specimens,
      connections,
      durationMs: options.throughputMs ?? 10_000,
      runTag: 'D',
      seed: 2,
    });
    progress(
      `liaisons ${options.engine} : ${throughput.rate.achievedResultsPerSecond} résultats/s acquittés ; traitement…`
    );
    const receivedBefore = before.received ?? 0;
    const drainUntil = performance.now() + (options.drainTimeoutMs ?? 120_000);
    let counts = await statusCounts(services, instrument.id);
    while ((counts.received ?? 0) > receivedBefore && performance.now() < drainUntil) {
      await sleep(50);
      counts = await statusCounts(services, instrument.id);
    }
    const drainedAfterMs = performance.now() - started;
    const drained = (counts.received ?? 0) <= receivedBefore;
    const resultsPerMessage =
      throughput.messages.acknowledged > 0 ? throughput.results.acknowledged / throughput.messages.acknowledged : 0;
    const finished = Object.entries(counts)
      .filter(([status]) => status !== 'received')
      .reduce((sum, [status, n]) => sum + n - (before[status] ?? 0), 0);
    const committedResultsPerSecond = Math.round(((finished * resultsPerMessage) / drainedAfterMs) * 1000);

    const latencyRate = options.latencyRate ?? linkTargets.rate;
    progress(`liaisons ${options.engine} : latence à ${latencyRate} résultats/s`);
    const latency = await runSimulation({
      profile,
      endpoint,
      specimens,
      connections: options.latencyConnections ?? 4,
      ratePerSecond: latencyRate,
      durationMs: options.latencyMs ?? 10_000,
      runTag: 'L',
      seed: 3,
    });

    const target = linkTargets.resultsPerSecond[options.engine];
    const measured = Math.min(throughput.rate.achievedResultsPerSecond, drained ? committedResultsPerSecond : 0);
    const p99 = latency.ackLatencyMs.p99;
    return {
      engine: options.engine,
      engineVersion: version?.version ?? 'inconnue',
      profile: profile.name,
      mappings,
      throughput: {
        ...extract(throughput),
        ackedResultsPerSecond: throughput.rate.achievedResultsPerSecond,
        processing: {
          drained,
          drainedAfterMs: Math.round(drainedAfterMs),
          committedResultsPerSecond,
          messagesByStatus: counts,
        },
      },
      latency: extract(latency),
      verdict: {
        resultsPerSecond: { measured, target, met: measured >= target },
        p99AtRate: {
          measuredMs: p99,
          targetMs: linkTargets.p99MsAtRate,
          achievedRate: latency.rate.achievedResultsPerSecond,
          met:
            p99 !== null &&
            p99 <= linkTargets.p99MsAtRate &&
            latency.messages.failed === 0 &&
            latency.rate.achievedResultsPerSecond >= latencyRate * 0.95,
        },
      },
    };
  } finally {
    progress(`liaisons ${options.engine} : arrêt`);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
