import {
  decodeHl7,
  decodeInstrumentText,
  MllpDecoder,
  splitHl7Batch,
  tryParseHl7,
  type Hl7Segment,
  type InstrumentCharset,
} from '@sillage/core';
import { inspectIssue, type CollectedIssues } from './inspect-issues.js';
import type { InspectField, InspectMessage, InspectRecord } from './inspect-report.js';

/** Batch envelope segments that close a batch or file (HL7 v2.5 §2.10.3): they stay with the message before them. */
const CLOSING_SEGMENTS: ReadonlySet<string> = new Set(['BTS', 'FTS']);
const OPENING_SEGMENTS: ReadonlySet<string> = new Set(['FHS', 'BHS']);

/** Wire bytes → text: the requested character set, else MSH-18, valid UTF-8 or Windows-1252 (`decodeHl7`). */
export function decodeHl7Bytes(bytes: Uint8Array, encoding: InstrumentCharset | undefined): string {
  return encoding === undefined ? decodeHl7(bytes) : decodeInstrumentText(bytes, encoding);
}

/**
 * Parses HL7 v2 text (one message, several, or an FHS/BHS batch): one inspected message per MSH,
 * batch envelope segments kept in wire order with the message they open or close.
 */
export function inspectHl7Text(text: string, issues: CollectedIssues): InspectMessage[] {
  const parsed = tryParseHl7(text);
  if (!parsed.ok) {
    const { code, message, segmentIndex } = parsed.error;
    issues.errors.push(inspectIssue(code, message, { segmentIndex }));
    return [];
  }
  const batch = splitHl7Batch(parsed.message);
  const groups: Hl7Segment[][] = [];
  let pending: Hl7Segment[] = [];
  let next = 0;
  let insideMessage = false;
  for (const segment of parsed.message.segments) {
    if (segment.name === 'MSH') {
      // splitHl7Batch re-reads each message with the delimiters its own MSH declares.
      const message = batch.messages[next++];
      groups.push([...pending, ...(message?.segments ?? [])]);
      pending = [];
      insideMessage = true;
    } else if (CLOSING_SEGMENTS.has(segment.name) && groups.length > 0) {
      groups.at(-1)?.push(segment);
      insideMessage = false;
    } else if (OPENING_SEGMENTS.has(segment.name) || CLOSING_SEGMENTS.has(segment.name) || !insideMessage) {
      pending.push(segment);
      insideMessage = false;
    }
    // Other segments inside a message are already in its group.
  }
  if (pending.length > 0) {
    if (groups.length === 0) {
      groups.push(pending);
    } else {
      groups.at(-1)?.push(...pending);
    }
  }
  return groups.map((segments) => ({ segments: segments.map(toInspectRecord) }));
}

/** An MLLP stream (HL7 v2.5 Appendix C): every frame decoded and parsed on its own. */
export function inspectMllp(
  bytes: Uint8Array,
  encoding: InstrumentCharset | undefined,
  issues: CollectedIssues
): InspectMessage[] {
  const decoder = new MllpDecoder();
  const events = [...decoder.push(bytes), ...decoder.end()];
  const messages: InspectMessage[] = [];
  for (const event of events) {
    if (event.type === 'error') {
      issues.errors.push(inspectIssue('SIL_HL7_MLLP_FRAMING', event.reason, { offset: event.offset }));
      continue;
    }
    messages.push(...inspectHl7Text(decodeHl7Bytes(event.bytes, encoding), issues));
  }
  return messages;
}

function toInspectRecord(segment: Hl7Segment): InspectRecord {
  // HL7 numbering: for MSH/FHS/BHS fields[1] is the field separator and fields[2] the encoding characters.
  const fields: InspectField[] = [[[segment.name]]];
  for (let field = 1; field <= segment.fieldCount; field++) {
    const repetitions = segment.fieldValues(field);
    // Subcomponents are joined back with the message's own subcomponent separator.
    fields.push(
      repetitions.length === 0
        ? [['']]
        : repetitions.map((components) =>
            components.map((subcomponents) => subcomponents.join(segment.delimiters.subcomponent))
          )
    );
  }
  return { type: segment.name, fields };
}
