/**
 * Result lifecycle (one analyte on one specimen): pending → entered → technically_validated →
 * biologically_validated → released, with the side exits rejected_by_biologist → entered (rerun) and
 * cancelled. Technical validation (technicien) and biological validation (biologiste only) stay two
 * distinct, audited steps — HPRIM OBX 10.12 R → P → F, HL7 OBX-11 — as in LabBook's 251/252 and
 * OpenELIS' TechnicalAcceptance/Finalized. A validated value is never overwritten: correcting it opens
 * a new version (guarded by a reason) and reissues the report as amended (ISO 15189:2022 §7.4.1.8).
 */
import type { Role } from '../access/roles.js';
import { isSpecimenAccepted, type SpecimenStatus } from './specimen-lifecycle.js';
import { findTransition, firstFailingGuard, type GuardDefinition, type TransitionDefinition } from './state-machine.js';

export const resultStatuses = [
  'pending',
  'entered',
  'technically_validated',
  'biologically_validated',
  'released',
  'rejected_by_biologist',
  'cancelled',
] as const;
export type ResultStatus = (typeof resultStatuses)[number];

export const resultStatusLabelsFr: Readonly<Record<ResultStatus, string>> = {
  pending: 'en attente',
  entered: 'saisi',
  technically_validated: 'validé techniquement',
  biologically_validated: 'validé biologiquement',
  released: 'diffusé',
  rejected_by_biologist: 'à repasser',
  cancelled: 'annulé',
};

/** Statuses whose value is biologically validated (may appear on a report). */
export function isResultBiologicallyValidated(status: ResultStatus): boolean {
  return status === 'biologically_validated' || status === 'released';
}

export interface ResultTransitionContext {
  readonly actorRoles: readonly Role[];
  /** The result carries a value of the analyte's type (numeric, code or text). */
  readonly hasValue: boolean;
  /** Status of the result's tube (`null`: no tube linked). */
  readonly specimenStatus: SpecimenStatus | null;
  /** The value is beyond the analyte's critical limits (flag LL/HH/AA). */
  readonly critical: boolean;
  /** A critical-value notification (who was called, when, by whom) is recorded for this version. */
  readonly criticalNotified: boolean;
  /** Reason typed by the user (rerun, withdrawal, cancellation, correction). */
  readonly reason?: string | null;
}

export type ResultGuard =
  'isTechnicianOrBiologist' | 'isBiologist' | 'specimenAccepted' | 'valueComplete' | 'criticalNotified' | 'reasonGiven';

export type ResultEffect =
  'recordEntry' | 'appendValidationLog' | 'requestRerun' | 'issueReport' | 'newVersion' | 'reissueAmendedReport';

export type ResultTransitionErrorCode =
  | 'SIL_RESULT_TRANSITION_NOT_ALLOWED'
  | 'SIL_RESULT_TECHNICIAN_REQUIRED'
  | 'SIL_RESULT_BIOLOGIST_REQUIRED'
  | 'SIL_RESULT_SPECIMEN_NOT_ACCEPTED'
  | 'SIL_RESULT_VALUE_MISSING'
  | 'SIL_RESULT_CRITICAL_NOT_NOTIFIED'
  | 'SIL_REASON_REQUIRED';

export const resultGuards: Readonly<
  Record<ResultGuard, GuardDefinition<ResultTransitionContext, ResultTransitionErrorCode>>
> = {
  isTechnicianOrBiologist: {
    descriptionFr: 'technicien ou biologiste',
    errorCode: 'SIL_RESULT_TECHNICIAN_REQUIRED',
    check: (context) => context.actorRoles.includes('technicien') || context.actorRoles.includes('biologiste'),
  },
  isBiologist: {
    descriptionFr: 'biologiste',
    errorCode: 'SIL_RESULT_BIOLOGIST_REQUIRED',
    check: (context) => context.actorRoles.includes('biologiste'),
  },
  specimenAccepted: {
    descriptionFr: 'tube réceptionné et accepté',
    errorCode: 'SIL_RESULT_SPECIMEN_NOT_ACCEPTED',
    check: (context) => isSpecimenAccepted(context.specimenStatus),
  },
  valueComplete: {
    descriptionFr: 'valeur saisie',
    errorCode: 'SIL_RESULT_VALUE_MISSING',
    check: (context) => context.hasValue,
  },
  criticalNotified: {
    descriptionFr: 'valeur critique : appel enregistré (ISO 15189:2022 §7.4.1.3)',
    errorCode: 'SIL_RESULT_CRITICAL_NOT_NOTIFIED',
    check: (context) => !context.critical || context.criticalNotified,
  },
  reasonGiven: {
    descriptionFr: 'motif saisi',
    errorCode: 'SIL_REASON_REQUIRED',
    check: (context) => (context.reason ?? '').trim() !== '',
  },
};

