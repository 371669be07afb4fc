/**
 * Runs the issue 3 workflow benchmark alone and prints its JSON on stdout:
 * `npx tsc -b bench && node bench/dist/workflow-bench-main.js` (knobs: workflow-bench.ts, plus
 * BENCH_ENGINES "pglite,postgres").
 */
import os from 'node:os';
import type { Engine } from './engine-bench.js';
import { runWorkflowBench } from './workflow-bench.js';

interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

async function startPostgres(): Promise<ThrowawayPostgres> {
  // Plain JS shared with `npm run test:pg`; loaded by URL so TypeScript does not need its types.
  const harness = new URL('../../scripts/with-postgres.mjs', import.meta.url).href;
  const module = (await import(harness)) as { startThrowawayPostgres(): Promise<ThrowawayPostgres> };
  return module.startThrowawayPostgres();
}

async function main(): Promise<void> {
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres')
    .split(',')
    .map((e) => e.trim())
    .filter((e): e is Engine => e === 'pglite' || e === 'postgres');
  const loadAverageAtStart = os.loadavg().map((v) => Math.round(v * 100) / 100);
  const started = performance.now();
  const workflow = await runWorkflowBench(engines, startPostgres);
  const document = {
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'inconnu',
      node: process.version,
      loadAverage1m5m15m: { atStart: loadAverageAtStart, atEnd: os.loadavg().map((v) => Math.round(v * 100) / 100) },
    },
    date: new Date().toISOString(),
    durationS: Math.round((performance.now() - started) / 1000),
    workflow,
  };
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

main().then(
  () => process.exit(0), // worker threads and keep-alive sockets must not hold the process
  (error: unknown) => {
    console.error(`[bench] échec : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  }
);
