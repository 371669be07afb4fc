import {
  tryParseHprim,
  tryParseHprimMedecins,
  type HprimMedecinsLine,
  type HprimMedecinsResult,
  type HprimSegment,
} from '@sillage/core';
import { collectCodecIssue, type CollectedIssues } from './inspect-issues.js';
import type { InspectField, InspectMessage, InspectRecord } from './inspect-report.js';

/** HPRIM Santé 2.x: one message (H … L), `A` continuation lines already merged by the codec. */
export function inspectHprimSante(text: string, issues: CollectedIssues): InspectMessage[] {
  const parsed = tryParseHprim(text);
  for (const issue of parsed.issues) {
    collectCodecIssue(issues, issue);
  }
  if (parsed.message.segments.length === 0) {
    return [];
  }
  return [{ segments: parsed.message.segments.map(toInspectRecord) }];
}

function toInspectRecord(segment: HprimSegment): InspectRecord {
  // HPRIM 2.4 numbering: fields[0] is the segment name, H.2 the separator definition kept verbatim.
  return { type: segment.name, fields: segment.fields.map((field) => field.map((repetition) => [...repetition])) };
}

/** RES fields in the order of the HPRIM Médecins 3.0 recommendation (france-domain.md §2.1). */
const resultFieldOrder: readonly (keyof HprimMedecinsResult)[] = [
  'label', 'code', 'type', 'value', 'unit', 'low', 'high', 'flag', 'status', 'value2', 'unit2', 'low2', 'high2',
]; // prettier-ignore

/**
 * HPRIM Médecins: the structured `****LAB****` block as `RES` and `TEX` segments (the 12-line header
 * and the free text are not segmented data and are left out).
 */
export function inspectHprimMedecins(text: string, issues: CollectedIssues): InspectMessage[] {
  const report = tryParseHprimMedecins(text);
  for (const issue of report.issues) {
    collectCodecIssue(issues, issue);
  }
  if (report.lab.length === 0) {
    return [];
  }
  return [{ segments: report.lab.map(labLineRecord) }];
}

function labLineRecord(line: HprimMedecinsLine): InspectRecord {
  if (line.kind === 'TEX') {
    return { type: 'TEX', fields: [[['TEX']], [[line.text]]] };
  }
  const fields: InspectField[] = [[['RES']], ...resultFieldOrder.map((key) => [[line.result[key]]])];
  return { type: 'RES', fields };
}
