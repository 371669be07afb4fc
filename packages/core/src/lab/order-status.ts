/**
 * An order's status is derived from its results and their tubes, never edited (DESIGN.md; SENAITE's
 * "promotion", LabBook's intermediate states 253/255, OpenELIS' "Finished").
 */
import { isResultBiologicallyValidated, type ResultStatus } from './result-lifecycle.js';
import { isSpecimenAccepted, type SpecimenStatus } from './specimen-lifecycle.js';

export const orderStatuses = [
  'awaiting_specimens',
  'in_progress',
  'partially_validated',
  'complete',
  'delivered',
  'cancelled',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderStatusLabelsFr: Readonly<Record<OrderStatus, string>> = {
  awaiting_specimens: 'en attente de prélèvement',
  in_progress: 'en cours',
  partially_validated: 'partiellement validé',
  complete: 'complet',
  delivered: 'remis',
  cancelled: 'annulé',
};

export interface OrderResultState {
  readonly status: ResultStatus;
  /** Status of the tube the result is measured on (`null`: no tube yet). */
  readonly specimenStatus: SpecimenStatus | null;
}

export interface OrderStatusInput {
  readonly results: readonly OrderResultState[];
  /** A complete (non-partial) report of the current version has been delivered (desk, mail, prescriber). */
  readonly completeReportDelivered: boolean;
}

/**
 * - cancelled: every result is cancelled;
 * - complete: every non-cancelled result is biologically validated (or released); delivered once
 *   the complete report has been handed over or sent;
 * - partially_validated: some, not all, are biologically validated;
 * - in_progress: a tube has been received and accepted, or a result is entered/validated/sent back;
 * - awaiting_specimens: otherwise (nothing received yet; a rejected tube waits for a new one).
 */
export function deriveOrderStatus(input: OrderStatusInput): OrderStatus {
  const active = input.results.filter((result) => result.status !== 'cancelled');
  if (input.results.length > 0 && active.length === 0) {
    return 'cancelled';
  }
  if (active.length === 0) {
    return 'awaiting_specimens';
  }
  const validated = active.filter((result) => isResultBiologicallyValidated(result.status)).length;
  if (validated === active.length) {
    return input.completeReportDelivered ? 'delivered' : 'complete';
  }
  if (validated > 0) {
    return 'partially_validated';
  }
  const started = active.some((result) => result.status !== 'pending' || isSpecimenAccepted(result.specimenStatus));
  return started ? 'in_progress' : 'awaiting_specimens';
}
