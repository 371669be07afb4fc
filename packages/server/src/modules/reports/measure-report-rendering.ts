/**
 * Report rendering speed (issue 3 § performance: a 30-result order, ≥ 50 reports/s on one core).
 * Sequential renders on the calling thread; prints JSON when run directly:
 *   npx tsx packages/server/src/modules/reports/measure-report-rendering.ts [count] [results]
 */
import { fileURLToPath } from 'node:url';
import { renderReportPdf } from './pdf/report-pdf.js';
import { sampleReportContent } from './report-sample.js';

export interface RenderingMeasure {
  reports: number;
  resultsPerReport: number;
  reportsPerSecond: number;
  /** Reports per second of CPU time of this process (all its threads, garbage collector included). */
  reportsPerCpuSecond: number;
  /**
   * Throughput of the best of ten equal rounds: on a machine shared with other work, the closest
   * figure to an uncontended core (the mean and percentiles include the interference).
   */
  bestRoundReportsPerSecond: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  firstRenderMs: number;
  pdfBytes: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

export async function measureReportRendering(count = 200, resultsPerReport = 30): Promise<RenderingMeasure> {
  const content = sampleReportContent(resultsPerReport);
  const firstStart = performance.now();
  const first = await renderReportPdf(content);
  const firstRenderMs = performance.now() - firstStart;
  for (let i = 0; i < 10; i++) {
    await renderReportPdf(content); // warm-up (JIT)
  }
  const durations: number[] = [];
  const roundSize = Math.max(1, Math.floor(count / 10));
  let bestRound = Infinity;
  let roundStart = performance.now();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await renderReportPdf(sampleReportContent(resultsPerReport));
    durations.push(performance.now() - t);
    if ((i + 1) % roundSize === 0) {
      bestRound = Math.min(bestRound, performance.now() - roundStart);
      roundStart = performance.now();
    }
  }
  const total = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    reports: count,
    resultsPerReport,
    reportsPerSecond: Math.round((count / total) * 1000 * 10) / 10,
    reportsPerCpuSecond: Math.round((count / cpuMs) * 1000 * 10) / 10,
    bestRoundReportsPerSecond: Math.round((roundSize / bestRound) * 1000 * 10) / 10,
    meanMs: round(total / count),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    firstRenderMs: round(firstRenderMs),
    pdfBytes: first.length,
  };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [count, results] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await measureReportRendering(count || 200, results || 30), null, 2));
}
