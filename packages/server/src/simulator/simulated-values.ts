/**
 * Realistic values for simulated results: most inside the reference interval, some abnormal, a few
 * critical, and QC values scattered around their target. Seeded, so a run can be replayed.
 */
import type { QcMaterial, ResultInterpretation, SimulatedResult, SimulatedTest } from './simulator-types.js';

/** Share of patient results drawn outside the interval, beyond a critical limit, with an instrument alarm. */
export interface ValueMix {
  readonly abnormalRate: number;
  readonly criticalRate: number;
  readonly alarmRate: number;
}

/** Roughly what a general-practice lab sees: one result in seven out of range, one in a hundred critical. */
export const defaultValueMix: ValueMix = { abnormalRate: 0.15, criticalRate: 0.01, alarmRate: 0.01 };

/** Between-day imprecision of a control on a routine analyzer: a CV of about 2.5 %. */
const qcCoefficientOfVariation = 0.025;

/** A standard normal deviate (Box–Muller), from a uniform generator in [0, 1). */
export function standardNormal(random: () => number): number {
  const u = Math.max(random(), Number.EPSILON);
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function interpret(test: SimulatedTest, value: number): ResultInterpretation {
  if (test.criticalLow !== undefined && value < test.criticalLow) {
    return 'LL';
  }
  if (test.criticalHigh !== undefined && value > test.criticalHigh) {
    return 'HH';
  }
  if (value < test.low) {
    return 'L';
  }
  if (value > test.high) {
    return 'H';
  }
  return 'N';
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Clamps to the measuring range and rounds as the instrument prints. */
export function settle(test: SimulatedTest, value: number): number {
  return roundTo(Math.min(test.max, Math.max(test.min, value)), test.decimals);
}

/** A patient value: normal around the middle of the interval (log scale when skewed), or abnormal, or critical. */
export function drawPatientValue(test: SimulatedTest, random: () => number, mix: ValueMix = defaultValueMix): number {
  const draw = random();
  const span = test.high - test.low;
  if (draw < mix.criticalRate) {
    const sides = [test.criticalLow, test.criticalHigh].filter((limit) => limit !== undefined);
    const limit = sides[Math.floor(random() * sides.length)];
    if (limit !== undefined) {
      const beyond = limit === test.criticalHigh ? 1 + 0.3 * random() : 1 - 0.3 * random();
      return settle(test, limit * beyond);
    }
  }
  if (draw < mix.criticalRate + mix.abnormalRate) {
    // Pathology pushes most analytes up; low values exist where the interval leaves room below.
    // Abnormal, not critical: stay short of the critical limits (those are drawn above).
    const high = test.low <= 0 || random() < 0.65;
    const distance = span * (0.05 + 0.6 * Math.abs(standardNormal(random)));
    if (high) {
      const ceiling =
        test.criticalHigh === undefined ? Infinity : test.criticalHigh - (test.criticalHigh - test.high) * 0.02;
      return settle(test, Math.min(test.high + distance, ceiling));
    }
    const floor =
      test.criticalLow === undefined ? test.low * 0.3 : test.criticalLow + (test.low - test.criticalLow) * 0.02;
    return settle(test, Math.max(test.low - distance, floor));
  }
  if (test.skewed === true) {
    const logLow = Math.log(Math.max(test.low, test.high / 50));
    const logHigh = Math.log(test.high);
    return settle(test, Math.exp((logLow + logHigh) / 2 + ((logHigh - logLow) / 4) * standardNormal(random)));
  }
  return settle(test, (test.low + test.high) / 2 + (span / 4) * standardNormal(random));
}

/** The target of a control: level 1 mid-interval, level 2 in the pathological high range. */
export function qcTarget(test: SimulatedTest, level: QcMaterial['level']): { mean: number; sd: number } {
  const mean = level === 1 ? (test.low + test.high) / 2 : test.high * 1.6 + test.low * 0.4;
  return { mean: roundTo(mean, test.decimals + 1), sd: roundTo(mean * qcCoefficientOfVariation, test.decimals + 2) };
}

export function drawQcValue(test: SimulatedTest, material: QcMaterial, random: () => number): number {
  const { mean, sd } = qcTarget(test, material.level);
  return settle(test, mean + sd * standardNormal(random));
}

export function formatValue(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

export function makeResult(
  test: SimulatedTest,
  numeric: number,
  random: () => number,
  mix: ValueMix = defaultValueMix
): SimulatedResult {
  const value = settle(test, numeric);
  return {
    test,
    numeric: value,
    value: formatValue(value, test.decimals),
    interpretation: interpret(test, value),
    instrumentAlarm: random() < mix.alarmRate,
  };
}

/** Results for a patient specimen or a control, one per test, independent draws. */
export function drawResults(
  tests: readonly SimulatedTest[],
  random: () => number,
  options: { qc?: QcMaterial; mix?: ValueMix } = {}
): SimulatedResult[] {
  const mix = options.mix ?? defaultValueMix;
  const qc = options.qc;
  return tests.map((test) =>
    makeResult(
      test,
      qc === undefined ? drawPatientValue(test, random, mix) : drawQcValue(test, qc, random),
      random,
      qc === undefined ? mix : { ...mix, alarmRate: 0 }
    )
  );
}
