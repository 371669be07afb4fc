/** Readers over an InspectReport for tests: records by type, field values by standard numbering. */
import type { InspectField, InspectMessage, InspectRecord, InspectReport } from './inspect-report.js';

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

/** Field `n` as the standard numbers it (`fields[0]` is the type/name). */
export function fieldOf(record: InspectRecord, n: number): InspectField | undefined {
  return record.fields[n];
}

/** One component (1-based repetition and component), '' when absent. */
export function valueOf(record: InspectRecord, field: number, component = 1, repetition = 1): string {
  return record.fields[field]?.[repetition - 1]?.[component - 1] ?? '';
}

export function codesOf(issues: InspectReport['errors'] | undefined): string[] {
  return (issues ?? []).map((issue) => issue.code);
}

export function uniqueCodesOf(issues: InspectReport['errors'] | undefined): string[] {
  return [...new Set(codesOf(issues))].sort();
}
