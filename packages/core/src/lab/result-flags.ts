/**
 * Abnormal flags of a result, with the meanings of HL7 v2.5.1 Table 0078 "Abnormal flags" (also the
 * FHIR v3-ObservationInterpretation codes):
 *   N  normal — within the reference interval;
 *   L  below low normal;            H  above high normal;
 *   LL below lower panic limits;    HH above upper panic limits;
 *   A  abnormal (non-numeric);      AA very abnormal (non-numeric, the panic level of a coded result).
 *
 * Definitions used by Sillage:
 * - The reference interval's limits are inclusive: `low ≤ value ≤ high` is N.
 * - Critical (panic) limits are the last non-critical values: a value is critical when it is strictly
 *   below `criticalLow` or strictly above `criticalHigh` (ISO 15189:2022 §7.4.1.3, "résultats
 *   critiques": the lab defines the limits; they trigger the notification record).
 * - LL/HH mean exactly "critical on that side": they are not a separate "extreme" margin. A critical
 *   value is therefore always flagged LL or HH, even when no reference interval applies.
 * - No reference interval and no critical limit crossed: no flag (`null`), never a guessed N.
 * - A censored value (`<0,5`) gets a flag only when every value it stands for would get the same
 *   one (e.g. `<0,5` with a high limit 5 is N; `<0,5` with a low limit 1 is L; `<10` with 3–8 is
 *   `null`: undecidable).
 */
import type { ReferenceInterval } from './reference-interval.js';
import type { NumericComparator } from './result-value.js';

export type ResultFlag = 'N' | 'L' | 'H' | 'LL' | 'HH' | 'A' | 'AA';

export interface FlagOutcome {
  readonly flag: ResultFlag | null;
  readonly critical: boolean;
}

export interface NumericFlagInput {
  readonly value: number;
  /** Censored value (`<0,5`); `null`/absent for a plain value. */
  readonly comparator?: NumericComparator | null;
  readonly interval: Pick<ReferenceInterval, 'low' | 'high'> | null;
  readonly criticalLow?: number | null;
  readonly criticalHigh?: number | null;
}

/** The set of true values a (possibly censored) result stands for, as a range with open/closed ends. */
interface ValueRange {
  readonly min: number;
  readonly minInclusive: boolean;
  readonly max: number;
  readonly maxInclusive: boolean;
}

function rangeOf(value: number, comparator: NumericComparator | null): ValueRange {
  switch (comparator) {
    case '<':
      return { min: Number.NEGATIVE_INFINITY, minInclusive: false, max: value, maxInclusive: false };
    case '<=':
      return { min: Number.NEGATIVE_INFINITY, minInclusive: false, max: value, maxInclusive: true };
    case '>':
      return { min: value, minInclusive: false, max: Number.POSITIVE_INFINITY, maxInclusive: false };
    case '>=':
      return { min: value, minInclusive: true, max: Number.POSITIVE_INFINITY, maxInclusive: false };
    case null:
      return { min: value, minInclusive: true, max: value, maxInclusive: true };
  }
}

/** Every value of the range is strictly below `limit`. */
function allBelow(range: ValueRange, limit: number): boolean {
  return range.max < limit || (range.max === limit && !range.maxInclusive);
}

/** Every value of the range is strictly above `limit`. */
function allAbove(range: ValueRange, limit: number): boolean {
  return range.min > limit || (range.min === limit && !range.minInclusive);
}

/** Some value of the range is strictly below / above `limit`. */
function someBelow(range: ValueRange, limit: number): boolean {
  return range.min < limit;
}
function someAbove(range: ValueRange, limit: number): boolean {
  return range.max > limit;
}

function present(limit: number | null | undefined): limit is number {
  return limit !== null && limit !== undefined;
}

/** Flag and criticality of a numeric result (see the module comment for the exact rules). */
export function computeFlag(input: NumericFlagInput): FlagOutcome {
  const range = rangeOf(input.value, input.comparator ?? null);
  if (present(input.criticalLow) && allBelow(range, input.criticalLow)) {
    return { flag: 'LL', critical: true };
  }
  if (present(input.criticalHigh) && allAbove(range, input.criticalHigh)) {
    return { flag: 'HH', critical: true };
  }
  const low = input.interval?.low ?? null;
  const high = input.interval?.high ?? null;
  // A censored value that may or may not cross a critical limit cannot be called anything.
  const mayBeCriticalLow = present(input.criticalLow) && someBelow(range, input.criticalLow);
  const mayBeCriticalHigh = present(input.criticalHigh) && someAbove(range, input.criticalHigh);
  if (mayBeCriticalLow || mayBeCriticalHigh) {
    return { flag: null, critical: false };
  }
  if (low === null && high === null) {
    return { flag: null, critical: false };
  }
  if (low !== null && allBelow(range, low)) {
    return { flag: 'L', critical: false };
  }
  if (high !== null && allAbove(range, high)) {
    return { flag: 'H', critical: false };
  }
  const withinLow = low === null || !someBelow(range, low);
  const withinHigh = high === null || !someAbove(range, high);
  return { flag: withinLow && withinHigh ? 'N' : null, critical: false };
}

export interface CodedFlagInput {
  readonly code: string;
  /** Codes that are abnormal (flag A), e.g. `POS` for an RAI screening. */
  readonly abnormalCodes: readonly string[];
  /** Codes that are critical (flag AA, critical: true); they need not be repeated in `abnormalCodes`. */
  readonly criticalCodes?: readonly string[];
}

/** Flag of a coded result: AA (critical) when listed critical, A when listed abnormal, else N. */
export function computeCodedFlag(input: CodedFlagInput): FlagOutcome {
  if (input.criticalCodes?.includes(input.code) === true) {
    return { flag: 'AA', critical: true };
  }
  return { flag: input.abnormalCodes.includes(input.code) ? 'A' : 'N', critical: false };
}

/** French label of a flag for screens and reports. */
export const resultFlagLabelsFr: Readonly<Record<ResultFlag, string>> = {
  N: 'normal',
  L: 'bas',
  H: 'élevé',
  LL: 'critique bas',
  HH: 'critique haut',
  A: 'anormal',
  AA: 'critique',
};

/**
 * Checks an analyte's critical limits before the catalogue saves them: `SIL_CRITICAL_LIMITS_INVALID`
 * when the low limit is not below the high one or a limit is not a finite number, else `null`.
 */
export function checkCriticalLimits(
  criticalLow: number | null,
  criticalHigh: number | null
): 'SIL_CRITICAL_LIMITS_INVALID' | null {
  if (
    (criticalLow !== null && !Number.isFinite(criticalLow)) ||
    (criticalHigh !== null && !Number.isFinite(criticalHigh))
  ) {
    return 'SIL_CRITICAL_LIMITS_INVALID';
  }
  if (criticalLow !== null && criticalHigh !== null && criticalLow >= criticalHigh) {
    return 'SIL_CRITICAL_LIMITS_INVALID';
  }
  return null;
}
