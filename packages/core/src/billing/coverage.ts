/**
 * Patient coverage as the billing rules need it: AMO (régime obligatoire) and AMC (complémentaire),
 * each with optional validity dates checked at the date of the acts. Identification fields mirror
 * the FSE / norme B2 data (france-domain.md §1.4) and are carried, not interpreted, here.
 */
import type { BillingIssue } from './billing-issue.js';
import { isWithin, type IsoDate } from './iso-date.js';

/** Exonérations du ticket modérateur handled by the rules (codification B2 mapping is the FSE software's). */
export const exonerations = ['ald', 'maternite', 'atmp', 'c2s', 'ame'] as const;
export type Exoneration = (typeof exonerations)[number];

export interface AmoCoverage {
  /**
   * `ald`: applied to the whole order in this version (the acts related to the ALD are not told
   * apart yet). `maternite`: the desk sets it from the 6th month of pregnancy, as the rights read on
   * the carte Vitale or attestation state; the engine does not recompute the month.
   */
  readonly exoneration: Exoneration | null;
  /** Régime local d'Alsace-Moselle. */
  readonly alsaceMoselle: boolean;
  readonly regimeCode?: string;
  readonly caisse?: string;
  readonly centre?: string;
  readonly insuredNir?: string;
  readonly beneficiaryRank?: string;
  readonly validFrom?: IsoDate | null;
  readonly validTo?: IsoDate | null;
}

export interface AmcCoverage {
  /** Share of the ticket modérateur the complementary pays, integer percent 0–100. */
  readonly ratePercentOfTm: number;
  /** A tiers-payant agreement exists between the lab and this organisme. */
  readonly tiersPayant: boolean;
  readonly organisme?: string;
  readonly memberNumber?: string;
  readonly contract?: string;
  readonly validFrom?: IsoDate | null;
  readonly validTo?: IsoDate | null;
}

function checkPeriod(
  path: string,
  label: string,
  date: IsoDate,
  validFrom: IsoDate | null | undefined,
  validTo: IsoDate | null | undefined
): BillingIssue | null {
  if (isWithin(date, validFrom ?? null, validTo ?? null)) {
    return null;
  }
  return validTo !== null && validTo !== undefined && date > validTo
    ? { code: 'SIL_COVERAGE_EXPIRED', path, detail: `droits ${label} clos le ${validTo}, actes du ${date}` }
    : {
        code: 'SIL_COVERAGE_NOT_YET_VALID',
        path,
        detail: `droits ${label} ouverts le ${validFrom ?? '?'}, actes du ${date}`,
      };
}

/** Problems of the coverage at the date of the acts (validity dates, AMC rate). */
export function checkCoverage(amo: AmoCoverage, amc: AmcCoverage | null, date: IsoDate): BillingIssue[] {
  const issues: BillingIssue[] = [];
  const amoIssue = checkPeriod('patient.amo', 'AMO', date, amo.validFrom, amo.validTo);
  if (amoIssue !== null) {
    issues.push(amoIssue);
  }
  if (amc !== null) {
    const amcIssue = checkPeriod('patient.amc', 'AMC', date, amc.validFrom, amc.validTo);
    if (amcIssue !== null) {
      issues.push(amcIssue);
    }
    if (!Number.isInteger(amc.ratePercentOfTm) || amc.ratePercentOfTm < 0 || amc.ratePercentOfTm > 100) {
      issues.push({
        code: 'SIL_COVERAGE_AMC_RATE_INVALID',
        path: 'patient.amc.ratePercentOfTm',
        detail: String(amc.ratePercentOfTm),
      });
    }
  }
  return issues;
}
