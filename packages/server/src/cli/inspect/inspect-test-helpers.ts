/** Readers over an InspectReport for tests: records by type, field values by standard numbering. */
import type { InspectField, InspectMessage, InspectProtocol, InspectRecord, InspectReport } from './inspect-report.js';

export function recordsOf(message: InspectMessage | undefined): readonly InspectRecord[] {
  if (message === undefined) {
    return [];
  }
  return 'records' in message ? message.records : message.segments;
}

/** Records (or segments) of message `index` (0-based). */
export function recordsIn(report: InspectReport, index = 0): readonly InspectRecord[] {
  return recordsOf(report.messages[index]);
}

/** All records of one type in message `index`, in order. */
export function recordsOfType(report: InspectReport, type: string, index = 0): readonly InspectRecord[] {
  return recordsIn(report, index).filter((record) => record.type === type);
}

/** The `occurrence`-th (1-based) record of `type` in message `index`; throws when absent so a test fails clearly. */
export function recordOfType(report: InspectReport, type: string, occurrence = 1, index = 0): InspectRecord {
  const record = recordsOfType(report, type, index)[occurrence - 1];
  if (record === undefined) {
    throw new Error(`no ${type} #${occurrence} in message ${index}`);
  }
  return record;
}

export interface StandardNumbering {
  /** Field `n` as the standard numbers it. */
  field(record: InspectRecord, n: number): InspectField | undefined;
  /** One component of field `n` (1-based component and repetition), '' when absent. */
  value(record: InspectRecord, n: number, component?: number, repetition?: number): string;
}

/**
 * Field numbers as each standard counts them: HL7 numbers the segment name 0 (`OBX-5` is
 * `fields[5]`); ASTM E1394 and HPRIM number the record type 1 (`R.4` is `fields[3]`).
 */
export function numbering(protocol: InspectProtocol): StandardNumbering {
  const shift = protocol === 'hl7' ? 0 : 1;
  const field = (record: InspectRecord, n: number): InspectField | undefined => record.fields[n - shift];
  return {
    field,
    value: (record, n, component = 1, repetition = 1) => field(record, n)?.[repetition - 1]?.[component - 1] ?? '',
  };
}

export function codesOf(issues: InspectReport['errors'] | undefined): string[] {
  return (issues ?? []).map((issue) => issue.code);
}

export function uniqueCodesOf(issues: InspectReport['errors'] | undefined): string[] {
  return [...new Set(codesOf(issues))].sort();
}
