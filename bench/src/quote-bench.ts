/**
 * Issue 5 target: desk quote p95 ≤ 5 ms for a 20-act order. Measured on the pure engine with the
 * real CNAM release (../shared/fixtures/france/nabm), the index built once as the server does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildTariffIndex,
  computeQuote,
  parseCoefficientHistory,
  parseNabmActs,
  type QuoteRequest,
} from '@sillage/core';
import { summarize, type LatencySummary } from './latency-stats.js';

const nabmDir = fileURLToPath(new URL('../../../shared/fixtures/france/nabm/', import.meta.url));

function withoutHeader(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('# '))
    .join('\n');
}

export interface QuoteBenchResult {
  acts: number;
  indexBuildMs: number;
  quote: LatencySummary;
  targetP95Ms: number;
  met: boolean;
}

export function runQuoteBench(iterations = 5_000): QuoteBenchResult | null {
  if (!existsSync(nabmDir)) {
    return null;
  }
  const acts = parseNabmActs(withoutHeader(readFileSync(`${nabmDir}IR_BIO_R_nabm_actes_biologie.csv`, 'latin1')));
  const history = parseCoefficientHistory(
    withoutHeader(readFileSync(`${nabmDir}IR_BTF_R_coefficient_history.csv`, 'latin1'))
  );
  if (!acts.ok || !history.ok) {
    throw new Error('NABM fixtures did not parse');
  }
  const started = performance.now();
  const index = buildTariffIndex(acts.rows, history.rows);
  const indexBuildMs = performance.now() - started;
  // A 20-act order: blood count, chemistry panel, lipids, thyroid, iron, coagulation…
  const codes = [
    '1104',
    '0552',
    '0592',
    '0593',
    '1610',
    '0996',
    '0578',
    '1127',
    '0519',
    '0522',
    '0514',
    '0517',
    '1208',
    '1207',
    '1806',
    '1130',
    '0126',
    '1127',
    '0127',
    '0174',
  ];
  const request: QuoteRequest = {
    date: '2025-06-02T09:30:00+02:00',
    territory: 'metropole',
    patient: {
      birthDate: '1980-01-31',
      sex: 'F',
      amo: { exoneration: null, alsaceMoselle: false },
      amc: { ratePercentOfTm: 100, tiersPayant: true },
    },
    acts: codes.filter((code) => index.acts.has(code)),
    bloodSample: true,
    urgent: false,
  };
  for (let i = 0; i < 500; i++) {
    computeQuote(request, index);
  }
  const samples: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    const s = performance.now();
    const outcome = computeQuote(request, index);
    samples.push(performance.now() - s);
    if (!outcome.ok) {
      throw new Error(`quote failed: ${JSON.stringify(outcome.errors)}`);
    }
  }
  const quote = summarize(samples, performance.now() - t0);
  return { acts: request.acts.length, indexBuildMs, quote, targetP95Ms: 5, met: quote.latencyMs.p95 <= 5 };
}
