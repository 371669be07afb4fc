import { getHprimRepetitions, getHprimValue } from './hprim-access.js';
import type { HprimSegment } from './hprim-segment.js';

type SegmentFields = Pick<HprimSegment, 'fields'>;

/** P segment (HPRIM 2.4 §8): identifiers, name, birth date, sex. */
export interface HprimPatientView {
  /** P.2 rang. */
  readonly sequence: string;
  /** P.3 IPP of the requesting party. */
  readonly requesterPatientId: string;
  /** P.4 patient id at the executing laboratory. */
  readonly executorPatientId: string;
  /** P.6 name: nom usuel ~ prénom ~ 2e prénom ~ alias ~ civilité ~ diplôme. */
  readonly name: readonly string[];
  /** P.7 birth (family) name. */
  readonly birthName: string;
  /** P.8 birth date `AAAAMMJJ`. */
  readonly birthDate: string;
  /** P.9 sex F, M or U. */
  readonly sex: string;
}

export function readHprimPatient(segment: SegmentFields): HprimPatientView {
  return {
    sequence: getHprimValue(segment, 2),
    requesterPatientId: getHprimValue(segment, 3),
    executorPatientId: getHprimValue(segment, 4),
    name: getHprimRepetitions(segment, 6)[0] ?? [],
    birthName: getHprimValue(segment, 7),
    birthDate: getHprimValue(segment, 8),
    sex: getHprimValue(segment, 9),
  };
}

/** OBR segment (HPRIM 2.4 §9): specimen and request ids, tests, priority, status. */
export interface HprimRequestView {
  readonly sequence: string;
  /** OBR.3.1 specimen id at the requester; OBR.3.2 its request id. */
  readonly requesterSpecimenId: string;
  readonly requesterRequestId: string;
  /** OBR.4.1 specimen id at the executor; OBR.4.2 its request id. */
  readonly executorSpecimenId: string;
  readonly executorRequestId: string;
  /** OBR.5 tests: code ~ label ~ table per repetition. */
  readonly tests: readonly (readonly string[])[];
  /** OBR.6 priority S/A/R/C/P. */
  readonly priority: string;
  /** OBR.8 collection date (first repetition; the second is the prescription date). */
  readonly collectedAt: string;
  /** OBR.12 action code A/C/N/L/R. */
  readonly actionCode: string;
  /** OBR.17 prescriber components. */
  readonly prescriber: readonly string[];
  /** OBR.26 request status O I R P M F C D X. */
  readonly status: string;
  /** OBR.33 principal result interpreter (the validating biologist). */
  readonly validator: readonly string[];
}

export function readHprimRequest(segment: SegmentFields): HprimRequestView {
  return {
    sequence: getHprimValue(segment, 2),
    requesterSpecimenId: getHprimValue(segment, 3, 1),
    requesterRequestId: getHprimValue(segment, 3, 2),
    executorSpecimenId: getHprimValue(segment, 4, 1),
    executorRequestId: getHprimValue(segment, 4, 2),
    tests: getHprimRepetitions(segment, 5).filter((test) => test.some((component) => component !== '')),
    priority: getHprimValue(segment, 6),
    collectedAt: getHprimValue(segment, 8),
    actionCode: getHprimValue(segment, 12),
    prescriber: getHprimRepetitions(segment, 17)[0] ?? [],
    status: getHprimValue(segment, 26),
    validator: getHprimRepetitions(segment, 33)[0] ?? [],
  };
}

/** OBX segment (HPRIM 2.4 §10): one result. */
export interface HprimResultView {
  readonly sequence: string;
  /** OBX.3 value type NM, CE, ST, TX, FIC, … */
  readonly valueType: string;
  /** OBX.4 code ~ label ~ table. */
  readonly test: readonly string[];
  /** OBX.5 sub-id (several germs). */
  readonly subId: string;
  /** OBX.6 value as written (significant decimals kept: "1.20" ≠ "1.2"). */
  readonly value: string;
  /** OBX.6 all repetitions and components (coded values, file references). */
  readonly valueRepetitions: readonly (readonly string[])[];
  readonly units: string;
  /** OBX.8 normal range "low - high". */
  readonly normalRange: string;
  /** OBX.9 abnormal flags L H LL HH < > N A AA U D B W (ASTM table 27) or R/I/S (antibiotics). */
  readonly abnormalFlags: readonly string[];
  /** OBX.12 result status R P F C I D X U; empty means F. */
  readonly status: string;
  /** OBX.15 observation date. */
  readonly observedAt: string;
  /** OBX.17 validator. */
  readonly validator: readonly string[];
}

export function readHprimResult(segment: SegmentFields): HprimResultView {
  const status = getHprimValue(segment, 12);
  return {
    sequence: getHprimValue(segment, 2),
    valueType: getHprimValue(segment, 3),
    test: getHprimRepetitions(segment, 4)[0] ?? [],
    subId: getHprimValue(segment, 5),
    value: getHprimValue(segment, 6),
    valueRepetitions: getHprimRepetitions(segment, 6),
    units: getHprimValue(segment, 7),
    normalRange: getHprimValue(segment, 8),
    abnormalFlags: getHprimRepetitions(segment, 9)
      .flat()
      .filter((flag) => flag !== ''),
    status: status === '' ? 'F' : status, // HPRIM 2.4 §10.12: empty status means biologically validated
    observedAt: getHprimValue(segment, 15),
    validator: getHprimRepetitions(segment, 17)[0] ?? [],
  };
}
