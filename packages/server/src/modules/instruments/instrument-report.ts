/**
 * What an analyzer message says, once read from ASTM or HL7: per specimen (patient tube or control
 * material), the observations with the instrument's own code, value, unit, flags, status, run time,
 * reagent lot and equipment. Protocol-neutral, so one recording path serves both protocols.
 */

export interface InstrumentObservation {
  /** The instrument's test code (ASTM R.3 local code, HL7 OBX-3.1). */
  readonly code: string;
  /** The value as sent (first component), e.g. `4.1`, `< 1.20`, `POS`. */
  readonly value: string;
  readonly units: string;
  /** The instrument's abnormal flags (R.7, OBX-8), kept as sent. */
  readonly flags: readonly string[];
  /** Result status (R.9, OBX-11): F final, P preliminary, C correction, X cannot be done… */
  readonly status: string;
  /** When the measurement was made (R.13, OBX-19…), ISO string, or null. */
  readonly runAt: string | null;
  readonly reagentLot: string | null;
  /** Equipment instance (R.14, OBX-18) when the message names one. */
  readonly equipment: string | null;
}

export interface InstrumentSpecimenReport {
  /** The specimen id read at the profile's location, trimmed ('' when absent). */
  readonly specimenId: string;
  /** Control material (QC), never a patient result. */
  readonly qc: boolean;
  readonly qcLot: string | null;
  readonly observations: readonly InstrumentObservation[];
}

export interface InstrumentReport {
  readonly specimens: readonly InstrumentSpecimenReport[];
  /** Things skipped while reading (comments, unknown records…), shown in the message outcome. */
  readonly notes: readonly string[];
}

/** An observation that carries no measured value to record (cancelled test, empty value, result type I/P…). */
export function isRecordable(observation: InstrumentObservation): boolean {
  return observation.value.trim() !== '' && observation.status !== 'X' && observation.status !== 'I';
}

/** QC material per the profile: id pattern (named group `lot` = control lot), or the message says so. */
export function qcOf(
  specimenId: string,
  pattern: RegExp | null,
  declaredQc: boolean
): { qc: boolean; lot: string | null } {
  const match = pattern === null || specimenId === '' ? null : pattern.exec(specimenId);
  return { qc: declaredQc || match !== null, lot: match?.groups?.lot ?? null };
}

/** The profile's QC pattern compiled once; null when none (an invalid one is refused at save time). */
export function compileQcPattern(source: string | null): RegExp | null {
  if (source === null) {
    return null;
  }
  try {
    return new RegExp(source, 'u');
  } catch {
    return null;
  }
}
