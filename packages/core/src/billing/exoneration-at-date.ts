/**
 * An exonération du ticket modérateur holds only between the dates the rights state (an ALD
 * protocol has an end date, maternity starts at the 6th month, C2S is granted for a year). Outside
 * them the AMO rights themselves may still be open: the acts are then billed at the ordinary rate,
 * and the invoice says why.
 */
import type { Exoneration } from './coverage.js';
import { isWithin, type IsoDate } from './iso-date.js';

export interface ExonerationPeriod {
  readonly exoneration: Exoneration | null;
  readonly validFrom?: IsoDate | null;
  readonly validTo?: IsoDate | null;
}

export function exonerationAtDate(
  period: ExonerationPeriod,
  date: IsoDate
): { readonly exoneration: Exoneration | null; readonly note: string | null } {
  if (period.exoneration === null) {
    return { exoneration: null, note: null };
  }
  if (isWithin(date, period.validFrom ?? null, period.validTo ?? null)) {
    return { exoneration: period.exoneration, note: null };
  }
  const bound =
    period.validTo !== null && period.validTo !== undefined && date > period.validTo
      ? `close le ${period.validTo}`
      : `ouverte le ${period.validFrom ?? '?'}`;
  return {
    exoneration: null,
    note: `Exonération ${period.exoneration} ${bound}, actes du ${date} : non appliquée, taux ordinaire.`,
  };
}
