/**
 * Prices an order for its invoice with the core engine (issue 5 items 2 and 4): the site's
 * territory (value of B), the date and time of the acts, a blood sample when one of the order's
 * tubes holds blood (forfait 9105), urgent when the order was prescribed urgent (NABM art. 6),
 * the NABM codes of the order's active analyses, the patient's other invoices of the same Paris
 * day (forfait 9005 once per patient and per day, NABM art. 4 quater; daily ceiling of the
 * participation forfaitaire), then the shares with the patient's coverage at the date of the acts.
 * Pure: the caller reads the rows in its transaction.
 */
import {
  billingIssuesToError,
  computeCotation,
  computeShares,
  exonerationAtDate,
  parisDateOf,
  SillageError,
  type Cotation,
  type OrderedAct,
  type TariffIndex,
} from '@sillage/core';
import { billingCoverageOf } from './coverage.service.js';
import type { CoverageRow } from './coverage.repository.js';
import type { BillableOrderRow, InvoiceLineRow, OrderActRow, SameDayBillingRow } from './invoices.repository.js';

export interface PricingInput {
  readonly order: BillableOrderRow;
  readonly acts: readonly OrderActRow[];
  readonly coverage: CoverageRow;
  readonly sameDay: readonly SameDayBillingRow[];
  readonly participationThisYearCents: number;
  readonly tariffs: TariffIndex;
}

export interface PricedInvoice {
  readonly performedAt: string;
  readonly actsDate: string;
  readonly bValueMilliCents: number | null;
  readonly lines: readonly InvoiceLineRow[];
  readonly totalCents: number;
  readonly amoCents: number;
  readonly amcCents: number;
  readonly patientCents: number;
  readonly amcRefundToPatientCents: number;
  readonly participation: { readonly cents: number; readonly count: number; readonly reason: string };
  readonly notes: readonly string[];
  readonly coverageSnapshot: Record<string, unknown>;
}

/** The acts are dated by the first collection of the order's tubes, else by the order's registration. */
export function performedAtOf(order: BillableOrderRow): string {
  return (order.first_collected_at ?? order.created_at).toISOString();
}

export function actsDateOf(order: BillableOrderRow): string {
  return parisDateOf(performedAtOf(order));
}

/** What the patient's coverage does not change: the NABM cotation of the order's acts. */
function cotationOf(input: Omit<PricingInput, 'coverage'>): { cotation: Cotation; notes: string[] } {
  const { order } = input;
  const performedAt = performedAtOf(order);
  const notes: string[] = [];
  const acts: OrderedAct[] = [];
  for (const analysis of input.acts) {
    if (analysis.nabm_codes.length === 0 && analysis.off_nomenclature_price_cents !== null) {
      // Hors nomenclature: billed at the lab's catalogue price, wholly to the patient (CSS L162-1-7).
      acts.push({
        kind: 'hors-nomenclature',
        code: analysis.code,
        label: analysis.label,
        priceCents: analysis.off_nomenclature_price_cents,
      });
      continue;
    }
    if (analysis.nabm_codes.length === 0) {
      notes.push(
        `Analyse ${analysis.code} (${analysis.label}) sans code NABM ni prix hors nomenclature : non facturée.`
      );
    }
    for (const code of analysis.nabm_codes) {
      acts.push({ kind: 'nabm', code });
    }
  }
  if (acts.length === 0) {
    throw new SillageError('SIL_INVOICE_ORDER_NOT_BILLABLE', { detail: 'aucune analyse active cotée en NABM' });
  }
  const cotation = computeCotation(
    {
      performedAt,
      territory: order.territory,
      acts,
      bloodSample: order.blood_sample,
      urgent: order.urgency !== 'routine',
      siteInAlsaceMoselle: order.alsace_moselle,
      billedEarlierForPatient: input.sameDay.map((earlier) => ({
        performedAt: earlier.performed_at.toISOString(),
        codes: earlier.codes,
      })),
    },
    input.tariffs
  );
  if (!cotation.ok) {
    throw billingIssuesToError(cotation.errors);
  }
  return { cotation, notes };
}