type ResultTransition = TransitionDefinition<ResultStatus, ResultGuard, ResultEffect>;

const ENTRY_GUARDS: readonly ResultGuard[] = ['isTechnicianOrBiologist', 'specimenAccepted', 'valueComplete'];
const CANCELLABLE: readonly ResultStatus[] = ['pending', 'entered', 'technically_validated', 'rejected_by_biologist'];

/** Role guards come first: an unauthorised user learns nothing about the result's state. */
export const resultTransitions: readonly ResultTransition[] = [
  { from: 'pending', to: 'entered', guards: ENTRY_GUARDS, effects: ['recordEntry'] },
  // Changing a value before technical validation (the previous value stays in the audit trail).
  { from: 'entered', to: 'entered', guards: ENTRY_GUARDS, effects: ['recordEntry'] },
  { from: 'entered', to: 'technically_validated', guards: ENTRY_GUARDS, effects: ['appendValidationLog'] },
  // The technician withdraws a technical validation before the biologist has seen it.
  {
    from: 'technically_validated',
    to: 'entered',
    guards: ['isTechnicianOrBiologist', 'reasonGiven'],
    effects: ['appendValidationLog'],
  },
  {
    from: 'technically_validated',
    to: 'biologically_validated',
    guards: ['isBiologist', 'valueComplete', 'criticalNotified'],
    effects: ['appendValidationLog'],
  },
  {
    from: 'technically_validated',
    to: 'rejected_by_biologist',
    guards: ['isBiologist', 'reasonGiven'],
    effects: ['appendValidationLog', 'requestRerun'],
  },
  { from: 'rejected_by_biologist', to: 'entered', guards: ENTRY_GUARDS, effects: ['recordEntry'] },
  { from: 'biologically_validated', to: 'released', guards: ['criticalNotified'], effects: ['issueReport'] },
  // Correction after validation: a new version, reason mandatory; a released one reissues the report as amended.
  {
    from: 'biologically_validated',
    to: 'entered',
    guards: ['isBiologist', 'reasonGiven'],
    effects: ['newVersion', 'appendValidationLog'],
  },
  {
    from: 'released',
    to: 'entered',
    guards: ['isBiologist', 'reasonGiven'],
    effects: ['newVersion', 'appendValidationLog', 'reissueAmendedReport'],
  },
  ...CANCELLABLE.map((from): ResultTransition => ({
    from,
    to: 'cancelled',
    guards: ['reasonGiven'],
    effects: ['appendValidationLog'],
  })),
];

/**
 * `null` when the transition is allowed for this context, else the stable error code:
 * `SIL_RESULT_TRANSITION_NOT_ALLOWED` when the table has no such transition (e.g. validating twice
 * the same version: biologically_validated → biologically_validated), else the first failing guard's.
 */
export function checkResultTransition(
  from: ResultStatus,
  to: ResultStatus,
  context: ResultTransitionContext
): ResultTransitionErrorCode | null {
  const transition = findTransition(resultTransitions, from, to);
  if (transition === null) {
    return 'SIL_RESULT_TRANSITION_NOT_ALLOWED';
  }
  return firstFailingGuard(transition.guards, resultGuards, context);
}

/** The transition definition (guards and effects), or `null` when not in the table. */
export function findResultTransition(from: ResultStatus, to: ResultStatus): ResultTransition | null {
  return findTransition(resultTransitions, from, to);
}
