/**
 * Delta check: compares a result with the same patient's previous result of the same analyte
 * ("antériorité"). A large change in a short time points to a mislabelled tube, a drip arm draw or
 * a real clinical event — the biologist must look (CLSI EP33 "Use of Delta Checks in the Medical
 * Laboratory", 2016). The rule is catalogue data per analyte; the previous result is the latest
 * validated one before the current collection, and too old a result is not compared at all.
 */
import { daysBetween, requireLabInstant, type LabInstant } from './lab-instant.js';

export interface DeltaCheckRule {
  /** `absolute`: |current − previous| in the analyte's unit; `percent`: relative to the previous value. */
  readonly kind: 'absolute' | 'percent';
  /** Exceeded when the change is strictly greater than this (e.g. 50 µmol/L, or 20 %). */
  readonly threshold: number;
  /** A previous result older than this many days (collection to collection) is not compared. */
  readonly maxAgeDays: number;
}

export interface PreviousResult {
  readonly value: number;
  /** Collection instant of the previous specimen. */
  readonly at: LabInstant;
}

export interface DeltaCheckOutcome {
  readonly previousValue: number;
  readonly previousAt: LabInstant;
  /** current − previous (signed, in the analyte's unit). */
  readonly delta: number;
  /** 100 × delta / |previous|; `null` when the previous value is 0 (no relative change defined). */
  readonly deltaPercent: number | null;
  readonly exceeded: boolean;
}

/**
 * The delta check of `current` (collected at `at`) against `previous`, or `null` when there is no
 * previous result, it is not strictly before `at`, or it is older than `rule.maxAgeDays`.
 * For a `percent` rule with a previous value of 0, any non-zero change counts as exceeded.
 */
export function checkDelta(
  current: number,
  previous: PreviousResult | null,
  rule: DeltaCheckRule,
  at: LabInstant
): DeltaCheckOutcome | null {
  if (previous === null) {
    return null;
  }
  const ageDays = daysBetween(previous.at, at);
  if (ageDays <= 0 || ageDays > rule.maxAgeDays) {
    return null;
  }
  const delta = current - previous.value;
  const deltaPercent = previous.value === 0 ? null : (100 * delta) / Math.abs(previous.value);
  let exceeded: boolean;
  if (rule.kind === 'absolute') {
    exceeded = Math.abs(delta) > rule.threshold;
  } else {
    exceeded = deltaPercent === null ? delta !== 0 : Math.abs(deltaPercent) > rule.threshold;
  }
  return { previousValue: previous.value, previousAt: previous.at, delta, deltaPercent, exceeded };
}

/**
 * The previous result a delta check compares with: the latest one collected strictly before `at`
 * (the history may be in any order and may include later results, e.g. when re-validating).
 */
export function selectPreviousResult<T extends PreviousResult>(history: readonly T[], at: LabInstant): T | null {
  const atMs = requireLabInstant(at);
  let best: T | null = null;
  let bestMs = Number.NEGATIVE_INFINITY;
  for (const candidate of history) {
    const ms = requireLabInstant(candidate.at);
    if (ms < atMs && ms > bestMs) {
      best = candidate;
      bestMs = ms;
    }
  }
  return best;
}
