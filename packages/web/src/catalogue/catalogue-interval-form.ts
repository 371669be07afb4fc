/**
 * Reference intervals in the analyte form ↔ the API. A row holds what the biologist types (ages as
 * value + unit, limits with a decimal comma); the API wants days and numbers. The checks mirror the
 * server's (core validateReferenceIntervals): low ≤ high, max age > min age, a limit or a text, a
 * source (ISO 15189:2022 §7.3.5), and no two bands of the same sex overlapping.
 */
import { ageLimitToDays, daysToAgeLimit, type AgeUnit } from './catalogue-age-band.js';
import { formatDecimalInput, parseDecimal } from './catalogue-decimal.js';
import type { CatalogueFormIssue } from './catalogue-form-issue.js';
import type { ReferenceInterval } from './catalogue-types.js';

export type IntervalSexChoice = 'all' | 'F' | 'M';

export interface IntervalRow {
  sex: IntervalSexChoice;
  ageMin: string;
  ageMinUnit: AgeUnit;
  /** Blank: no upper bound. */
  ageMax: string;
  ageMaxUnit: AgeUnit;
  low: string;
  high: string;
  text: string;
  source: string;
}

/** Server schema: a source of 3 to 500 characters. */
const sourceMinLength = 3;

export function emptyIntervalRow(): IntervalRow {
  return {
    sex: 'all',
    ageMin: '0',
    ageMinUnit: 'days',
    ageMax: '',
    ageMaxUnit: 'years',
    low: '',
    high: '',
    text: '',
    source: '',
  };
}

export function intervalToRow(interval: ReferenceInterval, locale: 'fr' | 'en'): IntervalRow {
  const min = daysToAgeLimit(interval.ageMinDays);
  const max = interval.ageMaxDays === null ? null : daysToAgeLimit(interval.ageMaxDays);
  return {
    sex: interval.sex ?? 'all',
    ageMin: String(min.value),
    ageMinUnit: min.unit,
    ageMax: max === null ? '' : String(max.value),
    ageMaxUnit: max?.unit ?? 'years',
    low: formatDecimalInput(interval.low, locale),
    high: formatDecimalInput(interval.high, locale),
    text: interval.text ?? '',
    source: interval.source,
  };
}

function bandsOverlap(a: ReferenceInterval, b: ReferenceInterval): boolean {
  const aEnd = a.ageMaxDays ?? Number.POSITIVE_INFINITY;
  const bEnd = b.ageMaxDays ?? Number.POSITIVE_INFINITY;
  return a.ageMinDays < bEnd && b.ageMinDays < aEnd;
}

/**
 * The API intervals of the rows, or the issues that stop the save (paths
 * `referenceIntervals.<row>.<field>`). `withLimits` is false for coded and text results: their
 * intervals are a text only, the server refuses limits on them.
 */
export function rowsToIntervals(
  rows: readonly IntervalRow[],
  withLimits: boolean
): { intervals: ReferenceInterval[]; issues: CatalogueFormIssue[] } {
  const intervals: ReferenceInterval[] = [];
  /** Row index of each interval kept (rows with issues are skipped). */
  const rowOf: number[] = [];
  const issues: CatalogueFormIssue[] = [];
  rows.forEach((row, index) => {
    const path = (field: keyof IntervalRow) => `referenceIntervals.${index}.${field}`;
    const rowIssues: CatalogueFormIssue[] = [];
    const ageMinValue = parseDecimal(row.ageMin) ?? 0;
    const ageMinDays = Number.isNaN(ageMinValue)
      ? Number.NaN
      : ageLimitToDays({ value: ageMinValue, unit: row.ageMinUnit });
    if (!(ageMinDays >= 0)) {
      rowIssues.push({ path: path('ageMin'), key: 'ageMinRule' });
    }
    const ageMaxValue = parseDecimal(row.ageMax);
    const ageMaxDays = ageMaxValue === undefined ? null : ageLimitToDays({ value: ageMaxValue, unit: row.ageMaxUnit });
    if (ageMaxDays !== null && !(ageMaxDays > ageMinDays)) {
      rowIssues.push({ path: path('ageMax'), key: 'ageMaxAboveMin' });
    }
    const low = withLimits ? (parseDecimal(row.low) ?? null) : null;
    const high = withLimits ? (parseDecimal(row.high) ?? null) : null;
    if (low !== null && Number.isNaN(low)) {
      rowIssues.push({ path: path('low'), key: 'number' });
    }
    if (high !== null && Number.isNaN(high)) {
      rowIssues.push({ path: path('high'), key: 'number' });
    }
    if (low !== null && high !== null && low > high) {
      rowIssues.push({ path: path('low'), key: 'lowAboveHigh' });
    }
    const text = row.text.trim();
    if (low === null && high === null && text === '') {
      rowIssues.push({ path: withLimits ? path('low') : path('text'), key: 'limitOrText' });
    }
    const source = row.source.trim();
    if (source.length < sourceMinLength) {
      rowIssues.push({ path: path('source'), key: 'sourceRule' });
    }
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      return;
    }
    const interval: ReferenceInterval = {
      sex: row.sex === 'all' ? null : row.sex,
      ageMinDays,
      ageMaxDays,
      low,
      high,
      ...(text === '' ? {} : { text }),
      source,
    };
    const overlapping = intervals.findIndex(
      (previous) => previous.sex === interval.sex && bandsOverlap(previous, interval)
    );
    if (overlapping !== -1) {
      issues.push({ path: path('ageMin'), key: 'overlap', values: { row: (rowOf[overlapping] ?? 0) + 1 } });
    }
    intervals.push(interval);
    rowOf.push(index);
  });
  return { intervals, issues };
}
