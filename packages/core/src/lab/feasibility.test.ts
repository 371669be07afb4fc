import { describe, expect, it } from 'vitest';
import {
  checkFeasibility,
  evaluateStability,
  isWithinSamplingWindow,
  type AnalysisPreanalyticalRules,
  type OrderPreanalyticalContext,
} from './feasibility.js';

// Catalogue data as a lab would write it (values from common French sampling manuals; the rules are
// data, the engine names no analysis).
const glycemie: AnalysisPreanalyticalRules = {
  code: 'GLY',
  label: 'Glycémie à jeun',
  fastingRequired: true,
  stabilityHoursRoom: 24, // tube fluoré
  stabilityHoursCold: 72,
};
const lipides: AnalysisPreanalyticalRules = {
  code: 'EAL',
  label: 'Bilan lipidique',
  fastingRequired: true,
  fastingBlocking: true,
  stabilityHoursRoom: 24,
  stabilityHoursCold: 72,
};
const cortisol: AnalysisPreanalyticalRules = {
  code: 'CORT8',
  label: 'Cortisol de 8 h',
  fastingRequired: false,
  samplingWindow: { from: '07:00', to: '09:00' },
  stabilityHoursRoom: 8,
  stabilityHoursCold: 48,
};
const tca: AnalysisPreanalyticalRules = {
  code: 'TCA',
  label: 'TCA',
  fastingRequired: false,
  stabilityHoursRoom: 4, // GFHT: analysis within 4 h at 15–25 °C
  stabilityHoursCold: 0, // no refrigeration of citrated blood before centrifugation
};
const undocumented: AnalysisPreanalyticalRules = {
  code: 'X',
  label: 'Analyse X',
  fastingRequired: false,
  stabilityHoursRoom: null,
  stabilityHoursCold: null,
};

const atTheLab: OrderPreanalyticalContext = {
  fasting: true,
  samplingAt: '2026-01-15T07:30:00Z', // 08:30 Paris (CET)
  transport: null,
};