export function priceOrder(input: PricingInput): PricedInvoice {
  const { order, coverage } = input;
  const performedAt = performedAtOf(order);
  const actsDate = parisDateOf(performedAt);
  const { cotation, notes } = cotationOf(input);
  const { amo, amc } = billingCoverageOf(coverage);
  const exoneration = exonerationAtDate(
    {
      exoneration: amo.exoneration,
      validFrom: coverage.exoneration_valid_from,
      validTo: coverage.exoneration_valid_to,
    },
    actsDate
  );
  if (exoneration.note !== null) {
    notes.push(exoneration.note);
  }
  const shares = computeShares({
    date: actsDate,
    patient: { birthDate: order.birth_date },
    amo: { ...amo, exoneration: exoneration.exoneration },
    amc,
    lines: cotation.lines,
    participationAlreadyToday: {
      count: input.sameDay.reduce((sum, earlier) => sum + earlier.participation_count, 0),
      cents: input.sameDay.reduce((sum, earlier) => sum + earlier.participation_cents, 0),
    },
    participationAlreadyThisYearCents: input.participationThisYearCents,
  });
  if (!shares.ok) {
    throw billingIssuesToError(shares.errors);
  }
  // computeShares lists the billed lines, in the cotation's order.
  const billedShares = [...shares.lines];
  const lines: InvoiceLineRow[] = cotation.lines.map((line, index) => {
    const share = line.billed ? billedShares.shift() : undefined;
    return {
      position: index + 1,
      code: line.code,
      label: line.label,
      kind: line.kind,
      key_letter: line.keyLetter,
      coefficient_hundredths: line.coefficientHundredths,
      amount_cents: line.amountCents,
      billed: line.billed,
      reason: share === undefined ? line.reason : `${line.reason} ${share.reason}`,
      amo_rate_percent: share?.amoRatePercent ?? null,
      amo_cents: share?.amoCents ?? 0,
      amc_share_cents: share?.amcShareCents ?? 0,
      patient_cents: share?.patientCents ?? 0,
    };
  });
  notes.push(...cotation.notes);
  return {
    performedAt,
    actsDate,
    bValueMilliCents: cotation.bValue?.milliCents ?? null,
    lines,
    totalCents: shares.totalCents,
    amoCents: shares.amoCents,
    amcCents: shares.amcCents,
    patientCents: shares.patientCents,
    amcRefundToPatientCents: shares.amcRefundToPatientCents,
    participation: {
      cents: shares.participationForfaitaire.cents,
      count: shares.participationForfaitaire.count,
      reason: shares.participationForfaitaire.reason,
    },
    notes,
    coverageSnapshot: {
      amo: {
        ...amo,
        exonerationValidFrom: coverage.exoneration_valid_from,
        exonerationValidTo: coverage.exoneration_valid_to,
      },
      amc,
      exonerationApplied: exoneration.exoneration,
      checkedOn: actsDate,
    },
  };
}

/**
 * The patient pays every act: no AMO coverage to bill (not insured, rights not open, or tiers payant
 * refused). Same cotation; no AMO/AMC share, and no participation forfaitaire, which is only ever
 * deducted from an Assurance maladie reimbursement (CSS L160-13). No FSE is prepared for such an invoice.
 */
export function priceOrderForPatient(input: Omit<PricingInput, 'coverage'>): PricedInvoice {
  const performedAt = performedAtOf(input.order);
  const actsDate = parisDateOf(performedAt);
  const { cotation, notes } = cotationOf(input);
  const lines: InvoiceLineRow[] = cotation.lines.map((line, index) => ({
    position: index + 1,
    code: line.code,
    label: line.label,
    kind: line.kind,
    key_letter: line.keyLetter,
    coefficient_hundredths: line.coefficientHundredths,
    amount_cents: line.amountCents,
    billed: line.billed,
    reason: line.billed ? `${line.reason} ${patientPaysReason}` : line.reason,
    amo_rate_percent: null,
    amo_cents: 0,
    amc_share_cents: 0,
    patient_cents: line.billed ? line.amountCents : 0,
  }));
  const totalCents = lines.reduce((sum, line) => sum + (line.billed ? line.amount_cents : 0), 0);
  return {
    performedAt,
    actsDate,
    bValueMilliCents: cotation.bValue?.milliCents ?? null,
    lines,
    totalCents,
    amoCents: 0,
    amcCents: 0,
    patientCents: totalCents,
    amcRefundToPatientCents: 0,
    participation: { cents: 0, count: 0, reason: 'Sans prise en charge AMO : pas de participation forfaitaire.' },
    notes: [...notes, `${patientPaysReason} Aucune feuille de soins électronique n’est préparée.`],
    coverageSnapshot: { payer: 'patient', amo: null, amc: null, checkedOn: actsDate },
  };
}

const patientPaysReason = 'Sans prise en charge AMO : à la charge du patient.';
