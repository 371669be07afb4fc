import type { Site, Territory } from '../api/types.js';
import type { OrderView, QuoteRequest } from '../api/workflow-types.js';

/** The territory of the user's site (tariffs differ overseas: NABM B-value by territory). */
export function territoryFor(sites: readonly Site[], userSiteIds: readonly string[]): Territory {
  const active = sites.filter((site) => site.active);
  const own = active.find((site) => userSiteIds.includes(site.id));
  return (own ?? active[0])?.territory ?? 'metropole';
}

const nonBloodSpecimen = /^(urine|selles|[ée]couvillon)/i;

/**
 * The desk quote of an order (POST /api/billing/quote, issue 5 item 8): the analysis codes as acts
 * (the server uses their NABM codes), a blood sample, the patient's age and sex. Coverage is not
 * recorded yet: AMO without exoneration, no AMC — the quote says what the patient pays in that case.
 */
export function buildQuoteRequest(order: OrderView, territory: Territory, now: Date): QuoteRequest {
  return {
    date: now.toISOString(),
    territory,
    patient: {
      birthDate: order.patient.birthDate,
      sex: order.patient.sex === 'I' ? 'U' : order.patient.sex,
      amo: { exoneration: null, alsaceMoselle: false },
      amc: null,
    },
    acts: order.analyses.filter((analysis) => !analysis.cancelled).map((analysis) => analysis.code),
    // The blood-sampling act is billed when at least one tube is blood (not urine, stool or swab).
    bloodSample:
      order.specimens.length === 0 || order.specimens.some((specimen) => !nonBloodSpecimen.test(specimen.specimenType)),
    urgent: order.urgency !== 'routine',
  };
}
