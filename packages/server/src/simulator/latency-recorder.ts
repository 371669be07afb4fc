/**
 * Acknowledgement latencies, every sample kept (no histogram): nearest-rank percentiles, so p99 over
 * 10,000 messages is read from 100 real observations.
 */
export interface LatencySummary {
  readonly count: number;
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** Nearest-rank percentile of an ascending list (`q` in 0–1); null when empty. */
export function nearestRank(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) {
    return null;
  }
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? null;
}

export class LatencyRecorder {
  private readonly samples: number[] = [];

  record(ms: number): void {
    this.samples.push(ms);
  }

  get count(): number {
    return this.samples.length;
  }

  summary(): LatencySummary {
    const sorted = [...this.samples].sort((a, b) => a - b);
    const at = (q: number): number | null => {
      const value = nearestRank(sorted, q);
      return value === null ? null : round3(value);
    };
    const total = sorted.reduce((sum, value) => sum + value, 0);
    return {
      count: sorted.length,
      mean: sorted.length === 0 ? null : round3(total / sorted.length),
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
      max: at(1),
    };
  }
}
