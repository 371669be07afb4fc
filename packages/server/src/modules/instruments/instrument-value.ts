/**
 * Turning an analyzer's value text into an entry the result rules read: numbers with a point or a
 * comma, a comparator (`< 1.20`, `>1000`), an exponent (`1.2E+03`, which bench entry refuses), then
 * the mapping's unit factor (instrument value × factor = value in the analyte's unit).
 */
import { SillageError, type ResultValue } from '@sillage/core';
import type { AnalyteRule } from '../results/analyte-rule.js';
import { parseEntry } from '../results/result-evaluation.js';

const numericPattern = /^\s*(<=|>=|<|>)?\s*([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?)\s*$/;

export interface InstrumentNumber {
  readonly comparator: string;
  readonly value: number;
  /** The number as sent, without comparator (decimals preserved). */
  readonly text: string;
}

export function readInstrumentNumber(raw: string): InstrumentNumber | null {
  const match = numericPattern.exec(raw);
  if (match === null) {
    return null;
  }
  const text = (match[2] ?? '').replace(',', '.');
  const value = Number(text);
  return Number.isFinite(value) ? { comparator: match[1] ?? '', value, text } : null;
}

/** Plain decimal text of a number (no exponent), enough digits for the analyte's rounding. */
function decimalText(value: number, decimals: number): string {
  return value.toFixed(Math.min(Math.max(decimals + 4, 6), 12)).replace(/\.?0+$/, '');
}

/** The value in the analyte's terms, or `SIL_CONNECT_VALUE_INVALID` naming the code and the value. */
export function instrumentResultValue(raw: string, factor: number, analyte: AnalyteRule, code: string): ResultValue {
  let entry = raw.trim();
  if (analyte.resultType === 'numeric') {
    const number = readInstrumentNumber(entry);
    if (number !== null) {
      const plainAsSent = factor === 1 && !/[eE]/.test(number.text);
      if (plainAsSent) {
        entry = `${number.comparator}${number.text}`;
      } else {
        const converted = number.value * factor;
        // A censored limit keeps a sensible precision: the analyte's decimals after conversion.
        entry =
          number.comparator === ''
            ? decimalText(converted, analyte.decimals)
            : `${number.comparator}${converted.toFixed(analyte.decimals)}`;
      }
    }
  }
  try {
    return parseEntry(analyte, entry);
  } catch (error) {
    const reason = error instanceof SillageError ? error.code : String(error);
    throw new SillageError('SIL_CONNECT_VALUE_INVALID', {
      detail: `${code} → ${analyte.code} : « ${raw} » (${reason})`,
    });
  }
}
