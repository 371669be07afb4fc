/**
 * Lookup structure over a NABM release, built once (the server loads the CSV files at start-up and
 * after each import) so that a quote costs O(number of acts): a Map by code, each code's periods
 * sorted newest first.
 */
import type { ErrorCode } from '../errors/error-catalog.js';
import { isWithin, type IsoDate } from './iso-date.js';
import type { NabmCode } from './nabm-code.js';
import type { CoefficientPeriod, NabmAct } from './nabm-types.js';

export interface IndexedAct {
  readonly act: NabmAct;
  /** History periods plus the release's own coefficient, newest `validFrom` first. */
  readonly periods: readonly CoefficientPeriod[];
}

export interface TariffIndex {
  readonly acts: ReadonlyMap<NabmCode, IndexedAct>;
  /** Codes found in the history without an act in the release (kept out of billing: no label, no validity). */
  readonly orphanHistoryCodes: readonly NabmCode[];
}

export function buildTariffIndex(acts: readonly NabmAct[], history: readonly CoefficientPeriod[]): TariffIndex {
  const periodsByCode = new Map<NabmCode, CoefficientPeriod[]>();
  for (const period of history) {
    const list = periodsByCode.get(period.code) ?? [];
    list.push(period);
    periodsByCode.set(period.code, list);
  }
  const indexed = new Map<NabmCode, IndexedAct>();
  for (const act of acts) {
    const periods = [...(periodsByCode.get(act.code) ?? [])];
    // The release's own coefficient (BIO_TAR_COF from BIO_HIS_DTD) joins the history: whichever
    // file is newer then wins, since the latest start date covering a day is the one applied.
    if (act.coefficientHundredths !== null && act.keyLetter !== null && act.coefficientValidFrom !== null) {
      periods.push({
        code: act.code,
        keyLetter: act.keyLetter,
        coefficientHundredths: act.coefficientHundredths,
        validFrom: act.coefficientValidFrom,
        validTo: act.coefficientValidTo,
      });
    }
    periods.sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0));
    indexed.set(act.code, { act, periods });
  }
  const orphanHistoryCodes = [...periodsByCode.keys()].filter((code) => !indexed.has(code)).sort();
  return { acts: indexed, orphanHistoryCodes };
}

export type CoefficientLookup =
  | {
      readonly ok: true;
      readonly act: NabmAct;
      readonly keyLetter: string;
      readonly coefficientHundredths: number;
      readonly period: CoefficientPeriod;
    }
  | { readonly ok: false; readonly code: ErrorCode; readonly detail: string };

/** The act and the coefficient in force for `code` on `date` (Paris local day of the acts). */
export function lookupCoefficient(index: TariffIndex, code: NabmCode, date: IsoDate): CoefficientLookup {
  const entry = index.acts.get(code);
  if (entry === undefined) {
    return { ok: false, code: 'SIL_NABM_UNKNOWN_ACT', detail: `code NABM ${code} absent de la nomenclature chargée` };
  }
  const { act } = entry;
  if (!isWithin(date, act.createdOn, act.suppressedOn)) {
    const window =
      act.suppressedOn !== null && date > act.suppressedOn
        ? `supprimé après le ${act.suppressedOn}`
        : `créé le ${act.createdOn ?? '?'}`;
    return { ok: false, code: 'SIL_NABM_ACT_NOT_VALID_AT_DATE', detail: `acte ${code} ${window}, actes du ${date}` };
  }
  const period = entry.periods.find((candidate) => isWithin(date, candidate.validFrom, candidate.validTo));
  if (period === undefined) {
    return { ok: false, code: 'SIL_NABM_NO_COEFFICIENT_AT_DATE', detail: `acte ${code} sans cotation au ${date}` };
  }
  return {
    ok: true,
    act,
    keyLetter: period.keyLetter,
    coefficientHundredths: period.coefficientHundredths,
    period,
  };
}
