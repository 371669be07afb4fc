import { describe, expect, it } from 'vitest';
import {
  checkSpecimenTransition,
  findSpecimenTransition,
  isSpecimenAccepted,
  specimenGuards,
  specimenStatuses,
  specimenTransitions,
  type SpecimenStatus,
  type SpecimenTransitionContext,
} from './specimen-lifecycle.js';

const traced: SpecimenTransitionContext = {
  collectedAt: '2026-03-10T08:05:00+01:00',
  collectedBy: 'user:42',
  rejectionReasonCode: null,
};
const untraced: SpecimenTransitionContext = { collectedAt: null, collectedBy: null };

describe('specimen guards', () => {
  it.each([
    [traced, true],
    [{ ...traced, collectedBy: '  ' }, false],
    [{ ...traced, collectedAt: null }, false],
    [untraced, false],
  ])('collectionRecorded %o → %s', (context, passes) => {
    expect(specimenGuards.collectionRecorded.check(context)).toBe(passes);
  });

  it.each([
    ['HEMOLYSE', true],
    ['', false],
    [null, false],
  ])('rejectionReasonGiven %j → %s', (rejectionReasonCode, passes) => {
    expect(specimenGuards.rejectionReasonGiven.check({ ...traced, rejectionReasonCode })).toBe(passes);
  });
});

describe('checkSpecimenTransition', () => {
  it.each([
    ['expected', 'collected', traced, null],
    ['expected', 'collected', untraced, 'SIL_SPECIMEN_COLLECTION_NOT_RECORDED'],
    ['collected', 'received', traced, null],
    ['expected', 'received', traced, null], // external tube: collection traced at reception
    ['expected', 'received', untraced, 'SIL_SPECIMEN_COLLECTION_NOT_RECORDED'],
    ['collected', 'rejected', { ...traced, rejectionReasonCode: 'TUBE_NON_CONFORME' }, null],
    ['collected', 'rejected', traced, 'SIL_SPECIMEN_REJECTION_REASON_REQUIRED'],
    ['received', 'rejected', { ...traced, rejectionReasonCode: 'HEMOLYSE' }, null],
    ['received', 'in_analysis', traced, null],
    ['in_analysis', 'stored', traced, null],
    ['stored', 'in_analysis', traced, null],
    ['stored', 'disposed', traced, null],
    ['rejected', 'disposed', traced, null],
    // A barcode scanned twice at reception.
    ['received', 'received', traced, 'SIL_SPECIMEN_ALREADY_RECEIVED'],
    ['in_analysis', 'received', traced, 'SIL_SPECIMEN_ALREADY_RECEIVED'],
    ['stored', 'received', traced, 'SIL_SPECIMEN_ALREADY_RECEIVED'],
    // A rejected tube is not received afterwards: a new tube is drawn.
    ['rejected', 'received', traced, 'SIL_SPECIMEN_TRANSITION_NOT_ALLOWED'],
    ['expected', 'in_analysis', traced, 'SIL_SPECIMEN_TRANSITION_NOT_ALLOWED'],
    ['disposed', 'stored', traced, 'SIL_SPECIMEN_TRANSITION_NOT_ALLOWED'],
  ] as const)('%s → %s', (from, to, context, code) => {
    expect(checkSpecimenTransition(from, to, context)).toBe(code);
  });

  it('every transition joins known statuses, names known guards, and appears once', () => {
    const seen = new Set<string>();
    for (const transition of specimenTransitions) {
      expect(specimenStatuses).toContain(transition.from);
      expect(specimenStatuses).toContain(transition.to);
      for (const guard of transition.guards) {
        expect(Object.keys(specimenGuards)).toContain(guard);
      }
      const key = `${transition.from}→${transition.to}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('a rejection opens a non-conformity and tells the desk to recall the patient', () => {
    expect(findSpecimenTransition('collected', 'rejected')?.effects).toEqual(['openNonConformity', 'notifyDeskRecall']);
  });
});

describe('isSpecimenAccepted', () => {
  it.each([
    ['expected', false],
    ['collected', false],
    ['received', true],
    ['rejected', false],
    ['in_analysis', true],
    ['stored', true],
    ['disposed', false],
    [null, false],
  ] as const)('%s → %s', (status: SpecimenStatus | null, accepted) => {
    expect(isSpecimenAccepted(status)).toBe(accepted);
  });
});
