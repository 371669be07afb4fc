/**
 * Runs the codec benchmarks alone and prints their JSON on stdout:
 * `npx tsc -p bench && node bench/dist/codec-bench-main.js` (after `npm run build`).
 * Knobs (environment): BENCH_CODEC_WARMUP_MS (1000), BENCH_CODEC_ROUND_MS (400), BENCH_CODEC_ROUNDS (7).
 */
import os from 'node:os';
import { runCodecBench } from './codec-bench.js';
import { progress } from './progress.js';

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} invalide : entier > 0 attendu, reçu « ${raw ?? ''} »`);
  }
  return value;
}

async function main(): Promise<void> {
  progress('codecs : HL7 v2 (ours vs @medplum/core) et ASTM');
  const loadAverageAtStart = os.loadavg().map((v) => Math.round(v * 100) / 100);
  const started = performance.now();
  const codecs = await runCodecBench({
    warmupMs: intFromEnv('BENCH_CODEC_WARMUP_MS', 1000),
    roundMs: intFromEnv('BENCH_CODEC_ROUND_MS', 400),
    rounds: intFromEnv('BENCH_CODEC_ROUNDS', 7),
  });
  const document = {
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'inconnu',
      node: process.version,
      loadAverage1m5m15m: { atStart: loadAverageAtStart, atEnd: os.loadavg().map((v) => Math.round(v * 100) / 100) },
    },
    date: new Date().toISOString(),
    durationS: Math.round((performance.now() - started) / 100) / 10,
    codecs,
  };
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(`[bench] échec : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
