/**
 * Feasibility of an order at the desk (pre-analytical phase, ISO 15189:2022 §7.2): the catalogue's
 * conditions for each analysis — fasting, time-of-day window, stability at the transport temperature —
 * checked against what the desk knows of the patient and the planned sampling and transport. Rules are
 * catalogue data (the French catalogue template carries "Patient à jeun", sampling conditions and
 * four conservation conditions per test); nothing here names an analysis.
 */
import { toParisLocalTime } from '../billing/paris-time.js';
import { requireLabInstant, type LabInstant } from './lab-instant.js';

export type TransportTemperature = 'room' | 'cold';

export interface AnalysisPreanalyticalRules {
  readonly code: string;
  /** French label used in the messages (`Glycémie`). */
  readonly label: string;
  readonly fastingRequired: boolean;
  /** A non-fasting patient makes the result uninterpretable: block instead of warn. */
  readonly fastingBlocking?: boolean;
  /** Europe/Paris wall-clock window `HH:MM`–`HH:MM`, both inclusive; `from` > `to` wraps midnight. */
  readonly samplingWindow?: { readonly from: string; readonly to: string } | null;
  /** Hours from collection to analysis at 15–25 °C; `null` = not documented. */
  readonly stabilityHoursRoom: number | null;
  /** Hours from collection to analysis at 2–8 °C; `null` = not documented. */
  readonly stabilityHoursCold: number | null;
}

export interface OrderPreanalyticalContext {
  /** Patient declared fasting (`true`), not fasting (`false`), or not asked (`null`). */
  readonly fasting: boolean | null;
  /** Planned (or actual) sampling instant; `null` when unknown. */
  readonly samplingAt: LabInstant | null;
  /** Planned transport from collection to the lab's analysis; `null` when drawn at the lab. */
  readonly transport: { readonly transportHours: number; readonly temperature: TransportTemperature } | null;
}

export type FeasibilityWarningCode =
  | 'FASTING_NOT_RESPECTED'
  | 'FASTING_UNKNOWN'
  | 'SAMPLING_TIME_OUTSIDE_WINDOW'
  | 'SAMPLING_TIME_UNKNOWN'
  | 'STABILITY_EXCEEDED'
  | 'STABILITY_NOT_DOCUMENTED';

export interface FeasibilityWarning {
  readonly code: FeasibilityWarningCode;
  readonly severity: 'warning' | 'blocking';
  readonly analysisCode: string;
  /** French message for the desk. */
  readonly message: string;
}

const TEMPERATURE_LABEL: Readonly<Record<TransportTemperature, string>> = {
  room: 'température ambiante',
  cold: '2–8 °C',
};

function minutesOfDay(text: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (match === null) {
    throw new RangeError(`HH:MM expected: ${text}`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** True when the Paris wall-clock time of `at` lies in the window (inclusive; wraps midnight). */
export function isWithinSamplingWindow(
  at: LabInstant,
  window: { readonly from: string; readonly to: string }
): boolean {
  const local = toParisLocalTime(requireLabInstant(at));
  const minute = local.hour * 60 + local.minute;
  const from = minutesOfDay(window.from);
  const to = minutesOfDay(window.to);
  return from <= to ? minute >= from && minute <= to : minute >= from || minute <= to;
}

export type StabilityVerdict = 'ok' | 'exceeded' | 'not_documented';

/**
 * Whether a specimen kept `hours` at `temperature` is still within its stability (used at the desk
 * for the planned transport, and at reception for the actual delay since collection).
 */
export function evaluateStability(
  rules: Pick<AnalysisPreanalyticalRules, 'stabilityHoursRoom' | 'stabilityHoursCold'>,
  hours: number,
  temperature: TransportTemperature
): StabilityVerdict {
  const limit = temperature === 'room' ? rules.stabilityHoursRoom : rules.stabilityHoursCold;
  if (limit === null) {
    return 'not_documented';
  }
  return hours > limit ? 'exceeded' : 'ok';
}

function formatParisTime(at: LabInstant): string {
  const local = toParisLocalTime(requireLabInstant(at));
  return `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
}

function formatHours(hours: number): string {
  return `${String(Math.round(hours * 10) / 10).replace('.', ',')} h`;
}

/** Warnings for an order, analysis by analysis in the given order (fasting, time window, stability). */
export function checkFeasibility(
  analyses: readonly AnalysisPreanalyticalRules[],
  context: OrderPreanalyticalContext
): FeasibilityWarning[] {
  const warnings: FeasibilityWarning[] = [];
  for (const analysis of analyses) {
    const push = (code: FeasibilityWarningCode, severity: FeasibilityWarning['severity'], message: string) => {
      warnings.push({ code, severity, analysisCode: analysis.code, message: `${analysis.label} : ${message}` });
    };
    if (analysis.fastingRequired) {
      if (context.fasting === false) {
        push(
          'FASTING_NOT_RESPECTED',
          analysis.fastingBlocking === true ? 'blocking' : 'warning',
          'prélèvement à jeun requis, patient non à jeun.'
        );
      } else if (context.fasting === null) {
        push('FASTING_UNKNOWN', 'warning', 'prélèvement à jeun requis, jeûne non renseigné.');
      }
    }
    const window = analysis.samplingWindow ?? null;
    if (window !== null) {
      if (context.samplingAt === null) {
        push(
          'SAMPLING_TIME_UNKNOWN',
          'warning',
          `heure de prélèvement à préciser (plage ${window.from}–${window.to}).`
        );
      } else if (!isWithinSamplingWindow(context.samplingAt, window)) {
        push(
          'SAMPLING_TIME_OUTSIDE_WINDOW',
          'warning',
          `prélèvement à ${formatParisTime(context.samplingAt)}, hors de la plage ${window.from}–${window.to}.`
        );
      }
    }
    if (context.transport !== null) {
      const { transportHours, temperature } = context.transport;
      const verdict = evaluateStability(analysis, transportHours, temperature);
      if (verdict === 'exceeded') {
        const limit = temperature === 'room' ? analysis.stabilityHoursRoom : analysis.stabilityHoursCold;
        push(
          'STABILITY_EXCEEDED',
          'blocking',
          `transport de ${formatHours(transportHours)} à ${TEMPERATURE_LABEL[temperature]} au-delà de la stabilité (${formatHours(limit ?? 0)}).`
        );
      } else if (verdict === 'not_documented') {
        push('STABILITY_NOT_DOCUMENTED', 'warning', `stabilité à ${TEMPERATURE_LABEL[temperature]} non documentée.`);
      }
    }
  }
  return warnings;
}
