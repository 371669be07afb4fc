/**
 * Latency summaries: nearest-rank percentiles over every measured request (no sampling, no
 * histogram buckets), so p99 at ~10,000 requests is read from ~100 real observations.
 */
export interface LatencySummary {
  requests: number;
  errors: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Nearest-rank percentile of an ascending array (`q` in 0–1). */
export function percentile(sortedAscending: readonly number[], q: number): number {
  if (sortedAscending.length === 0) {
    return Number.NaN;
  }
  const rank = Math.max(1, Math.ceil(q * sortedAscending.length));
  return sortedAscending[Math.min(rank, sortedAscending.length) - 1] as number;
}

export function summarize(samplesMs: readonly number[], measuredMs: number, errors = 0): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    requests: sorted.length,
    errors,
    requestsPerSecond: measuredMs > 0 ? Math.round((sorted.length / measuredMs) * 1000 * 10) / 10 : 0,
    latencyMs: {
      mean: round2(sorted.length === 0 ? Number.NaN : total / sorted.length),
      p50: round2(percentile(sorted, 0.5)),
      p95: round2(percentile(sorted, 0.95)),
      p99: round2(percentile(sorted, 0.99)),
      max: round2(sorted[sorted.length - 1] ?? Number.NaN),
    },
  };
}
