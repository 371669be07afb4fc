/** NABM tariff data as read from a CNAM release (IR_BIO_R acts, IR_BTF_R coefficient history). */
import type { ErrorCode } from '../errors/error-catalog.js';
import type { IsoDate } from './iso-date.js';
import type { NabmCode } from './nabm-code.js';

/** One act of IR_BIO_R ("Nomenclature des actes de biologie médicale"). */
export interface NabmAct {
  readonly code: NabmCode;
  /** CNAM label, upper case, truncated at 100 characters by the source. */
  readonly label: string;
  /** BIO_CRE_DAT: first day the act exists. */
  readonly createdOn: IsoDate | null;
  /**
   * BIO_SUP_DAT: deletion date, taken as the last valid day — in the CNAM release the last
   * coefficient period of a deleted act ends on that same day (e.g. 0246: both 04SEP2014).
   */
  readonly suppressedOn: IsoDate | null;
  /** BIO_ARB_CHA: chapter of the nomenclature tree. */
  readonly chapter: string | null;
  /** BIO_PHY_GRP / BIO_GRP_LIB: CNAM grouping ("29" = DISPOSITIONS GENERALES for forfaits and supplements). */
  readonly groupCode: string | null;
  readonly groupLabel: string | null;
  /** BIO_TAR_NAT: key letter ("B"), `null` for the pseudo-acts 0000 and 9999 that carry no tariff. */
  readonly keyLetter: string | null;
  /** BIO_TAR_COF in hundredths (B 26 → 2600), the coefficient of this release. */
  readonly coefficientHundredths: number | null;
  /** BIO_HIS_DTD / BIO_HIS_DTF: validity of that coefficient. */
  readonly coefficientValidFrom: IsoDate | null;
  readonly coefficientValidTo: IsoDate | null;
  /**
   * The other columns, non-empty values only, keyed by their CNAM name (BIO_ENP_TOP, BIO_TUX_TOP,
   * BIO_MAX_EXE, BIO_SPE_REG, BIO_MAX_REG, BIO_MED_REF, BIO_RES_TOP, BIO_BIO_INV, BIO_SNG_TOP,
   * BIO_ARB_SC1…4, BIO_ARB_BAS). Their meaning is not documented in the published schema (no
   * descriptions), so they are kept verbatim and no rule reads them.
   */
  readonly properties: Readonly<Record<string, string>>;
}

/** One row of IR_BTF_R: a coefficient in force for a code between two dates (both inclusive). */
export interface CoefficientPeriod {
  readonly code: NabmCode;
  readonly keyLetter: string;
  readonly coefficientHundredths: number;
  readonly validFrom: IsoDate;
  /** `null` for the open end `31DEC9999`. */
  readonly validTo: IsoDate | null;
}

/** A problem on one line of an imported file (1-based line number in the text given). */
export interface ImportIssue {
  readonly line: number;
  readonly code: ErrorCode;
  readonly detail: string;
}

/** Either every row, or the list of problems — never a half-parsed file. */
export type ImportOutcome<Row> =
  | { readonly ok: true; readonly rows: readonly Row[] }
  | { readonly ok: false; readonly errors: readonly ImportIssue[] };