describe('checkFeasibility', () => {
  it('nothing to say when the conditions are met', () => {
    expect(checkFeasibility([glycemie, lipides, cortisol, tca], atTheLab)).toEqual([]);
  });

  it.each([
    [
      false,
      glycemie,
      'FASTING_NOT_RESPECTED',
      'warning',
      'Glycémie à jeun : prélèvement à jeun requis, patient non à jeun.',
    ],
    [
      false,
      lipides,
      'FASTING_NOT_RESPECTED',
      'blocking',
      'Bilan lipidique : prélèvement à jeun requis, patient non à jeun.',
    ],
    [null, glycemie, 'FASTING_UNKNOWN', 'warning', 'Glycémie à jeun : prélèvement à jeun requis, jeûne non renseigné.'],
  ] as const)('fasting %s, %o → %s', (fasting, analysis, code, severity, message) => {
    expect(checkFeasibility([analysis], { ...atTheLab, fasting })).toEqual([
      { code, severity, analysisCode: analysis.code, message },
    ]);
  });

  it('fasting is not asked of analyses that do not require it', () => {
    expect(checkFeasibility([cortisol, tca], { ...atTheLab, fasting: false })).toEqual([]);
  });

  it('sampling outside the time window (10:30 CET for a 07:00–09:00 window)', () => {
    expect(checkFeasibility([cortisol], { ...atTheLab, samplingAt: '2026-01-15T09:30:00Z' })).toEqual([
      {
        code: 'SAMPLING_TIME_OUTSIDE_WINDOW',
        severity: 'warning',
        analysisCode: 'CORT8',
        message: 'Cortisol de 8 h : prélèvement à 10:30, hors de la plage 07:00–09:00.',
      },
    ]);
  });

  it('the window is read on the Paris wall clock: 05:30 UTC in July is 07:30 CEST, inside', () => {
    expect(checkFeasibility([cortisol], { ...atTheLab, samplingAt: '2026-07-15T05:30:00Z' })).toEqual([]);
  });

  it('unknown sampling time for a time-windowed analysis', () => {
    expect(checkFeasibility([cortisol, glycemie], { ...atTheLab, samplingAt: null })).toEqual([
      {
        code: 'SAMPLING_TIME_UNKNOWN',
        severity: 'warning',
        analysisCode: 'CORT8',
        message: 'Cortisol de 8 h : heure de prélèvement à préciser (plage 07:00–09:00).',
      },
    ]);
  });

  it.each([
    [
      { transportHours: 6, temperature: 'room' as const },
      tca,
      'STABILITY_EXCEEDED',
      'blocking',
      'TCA : transport de 6 h à température ambiante au-delà de la stabilité (4 h).',
    ],
    [
      { transportHours: 1.5, temperature: 'cold' as const },
      tca,
      'STABILITY_EXCEEDED',
      'blocking',
      'TCA : transport de 1,5 h à 2–8 °C au-delà de la stabilité (0 h).',
    ],
    [
      { transportHours: 2, temperature: 'room' as const },
      undocumented,
      'STABILITY_NOT_DOCUMENTED',
      'warning',
      'Analyse X : stabilité à température ambiante non documentée.',
    ],
  ])('transport %o for %o → %s', (transport, analysis, code, severity, message) => {
    expect(checkFeasibility([analysis], { ...atTheLab, transport })).toEqual([
      { code, severity, analysisCode: analysis.code, message },
    ]);
  });

  it('a transport within stability raises nothing; several analyses are reported in order', () => {
    const transport = { transportHours: 4, temperature: 'room' as const };
    expect(checkFeasibility([tca, glycemie], { ...atTheLab, transport })).toEqual([]);
    const late = { transportHours: 10, temperature: 'room' as const };
    expect(
      checkFeasibility([cortisol, tca, glycemie], { ...atTheLab, fasting: null, transport: late }).map((w) => [
        w.analysisCode,
        w.code,
      ])
    ).toEqual([
      ['CORT8', 'STABILITY_EXCEEDED'],
      ['TCA', 'STABILITY_EXCEEDED'],
      ['GLY', 'FASTING_UNKNOWN'],
    ]);
  });
});

describe('isWithinSamplingWindow (Europe/Paris wall clock, inclusive)', () => {
  it.each([
    ['2026-01-15T06:00:00Z', '07:00', '09:00', true], // 07:00 CET, on the edge
    ['2026-01-15T08:00:00Z', '07:00', '09:00', true], // 09:00 CET, on the edge
    ['2026-01-15T08:01:00Z', '07:00', '09:00', false], // 09:01 CET
    ['2026-07-15T06:30:00Z', '07:00', '09:00', true], // 08:30 CEST
    ['2026-07-15T07:30:00Z', '07:00', '09:00', false], // 09:30 CEST
    ['2026-01-15T00:00:00Z', '22:00', '02:00', true], // 01:00, window across midnight
    ['2026-01-15T02:00:00Z', '22:00', '02:00', false], // 03:00
  ])('%s in %s–%s → %s', (at, from, to, expected) => {
    expect(isWithinSamplingWindow(at, { from, to })).toBe(expected);
  });

  it('refuses a malformed window', () => {
    expect(() => isWithinSamplingWindow('2026-01-15T06:00:00Z', { from: '7h', to: '09:00' })).toThrow(RangeError);
  });
});

describe('evaluateStability (desk transport and reception delay)', () => {
  it.each([
    [4, 'room', 'ok'],
    [4.01, 'room', 'exceeded'],
    [0, 'cold', 'ok'],
    [0.5, 'cold', 'exceeded'],
  ] as const)('TCA kept %d h at %s → %s', (hours, temperature, verdict) => {
    expect(evaluateStability(tca, hours, temperature)).toBe(verdict);
  });

  it('undocumented stability', () => {
    expect(evaluateStability(undocumented, 1, 'cold')).toBe('not_documented');
  });
});
