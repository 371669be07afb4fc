/**
 * Specimen (tube) lifecycle: expected → collected → received | rejected → in_analysis → stored → disposed.
 * The desk creates expected tubes with the order; collection is traced tube by tube (who, when: CSP
 * R6211-22); reception accepts or rejects with a coded reason (a non-conformity, ISO 15189:2022 §7.5).
 */
import type { LabInstant } from './lab-instant.js';
import { findTransition, firstFailingGuard, type GuardDefinition, type TransitionDefinition } from './state-machine.js';

export const specimenStatuses = [
  'expected',
  'collected',
  'received',
  'rejected',
  'in_analysis',
  'stored',
  'disposed',
] as const;
export type SpecimenStatus = (typeof specimenStatuses)[number];

export const specimenStatusLabelsFr: Readonly<Record<SpecimenStatus, string>> = {
  expected: 'attendu',
  collected: 'prélevé',
  received: 'réceptionné',
  rejected: 'refusé',
  in_analysis: 'en analyse',
  stored: 'conservé',
  disposed: 'éliminé',
};

/** A tube whose results may be entered: received and accepted, and not disposed of. */
export function isSpecimenAccepted(status: SpecimenStatus | null): boolean {
  return status === 'received' || status === 'in_analysis' || status === 'stored';
}

export interface SpecimenTransitionContext {
  readonly collectedAt: LabInstant | null;
  /** Who collected (user id or the external collector's name, CSP R6211-22). */
  readonly collectedBy: string | null;
  /** Coded non-conformity reason (reception refusal). */
  readonly rejectionReasonCode?: string | null;
}

export type SpecimenGuard = 'collectionRecorded' | 'rejectionReasonGiven';

export type SpecimenEffect = 'recordCollection' | 'recordReception' | 'openNonConformity' | 'notifyDeskRecall';

export type SpecimenTransitionErrorCode =
  | 'SIL_SPECIMEN_TRANSITION_NOT_ALLOWED'
  | 'SIL_SPECIMEN_ALREADY_RECEIVED'
  | 'SIL_SPECIMEN_COLLECTION_NOT_RECORDED'
  | 'SIL_SPECIMEN_REJECTION_REASON_REQUIRED';

export const specimenGuards: Readonly<
  Record<SpecimenGuard, GuardDefinition<SpecimenTransitionContext, SpecimenTransitionErrorCode>>
> = {
  collectionRecorded: {
    descriptionFr: 'date, heure et préleveur enregistrés (CSP R6211-22)',
    errorCode: 'SIL_SPECIMEN_COLLECTION_NOT_RECORDED',
    check: (context) => context.collectedAt !== null && (context.collectedBy ?? '').trim() !== '',
  },
  rejectionReasonGiven: {
    descriptionFr: 'motif codé de non-conformité',
    errorCode: 'SIL_SPECIMEN_REJECTION_REASON_REQUIRED',
    check: (context) => (context.rejectionReasonCode ?? '').trim() !== '',
  },
};

type SpecimenTransition = TransitionDefinition<SpecimenStatus, SpecimenGuard, SpecimenEffect>;

export const specimenTransitions: readonly SpecimenTransition[] = [
  { from: 'expected', to: 'collected', guards: ['collectionRecorded'], effects: ['recordCollection'] },
  // A tube collected outside the lab (nurse, clinic) is first seen at reception: collection traced then.
  {
    from: 'expected',
    to: 'received',
    guards: ['collectionRecorded'],
    effects: ['recordCollection', 'recordReception'],
  },
  { from: 'collected', to: 'received', guards: ['collectionRecorded'], effects: ['recordReception'] },
  {
    from: 'expected',
    to: 'rejected',
    guards: ['rejectionReasonGiven'],
    effects: ['openNonConformity', 'notifyDeskRecall'],
  },
  {
    from: 'collected',
    to: 'rejected',
    guards: ['rejectionReasonGiven'],
    effects: ['openNonConformity', 'notifyDeskRecall'],
  },
  // A non-conformity found after acceptance (clot, haemolysis index at analysis).
  {
    from: 'received',
    to: 'rejected',
    guards: ['rejectionReasonGiven'],
    effects: ['openNonConformity', 'notifyDeskRecall'],
  },
  {
    from: 'in_analysis',
    to: 'rejected',
    guards: ['rejectionReasonGiven'],
    effects: ['openNonConformity', 'notifyDeskRecall'],
  },
  { from: 'received', to: 'in_analysis', guards: [], effects: [] },
  { from: 'received', to: 'stored', guards: [], effects: [] },
  { from: 'in_analysis', to: 'stored', guards: [], effects: [] },
  // Rerun from the stored tube (biologist sends back to rerun).
  { from: 'stored', to: 'in_analysis', guards: [], effects: [] },
  { from: 'stored', to: 'disposed', guards: [], effects: [] },
  { from: 'rejected', to: 'disposed', guards: [], effects: [] },
];

/**
 * `null` when the transition is allowed, else its error code. A tube scanned again at reception
 * (already received, in analysis, stored or disposed) is `SIL_SPECIMEN_ALREADY_RECEIVED`.
 */
export function checkSpecimenTransition(
  from: SpecimenStatus,
  to: SpecimenStatus,
  context: SpecimenTransitionContext
): SpecimenTransitionErrorCode | null {
  const transition = findTransition(specimenTransitions, from, to);
  if (transition === null) {
    if (
      to === 'received' &&
      (from === 'received' || from === 'in_analysis' || from === 'stored' || from === 'disposed')
    ) {
      return 'SIL_SPECIMEN_ALREADY_RECEIVED';
    }
    return 'SIL_SPECIMEN_TRANSITION_NOT_ALLOWED';
  }
  return firstFailingGuard(transition.guards, specimenGuards, context);
}

export function findSpecimenTransition(from: SpecimenStatus, to: SpecimenStatus): SpecimenTransition | null {
  return findTransition(specimenTransitions, from, to);
}
