/**
 * Differences between two NABM releases, shown when a new CNAM release is imported (issue 5
 * item 1): new acts, removed acts, acts whose coefficient changed. The CNAM rarely drops a row: a
 * deleted act usually stays with a deletion date (BIO_SUP_DAT), so "removed" covers both cases.
 */
import type { IsoDate } from './iso-date.js';
import type { NabmCode } from './nabm-code.js';
import type { NabmAct } from './nabm-types.js';

export interface RemovedAct {
  readonly act: NabmAct;
  /** `absent`: no longer in the release; `suppressed`: still listed, with a deletion date it did not have. */
  readonly how: 'absent' | 'suppressed';
  readonly suppressedOn: IsoDate | null;
}

export interface CoefficientChange {
  readonly code: NabmCode;
  readonly label: string;
  readonly keyLetterBefore: string | null;
  readonly keyLetterAfter: string | null;
  readonly coefficientHundredthsBefore: number | null;
  readonly coefficientHundredthsAfter: number | null;
  /** First day of the new coefficient, as given by the new release. */
  readonly validFrom: IsoDate | null;
}

export interface NabmReleaseDiff {
  readonly added: readonly NabmAct[];
  readonly removed: readonly RemovedAct[];
  readonly changedCoefficients: readonly CoefficientChange[];
}

export function diffNabmReleases(oldActs: readonly NabmAct[], newActs: readonly NabmAct[]): NabmReleaseDiff {
  const before = new Map(oldActs.map((act) => [act.code, act]));
  const after = new Map(newActs.map((act) => [act.code, act]));
  const added: NabmAct[] = [];
  const removed: RemovedAct[] = [];
  const changedCoefficients: CoefficientChange[] = [];
  for (const act of newActs) {
    const previous = before.get(act.code);
    if (previous === undefined) {
      added.push(act);
      continue;
    }
    if (previous.suppressedOn === null && act.suppressedOn !== null) {
      removed.push({ act, how: 'suppressed', suppressedOn: act.suppressedOn });
    }
    if (previous.coefficientHundredths !== act.coefficientHundredths || previous.keyLetter !== act.keyLetter) {
      changedCoefficients.push({
        code: act.code,
        label: act.label,
        keyLetterBefore: previous.keyLetter,
        keyLetterAfter: act.keyLetter,
        coefficientHundredthsBefore: previous.coefficientHundredths,
        coefficientHundredthsAfter: act.coefficientHundredths,
        validFrom: act.coefficientValidFrom,
      });
    }
  }
  for (const act of oldActs) {
    if (!after.has(act.code)) {
      removed.push({ act, how: 'absent', suppressedOn: act.suppressedOn });
    }
  }
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return {
    added: added.sort(byCode),
    removed: removed.sort((a, b) => byCode(a.act, b.act)),
    changedCoefficients: changedCoefficients.sort(byCode),
  };
}
