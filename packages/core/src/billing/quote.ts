/**
 * The desk quote (issue 5 item 8): cotation of the requested acts, then the shares, in the shape of
 * `quoteResponseSchema`. No side effect and no I/O: the server passes the tariff index it built
 * once from the CNAM files, and the catalogue mapping of its analyses. O(number of acts).
 */
import type { BillingIssue } from './billing-issue.js';
import {
  computeCotation,
  type Cotation,
  type CotationConfig,
  type EarlierBilling,
  type OrderedAct,
} from './cotation-engine.js';
import { defaultCotationRules } from './cotation-rules.js';
import { coefficientFromHundredths } from './coefficient.js';
import { computeShares, defaultSharesConfig, type Shares, type SharesConfig } from './coverage-shares.js';
import { normalizeNabmCode } from './nabm-code.js';
import type { QuoteRequest, QuoteResponse } from './quote-schemas.js';
import type { TariffIndex } from './tariff-index.js';

/** How a catalogue analysis is billed. */
export type CatalogueBilling =
  | { readonly kind: 'nabm'; readonly nabmCodes: readonly string[] }
  | { readonly kind: 'hors-nomenclature'; readonly label: string; readonly priceCents: number };

export interface QuoteOptions {
  /** Catalogue analysis code → billing; NABM codes are looked up first. */
  readonly catalogue?: ReadonlyMap<string, CatalogueBilling>;
  readonly siteInAlsaceMoselle?: boolean;
  /** Same patient, this lab: lets the once-a-day forfait see earlier prescriptions. */
  readonly billedEarlierForPatient?: readonly EarlierBilling[];
  /** Participations forfaitaires already charged to the patient by this lab that day / that year. */
  readonly participationAlreadyToday?: { readonly count: number; readonly cents: number };
  readonly participationAlreadyThisYearCents?: number;
  readonly cotationConfig?: CotationConfig;
  readonly sharesConfig?: SharesConfig;
}

export type QuoteOutcome =
  | { readonly ok: true; readonly quote: QuoteResponse; readonly cotation: Cotation; readonly shares: Shares }
  | { readonly ok: false; readonly errors: readonly BillingIssue[] };

/** Requested act strings → ordered acts, remembering which request entry each came from. */
function resolveActs(
  requested: readonly string[],
  tariffs: TariffIndex,
  catalogue: ReadonlyMap<string, CatalogueBilling> | undefined,
  errors: BillingIssue[]
): { acts: OrderedAct[]; origin: number[] } {
  const acts: OrderedAct[] = [];
  const origin: number[] = [];
  requested.forEach((text, requestIndex) => {
    const nabmCode = normalizeNabmCode(text);
    const billing = nabmCode !== null && tariffs.acts.has(nabmCode) ? undefined : catalogue?.get(text);
    if (billing === undefined) {
      if (nabmCode === null) {
        errors.push({
          code: 'SIL_NABM_UNKNOWN_ACT',
          path: `acts[${requestIndex}]`,
          detail: `« ${text} » n’est ni un code NABM ni une analyse du catalogue`,
        });
        return;
      }
      acts.push({ kind: 'nabm', code: nabmCode });
      origin.push(requestIndex);
    } else if (billing.kind === 'nabm') {
      for (const code of billing.nabmCodes) {
        acts.push({ kind: 'nabm', code });
        origin.push(requestIndex);
      }
    } else {
      acts.push({ kind: 'hors-nomenclature', code: text, label: billing.label, priceCents: billing.priceCents });
      origin.push(requestIndex);
    }
  });
  return { acts, origin };
}

/** Issue paths of the engine point into the resolved list; point them back to the request. */
function toRequestPath(issue: BillingIssue, origin: readonly number[]): BillingIssue {
  const match = /^acts\[(\d+)\]$/.exec(issue.path);
  if (match !== null) {
    return { ...issue, path: `acts[${origin[Number(match[1])] ?? match[1]}]` };
  }
  return issue.path === 'performedAt' ? { ...issue, path: 'date' } : issue;
}

export function computeQuote(request: QuoteRequest, tariffs: TariffIndex, options: QuoteOptions = {}): QuoteOutcome {
  const errors: BillingIssue[] = [];
  const { acts, origin } = resolveActs(request.acts, tariffs, options.catalogue, errors);
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  const cotation = computeCotation(
    {
      performedAt: request.date,
      territory: request.territory,
      siteInAlsaceMoselle: options.siteInAlsaceMoselle,
      acts,
      bloodSample: request.bloodSample,
      urgent: request.urgent,
      billedEarlierForPatient: options.billedEarlierForPatient,
    },
    tariffs,
    options.cotationConfig ?? { rules: defaultCotationRules }
  );
  if (!cotation.ok) {
    return { ok: false, errors: cotation.errors.map((issue) => toRequestPath(issue, origin)) };
  }
  const shares = computeShares(
    {
      date: cotation.localDate,
      patient: { birthDate: request.patient.birthDate },
      amo: request.patient.amo,
      amc: request.patient.amc,
      lines: cotation.lines,
      participationAlreadyToday: options.participationAlreadyToday,
      participationAlreadyThisYearCents: options.participationAlreadyThisYearCents,
    },
    options.sharesConfig ?? defaultSharesConfig
  );
  if (!shares.ok) {
    return { ok: false, errors: shares.errors };
  }
  const quote: QuoteResponse = {
    lines: cotation.lines.map((line) => ({
      code: line.code,
      label: line.label,
      coefficient: line.coefficientHundredths === null ? null : coefficientFromHundredths(line.coefficientHundredths),
      amountCents: line.amountCents,
      billed: line.billed,
      reason: line.reason,
    })),
    totalCents: shares.totalCents,
    amoCents: shares.amoCents,
    amcCents: shares.amcCents,
    patientCents: shares.patientCents,
    participationForfaitaireCents: shares.participationForfaitaire.cents,
  };
  return { ok: true, quote, cotation, shares };
}
