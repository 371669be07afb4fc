import { describe, expect, it } from 'vitest';
import type { Role } from '../access/roles.js';
import {
  checkResultTransition,
  findResultTransition,
  isResultBiologicallyValidated,
  resultGuards,
  resultStatuses,
  resultTransitions,
  type ResultTransitionContext,
} from './result-lifecycle.js';

const technician: readonly Role[] = ['technicien'];
const biologist: readonly Role[] = ['biologiste'];
const secretary: readonly Role[] = ['secretaire'];

const base: ResultTransitionContext = {
  actorRoles: technician,
  hasValue: true,
  specimenStatus: 'received',
  critical: false,
  criticalNotified: false,
  reason: null,
};

describe('result guards', () => {
  it.each([
    ['isTechnicianOrBiologist', { actorRoles: technician }, true],
    ['isTechnicianOrBiologist', { actorRoles: biologist }, true],
    ['isTechnicianOrBiologist', { actorRoles: ['secretaire', 'preleveur'] }, false],
    ['isTechnicianOrBiologist', { actorRoles: [] }, false],
    ['isBiologist', { actorRoles: biologist }, true],
    ['isBiologist', { actorRoles: ['technicien', 'admin'] }, false],
    ['specimenAccepted', { specimenStatus: 'in_analysis' }, true],
    ['specimenAccepted', { specimenStatus: 'rejected' }, false],
    ['specimenAccepted', { specimenStatus: 'collected' }, false],
    ['specimenAccepted', { specimenStatus: null }, false],
    ['valueComplete', { hasValue: true }, true],
    ['valueComplete', { hasValue: false }, false],
    ['criticalNotified', { critical: false, criticalNotified: false }, true],
    ['criticalNotified', { critical: true, criticalNotified: true }, true],
    ['criticalNotified', { critical: true, criticalNotified: false }, false],
    ['reasonGiven', { reason: 'hémolyse, repasser' }, true],
    ['reasonGiven', { reason: '   ' }, false],
    ['reasonGiven', { reason: null }, false],
  ] as const)('%s with %o → %s', (guard, overrides, passes) => {
    expect(resultGuards[guard].check({ ...base, ...overrides })).toBe(passes);
  });
});

describe('checkResultTransition', () => {
  it.each([
    // Entry and technical validation.
    ['pending', 'entered', {}, null],
    ['pending', 'entered', { actorRoles: secretary }, 'SIL_RESULT_TECHNICIAN_REQUIRED'],
    ['pending', 'entered', { specimenStatus: 'rejected' }, 'SIL_RESULT_SPECIMEN_NOT_ACCEPTED'],
    ['pending', 'entered', { hasValue: false }, 'SIL_RESULT_VALUE_MISSING'],
    ['entered', 'entered', {}, null],
    ['entered', 'technically_validated', {}, null],
    ['entered', 'technically_validated', { hasValue: false }, 'SIL_RESULT_VALUE_MISSING'],
    // A critical value does not stop the technician; the biologist records the call first.
    ['entered', 'technically_validated', { critical: true }, null],
    ['technically_validated', 'entered', { reason: 'erreur de saisie' }, null],
    ['technically_validated', 'entered', {}, 'SIL_REASON_REQUIRED'],
    // Biological validation.
    ['technically_validated', 'biologically_validated', { actorRoles: biologist }, null],
    ['technically_validated', 'biologically_validated', {}, 'SIL_RESULT_BIOLOGIST_REQUIRED'],
    [
      'technically_validated',
      'biologically_validated',
      { actorRoles: biologist, critical: true },
      'SIL_RESULT_CRITICAL_NOT_NOTIFIED',
    ],
    [
      'technically_validated',
      'biologically_validated',
      { actorRoles: biologist, critical: true, criticalNotified: true },
      null,
    ],
    ['entered', 'biologically_validated', { actorRoles: biologist }, 'SIL_RESULT_TRANSITION_NOT_ALLOWED'],
    // A second validation of the same version.
    [
      'biologically_validated',
      'biologically_validated',
      { actorRoles: biologist },
      'SIL_RESULT_TRANSITION_NOT_ALLOWED',
    ],
    // Rerun.
    ['technically_validated', 'rejected_by_biologist', { actorRoles: biologist, reason: 'incohérent, repasser' }, null],
    ['technically_validated', 'rejected_by_biologist', { actorRoles: biologist }, 'SIL_REASON_REQUIRED'],
    ['technically_validated', 'rejected_by_biologist', { reason: 'x' }, 'SIL_RESULT_BIOLOGIST_REQUIRED'],
    ['rejected_by_biologist', 'entered', {}, null],
    ['rejected_by_biologist', 'technically_validated', {}, 'SIL_RESULT_TRANSITION_NOT_ALLOWED'],
    // Release and correction (new version).
    ['biologically_validated', 'released', { actorRoles: [] }, null],
    ['released', 'entered', { actorRoles: biologist, reason: 'erreur de transcription' }, null],
    ['released', 'entered', { actorRoles: biologist }, 'SIL_REASON_REQUIRED'],
    ['released', 'entered', { reason: 'x' }, 'SIL_RESULT_BIOLOGIST_REQUIRED'],
    // Cancellation.
    ['pending', 'cancelled', { actorRoles: secretary, reason: 'analyse annulée par le prescripteur' }, null],
    ['entered', 'cancelled', {}, 'SIL_REASON_REQUIRED'],
    ['biologically_validated', 'cancelled', { reason: 'x' }, 'SIL_RESULT_TRANSITION_NOT_ALLOWED'],
    ['cancelled', 'entered', {}, 'SIL_RESULT_TRANSITION_NOT_ALLOWED'],
  ] as const)('%s → %s with %o', (from, to, overrides, code) => {
    expect(checkResultTransition(from, to, { ...base, ...overrides })).toBe(code);
  });

  it('role guards are checked before anything else', () => {
    expect(
      checkResultTransition('pending', 'entered', {
        ...base,
        actorRoles: secretary,
        hasValue: false,
        specimenStatus: null,
      })
    ).toBe('SIL_RESULT_TECHNICIAN_REQUIRED');
  });

  it('every transition joins known statuses, names known guards, and appears once', () => {
    const seen = new Set<string>();
    for (const transition of resultTransitions) {
      expect(resultStatuses).toContain(transition.from);
      expect(resultStatuses).toContain(transition.to);
      for (const guard of transition.guards) {
        expect(Object.keys(resultGuards)).toContain(guard);
      }
      const key = `${transition.from}→${transition.to}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('a correction after release opens a new version and reissues the report as amended', () => {
    expect(findResultTransition('released', 'entered')?.effects).toEqual([
      'newVersion',
      'appendValidationLog',
      'reissueAmendedReport',
    ]);
    expect(findResultTransition('biologically_validated', 'entered')?.effects).toContain('newVersion');
    expect(findResultTransition('pending', 'biologically_validated')).toBeNull();
  });

  it('nothing leaves cancelled', () => {
    expect(resultTransitions.filter((transition) => transition.from === 'cancelled')).toEqual([]);
  });
});

describe('isResultBiologicallyValidated', () => {
  it.each([
    ['biologically_validated', true],
    ['released', true],
    ['technically_validated', false],
    ['rejected_by_biologist', false],
  ] as const)('%s → %s', (status, validated) => {
    expect(isResultBiologicallyValidated(status)).toBe(validated);
  });
});
