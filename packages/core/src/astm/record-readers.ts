import type { AstmRecord } from './astm-record.js';
import { getAstmRepetitions, getAstmValue } from './record-access.js';

type RecordFields = Pick<AstmRecord, 'fields'>;

/**
 * The code an instrument uses for a test in a universal test id (R.3, O.5, Q.5): LIS2-A2 puts the
 * manufacturer's local code in component 4 (`^^^413`); instruments that leave it empty put it
 * further (Sysmex `^^^^WBC^1`) or first (Ortho VISION `ABO`), so the first non-empty component
 * from the 4th, then from the 1st, is taken.
 */
export function astmLocalTestCode(testId: readonly string[]): string {
  return testId.slice(3).find((component) => component.trim() !== '') ?? testId.find((c) => c.trim() !== '') ?? '';
}

/** A result record (R) read by LIS2-A2 field. */
export interface AstmResultView {
  /** R.2 */
  readonly sequence: string;
  /** R.3 universal test id components. */
  readonly testId: readonly string[];
  readonly localTestCode: string;
  /** R.4 measurement value (first component, spaces trimmed). */
  readonly value: string;
  /** R.4 all components (some instruments add a qualifier after the value). */
  readonly valueComponents: readonly string[];
  /** R.5 units. */
  readonly units: string;
  /** R.6 reference range, components of the first repetition (e.g. `84.0 - 94.0`, `REFERENCE_RANGE`). */
  readonly referenceRange: readonly string[];
  /** R.7 abnormal flags, every repetition and component (e.g. Architect `EXP^<`). */
  readonly abnormalFlags: readonly string[];
  /** R.9 result status: F final, P preliminary, C correction, R previously sent, X cannot be done… */
  readonly status: string;
  /** R.11 operator identification. */
  readonly operator: readonly string[];
  /** R.12 date/time test started. */
  readonly startedAt: string;
  /** R.13 date/time test completed. */
  readonly completedAt: string;
  /** R.14 instrument identification. */
  readonly instrumentId: string;
}

export function readAstmResult(record: RecordFields): AstmResultView {
  const testId = getAstmRepetitions(record, 3)[0] ?? [];
  const valueComponents = getAstmRepetitions(record, 4)[0] ?? [];
  return {
    sequence: getAstmValue(record, 2),
    testId,
    localTestCode: astmLocalTestCode(testId),
    value: (valueComponents[0] ?? '').trim(),
    valueComponents,
    units: getAstmValue(record, 5).trim(),
    referenceRange: getAstmRepetitions(record, 6)[0] ?? [],
    abnormalFlags: getAstmRepetitions(record, 7)
      .flat()
      .filter((flag) => flag !== ''),
    status: getAstmValue(record, 9),
    operator: getAstmRepetitions(record, 11)[0] ?? [],
    startedAt: getAstmValue(record, 12),
    completedAt: getAstmValue(record, 13),
    instrumentId: getAstmValue(record, 14),
  };
}

/** An order record (O) read by LIS2-A2 field. */
export interface AstmOrderView {
  readonly sequence: string;
  /** O.3 specimen id: first component of each repetition, trimmed (c311 pads it with spaces). */
  readonly specimenIds: readonly string[];
  /** O.3 all components of the first repetition. */
  readonly specimenIdComponents: readonly string[];
  /** O.4 instrument specimen id components (e.g. `SID^carrier^position`). */
  readonly instrumentSpecimenId: readonly string[];
  /** O.5 tests, one component list per repetition. */
  readonly tests: readonly (readonly string[])[];
  readonly priority: string;
  readonly actionCode: string;
  readonly specimenDescriptor: readonly string[];
  readonly reportType: string;
}

export function readAstmOrder(record: RecordFields): AstmOrderView {
  const specimen = getAstmRepetitions(record, 3);
  return {
    sequence: getAstmValue(record, 2),
    specimenIds: specimen.map((repetition) => (repetition[0] ?? '').trim()).filter((id) => id !== ''),
    specimenIdComponents: specimen[0] ?? [],
    instrumentSpecimenId: getAstmRepetitions(record, 4)[0] ?? [],
    tests: getAstmRepetitions(record, 5).filter((test) => test.some((component) => component !== '')),
    priority: getAstmValue(record, 6),
    actionCode: getAstmValue(record, 12),
    specimenDescriptor: getAstmRepetitions(record, 16)[0] ?? [],
    reportType: getAstmValue(record, 26),
  };
}

/** A request-information record (Q, host query) read by LIS2-A2 field. */
export interface AstmQueryView {
  readonly sequence: string;
  /** Q.3 starting range id, one component list per repetition (`patient id ^ specimen id ^ …`). */
  readonly startingRange: readonly (readonly string[])[];
  /** Specimen ids asked for: component 2 of each Q.3 repetition (component 1 when 2 is empty). */
  readonly specimenIds: readonly string[];
  /** Q.5 universal test ids (`ALL` or codes). */
  readonly tests: readonly (readonly string[])[];
  /** Q.13 request information status code (O = order request, …). */
  readonly requestStatus: string;
}

export function readAstmQuery(record: RecordFields): AstmQueryView {
  const startingRange = getAstmRepetitions(record, 3);
  return {
    sequence: getAstmValue(record, 2),
    startingRange,
    specimenIds: startingRange
      .map((repetition) => ((repetition[1] ?? '') !== '' ? (repetition[1] ?? '') : (repetition[0] ?? '')).trim())
      .filter((id) => id !== ''),
    tests: getAstmRepetitions(record, 5).filter((test) => test.some((component) => component !== '')),
    requestStatus: getAstmValue(record, 13),
  };
}
