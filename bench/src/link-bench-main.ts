/**
 * Runs the instrument-link benchmark alone and prints its JSON on stdout:
 * `npm run build && npx tsc -b bench && node bench/dist/link-bench-main.js`.
 * First the load generator's own ceiling (simulator → an in-memory receiver built from core's
 * codecs: what the simulator can push when storage costs nothing), then Sillage on each engine.
 * Knobs (environment): BENCH_ENGINES ("pglite,postgres"), BENCH_LINK_PROFILE (cobas-c311),
 * BENCH_LINK_CONNECTIONS (8), BENCH_LINK_DURATION_MS (10000), BENCH_LINK_LATENCY_MS (10000).
 */
import os from 'node:os';
import { dialEndpoint } from '../../packages/server/dist/simulator/link-endpoint.js';
import { specimensFromBarcodes, syntheticBarcodes } from '../../packages/server/dist/simulator/pending-specimens.js';
import { findSimulatorProfile } from '../../packages/server/dist/simulator/profiles/index.js';
import { startAstmReceiver, startMllpReceiver } from '../../packages/server/dist/simulator/reference-receivers.js';
import { runSimulation } from '../../packages/server/dist/simulator/run-simulation.js';
import type { Engine } from './engine-bench.js';
import { runLinkBench, type LinkEngineResult } from './link-bench.js';
import { progress } from './progress.js';

interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} invalide : entier > 0 attendu, reçu « ${raw ?? ''} »`);
  }
  return value;
}

/** The simulator against an in-memory receiver: the most the load generator itself can push. */
export async function runLoadGeneratorCeiling(profileName: string, connections: number, durationMs: number) {
  const profile = findSimulatorProfile(profileName);
  if (profile === undefined) {
    throw new Error(`profil inconnu : ${profileName}`);
  }
  const receiver = profile.protocol === 'astm' ? await startAstmReceiver() : await startMllpReceiver();
  try {
    const summary = await runSimulation({
      profile,
      endpoint: dialEndpoint('127.0.0.1', receiver.port),
      specimens: specimensFromBarcodes(syntheticBarcodes(1_000)),
      connections,
      durationMs,
      runTag: 'C',
    });
    return {
      profile: profile.name,
      connections,
      resultsPerSecond: summary.rate.achievedResultsPerSecond,
      messages: summary.messages.acknowledged,
      ackLatencyMs: summary.ackLatencyMs,
      storedByReceiver: receiver.messages.length,
    };
  } finally {
    await receiver.close();
  }
}

async function startPostgres(): Promise<ThrowawayPostgres> {
  const harness = new URL('../../scripts/with-postgres.mjs', import.meta.url).href;
  const module = (await import(harness)) as { startThrowawayPostgres(): Promise<ThrowawayPostgres> };
  return module.startThrowawayPostgres();
}

async function main(): Promise<void> {
  const profile = process.env.BENCH_LINK_PROFILE ?? 'cobas-c311';
  const connections = intFromEnv('BENCH_LINK_CONNECTIONS', 8);
  const throughputMs = intFromEnv('BENCH_LINK_DURATION_MS', 10_000);
  const latencyMs = intFromEnv('BENCH_LINK_LATENCY_MS', 10_000);
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres')
    .split(',')
    .map((e) => e.trim())
    .filter((e): e is Engine => e === 'pglite' || e === 'postgres');
  const loadAverageAtStart = os.loadavg().map((v) => Math.round(v * 100) / 100);
  const started = performance.now();

  progress(`liaisons : plafond du simulateur (${profile}, ${connections} connexions, récepteur en mémoire)`);
  const ceiling = await runLoadGeneratorCeiling(profile, connections, Math.min(throughputMs, 5_000));
  const results: Partial<Record<Engine, LinkEngineResult>> = {};
  for (const engine of engines) {
    const shape = { engine, profile, connections, throughputMs, latencyMs };
    if (engine === 'pglite') {
      results.pglite = await runLinkBench(shape);
      continue;
    }
    progress('postgres : démarrage d’un serveur PostgreSQL jetable (initdb + pg_ctl)');
    const postgres = await startPostgres();
    try {
      results.postgres = await runLinkBench({ ...shape, databaseUrl: postgres.url });
    } finally {
      postgres.stop();
    }
  }
  const document = {
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'inconnu',
      node: process.version,
      loadAverage1m5m15m: { atStart: loadAverageAtStart, atEnd: os.loadavg().map((v) => Math.round(v * 100) / 100) },
    },
    date: new Date().toISOString(),
    durationS: Math.round((performance.now() - started) / 1000),
    loadGeneratorCeiling: ceiling,
    links: results,
  };
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] échec : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  }
);
