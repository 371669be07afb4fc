/**
 * `npm run bench` (issue 2 § 11): health and authenticated patient search over 100,000
 * generated patients at 16 concurrent clients, on PGlite then on a throw-away PostgreSQL
 * server, in one run. JSON on stdout and in bench/results/<timestamp>.json (+ latest.json).
 *
 * Knobs (environment): BENCH_PATIENTS (100000), BENCH_CONCURRENCY (16), BENCH_WARMUP_MS (2000),
 * BENCH_DURATION_MS (10000), BENCH_ENGINES ("pglite,postgres"); DATABASE_POOL_SIZE as for `npm start`;
 * BENCH_WORKFLOW=0 skips issue 3's workflow measures (their knobs: workflow-bench.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { runCodecBench } from './codec-bench.js';
import { benchEngine, type Engine, type EngineResult } from './engine-bench.js';
import { runQuoteBench } from './quote-bench.js';
import { runClosingBench } from './billing-closing-bench.js';
import { runLinkBench, type LinkEngineResult } from './link-bench.js';
import { runWorkflowBench } from './workflow-bench.js';
import { progress } from './progress.js';

interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

/** Issue 2 § 11. */
const targetsMs: Record<Engine, number> = { postgres: 20, pglite: 50 };

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} invalide : entier > 0 attendu, reçu « ${raw ?? ''} »`);
  }
  return value;
}

async function startPostgres(): Promise<ThrowawayPostgres> {
  // Plain JS shared with `npm run test:pg`; loaded by URL so TypeScript does not need its types.
  const harness = new URL('../../scripts/with-postgres.mjs', import.meta.url).href;
  const module = (await import(harness)) as { startThrowawayPostgres(): Promise<ThrowawayPostgres> };
  return module.startThrowawayPostgres();
}

async function main(): Promise<void> {
  const shape = {
    patients: intFromEnv('BENCH_PATIENTS', 100_000),
    seed: 20261122,
    concurrency: intFromEnv('BENCH_CONCURRENCY', 16),
    warmupMs: intFromEnv('BENCH_WARMUP_MS', 2_000),
    durationMs: intFromEnv('BENCH_DURATION_MS', 10_000),
  };
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres')
    .split(',')
    .map((e) => e.trim())
    .filter((e): e is Engine => e === 'pglite' || e === 'postgres');
  const started = performance.now();
  // The machine may be shared: a high load average explains noisy figures.
  const loadAverageAtStart = os.loadavg().map((v) => Math.round(v * 100) / 100);
  const results: Partial<Record<Engine, EngineResult>> = {};
  const links: Partial<Record<Engine, LinkEngineResult>> = {};
  const withLinks = process.env.BENCH_LINKS !== '0';

  for (const engine of engines) {
    if (engine === 'pglite') {
      results.pglite = await benchEngine({ ...shape, engine });
      if (withLinks) {
        progress('pglite : liaisons analyseurs (simulateur → résultats enregistrés)');
        links.pglite = await runLinkBench({ engine });
      }
      continue;
    }
    progress('postgres : démarrage d’un serveur PostgreSQL jetable (initdb + pg_ctl)');
    const postgres = await startPostgres();
    try {
      results.postgres = await benchEngine({ ...shape, engine, databaseUrl: postgres.url });
      if (withLinks) {
        progress('postgres : liaisons analyseurs (simulateur → résultats enregistrés)');
        links.postgres = await runLinkBench({ engine, databaseUrl: postgres.url });
      }
    } finally {
      postgres.stop();
    }
  }

  progress('codecs : HL7 v2 (ours vs @medplum/core) et ASTM');
  const codecs = await runCodecBench();
  progress('facturation : devis de 20 actes');
  const quote = runQuoteBench();
  progress('facturation : clôture de caisse sur 2 000 factures');
  const closing = await runClosingBench();
  // Issue 3 § performance (report PDF, biologist queue, history, result entry): workflow-bench.ts.
  const workflow = process.env.BENCH_WORKFLOW === '0' ? null : await runWorkflowBench(engines, startPostgres);

  const verdictOf = (engine: Engine) => {
    const measured = results[engine]?.patientSearch.http.latencyMs.p95;
    return measured === undefined
      ? { measuredMs: null, targetMs: targetsMs[engine], met: null }
      : { measuredMs: measured, targetMs: targetsMs[engine], met: measured <= targetsMs[engine] };
  };
  const verdict = { patientSearchP95: { postgres: verdictOf('postgres'), pglite: verdictOf('pglite') } };
  const document = {
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'inconnu',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverage1m5m15m: { atStart: loadAverageAtStart, atEnd: os.loadavg().map((v) => Math.round(v * 100) / 100) },
    },
    date: new Date().toISOString(),
    durationS: Math.round((performance.now() - started) / 1000),
    shape: { ...shape, searchLimit: 20, loadGenerator: 'closed loop, keep-alive, worker thread' },
    results: { ...results, codecs, quote, closing, links, workflow },
    targets: { patientSearchP95Ms: targetsMs, hl7VersusMedplum: 3, quoteP95Ms: 5 },
    verdict: {
      ...verdict,
      hl7VersusMedplum: codecs.hl7.target,
      quoteP95: quote === null ? null : { measuredMs: quote.quote.latencyMs.p95, targetMs: 5, met: quote.met },
      dailyClosing: { targetMs: closing.targetMs, met: closing.met },
      workflow: workflow === null ? null : workflow.verdict,
      allMet:
        Object.values(verdict.patientSearchP95).every((v) => v.met === true) &&
        codecs.hl7.target.met === true &&
        (quote === null || quote.met) &&
        closing.met &&
        (workflow === null || workflow.verdict.allMet),
    },
  };

  const json = `${JSON.stringify(document, null, 2)}\n`;
  const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(resultsDir, { recursive: true });
  const file = `${resultsDir}${document.date.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, json);
  writeFileSync(`${resultsDir}latest.json`, json);
  process.stdout.write(json);
  progress(`résultats écrits dans ${file}`);
}

/** Database errors carry the whole multi-row INSERT and its 11,500 parameters: print what matters. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  const fields = error as Error & { code?: unknown; constraint?: unknown; detail?: unknown };
  const extra = [fields.code, fields.constraint, fields.detail].filter((v) => typeof v === 'string' && v !== '');
  return [
    `${error.message}${extra.length > 0 ? ` (${extra.join(' ; ')})` : ''}`,
    error.stack?.split('\n').slice(1, 6).join('\n'),
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}

main().then(
  () => process.exit(0), // the PGlite worker threads and keep-alive sockets must not hold the process
  (error: unknown) => {
    console.error(`[bench] échec : ${describeError(error)}`);
    process.exit(1);
  }
);
