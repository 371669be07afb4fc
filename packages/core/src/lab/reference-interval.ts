/**
 * Reference intervals by sex and age band (ISO 15189:2022 §7.3.5 "intervalles de référence et limites
 * de décision clinique"; HPRIM 10.11 carries them per sex/age). Selection picks the interval that fits
 * the patient most specifically, so a catalogue can hold a general adult interval and narrower
 * neonatal or sex-specific ones side by side.
 */
import type { FieldIssue } from '../errors/sillage-error.js';
import { formatDecimalFr } from './decimal-format.js';

export type ReferenceSex = 'F' | 'M';

export interface ReferenceInterval {
  /** `null`: applies to both sexes (and to a patient of unknown or indeterminate sex). */
  readonly sex: ReferenceSex | null;
  /** Age band in completed days, half-open: `ageMinDays ≤ age < ageMaxDays` (`null` = no upper bound). */
  readonly ageMinDays: number;
  readonly ageMaxDays: number | null;
  /** Inclusive limits: a value equal to a limit is within the interval. `null` = no limit on that side. */
  readonly low: number | null;
  readonly high: number | null;
  /** Free text shown instead of / next to the limits (e.g. "< 5 : absence d'inflammation"). */
  readonly text?: string;
  /** Where the interval comes from (kit insert, publication, learned society): ISO 15189 §7.3.5. */
  readonly source: string;
}

export interface ReferencePatient {
  /** `null` when the sex is unknown or indeterminate (identity sex `I`): only unisex intervals apply. */
  readonly sex: ReferenceSex | null;
  readonly ageDays: number;
}

/** The reference sex of an identity sex (`F`, `M`, `I` indéterminé…): anything else than F/M is `null`. */
export function referenceSexOf(patientSex: string | null | undefined): ReferenceSex | null {
  return patientSex === 'F' || patientSex === 'M' ? patientSex : null;
}

/** True when the interval's sex and age band admit the patient. */
export function intervalAppliesTo(interval: ReferenceInterval, patient: ReferencePatient): boolean {
  if (interval.sex !== null && interval.sex !== patient.sex) {
    return false;
  }
  if (patient.ageDays < interval.ageMinDays) {
    return false;
  }
  return interval.ageMaxDays === null || patient.ageDays < interval.ageMaxDays;
}

function bandWidth(interval: ReferenceInterval): number {
  return interval.ageMaxDays === null ? Number.POSITIVE_INFINITY : interval.ageMaxDays - interval.ageMinDays;
}

/**
 * The most specific interval for the patient, or `null` when none applies.
 * Order of preference: a sex-specific interval beats a unisex one; then the narrowest age band;
 * then the first in the list (catalogue order), so the choice is deterministic.
 */
export function selectReferenceInterval(
  intervals: readonly ReferenceInterval[],
  patient: ReferencePatient
): ReferenceInterval | null {
  let best: ReferenceInterval | null = null;
  for (const candidate of intervals) {
    if (!intervalAppliesTo(candidate, patient)) {
      continue;
    }
    if (best === null || isMoreSpecific(candidate, best)) {
      best = candidate;
    }
  }
  return best;
}

function isMoreSpecific(candidate: ReferenceInterval, current: ReferenceInterval): boolean {
  const candidateSexSpecific = candidate.sex !== null;
  const currentSexSpecific = current.sex !== null;
  if (candidateSexSpecific !== currentSexSpecific) {
    return candidateSexSpecific;
  }
  return bandWidth(candidate) < bandWidth(current);
}

function bandsOverlap(a: ReferenceInterval, b: ReferenceInterval): boolean {
  const aEnd = a.ageMaxDays ?? Number.POSITIVE_INFINITY;
  const bEnd = b.ageMaxDays ?? Number.POSITIVE_INFINITY;
  return a.ageMinDays < bEnd && b.ageMinDays < aEnd;
}

/**
 * Checks a catalogue's intervals for one analyte before they are saved. Returns one issue per
 * problem (empty when valid): `path` is `intervals[i]`, `message` names the error code
 * (`SIL_REFERENCE_INTERVAL_INVALID` or `SIL_REFERENCE_INTERVAL_OVERLAP`) and the reason in French.
 * Two intervals of the same sex whose age bands overlap are ambiguous; a sex-specific interval may
 * overlap a unisex one (it wins, by design).
 */
export function validateReferenceIntervals(intervals: readonly ReferenceInterval[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  intervals.forEach((interval, index) => {
    const path = `intervals[${index}]`;
    if (!Number.isInteger(interval.ageMinDays) || interval.ageMinDays < 0) {
      issues.push({ path, message: 'SIL_REFERENCE_INTERVAL_INVALID: âge minimal en jours entier ≥ 0 attendu' });
    }
    if (
      interval.ageMaxDays !== null &&
      (!Number.isInteger(interval.ageMaxDays) || interval.ageMaxDays <= interval.ageMinDays)
    ) {
      issues.push({
        path,
        message: 'SIL_REFERENCE_INTERVAL_INVALID: âge maximal entier supérieur à l’âge minimal attendu',
      });
    }
    if (interval.low !== null && interval.high !== null && interval.low > interval.high) {
      issues.push({ path, message: 'SIL_REFERENCE_INTERVAL_INVALID: borne basse supérieure à la borne haute' });
    }
    if (interval.low === null && interval.high === null && (interval.text ?? '').trim() === '') {
      issues.push({ path, message: 'SIL_REFERENCE_INTERVAL_INVALID: ni borne ni texte' });
    }
    if (interval.source.trim() === '') {
      issues.push({ path, message: 'SIL_REFERENCE_INTERVAL_INVALID: source de l’intervalle requise' });
    }
    for (let other = 0; other < index; other++) {
      const previous = intervals[other] as ReferenceInterval;
      if (previous.sex === interval.sex && bandsOverlap(previous, interval)) {
        issues.push({ path, message: `SIL_REFERENCE_INTERVAL_OVERLAP: chevauche intervals[${other}]` });
      }
    }
  });
  return issues;
}

/**
 * The interval as printed on a report, in French: `3,90 – 5,80`, `≤ 5,0` (high limit only),
 * `≥ 1,03` (low limit only), or its text when it has no limits. Limits are inclusive, hence ≤/≥.
 */
export function formatReferenceInterval(interval: ReferenceInterval, decimals: number): string {
  const { low, high } = interval;
  let limits = '';
  if (low !== null && high !== null) {
    limits = `${formatDecimalFr(low, decimals)} – ${formatDecimalFr(high, decimals)}`;
  } else if (high !== null) {
    limits = `≤ ${formatDecimalFr(high, decimals)}`;
  } else if (low !== null) {
    limits = `≥ ${formatDecimalFr(low, decimals)}`;
  }
  const text = interval.text?.trim() ?? '';
  if (limits === '') {
    return text;
  }
  return text === '' ? limits : `${limits} (${text})`;
}
