import {
  readAstmCapture,
  tryParseAstmMessages,
  type AstmCaptureFrame,
  type AstmRecord,
  type InstrumentCharset,
} from '@sillage/core';
import { collectCodecIssue, type CollectedIssues } from './inspect-issues.js';
import type { InspectFrame, InspectMessage, InspectRecord } from './inspect-report.js';

export interface AstmInspection {
  /** Present when the capture holds E1381 frames. */
  readonly frames?: InspectFrame[];
  readonly messages: InspectMessage[];
}

/**
 * Reads an ASTM capture: E1381 frames (checksums and the 1…7, 0 numbering per transfer phase checked
 * by `readAstmCapture`) joined into E1394 text, or bare records; then one message per H record.
 */
export function inspectAstm(bytes: Uint8Array, charset: InstrumentCharset, issues: CollectedIssues): AstmInspection {
  const capture = readAstmCapture(bytes, { charset });
  for (const issue of capture.issues) {
    collectCodecIssue(issues, issue);
  }
  const messages = parseMessages(capture.text, issues);
  return capture.framed ? { frames: capture.frames.map(toInspectFrame), messages } : { messages };
}

function parseMessages(text: string, issues: CollectedIssues): InspectMessage[] {
  const parsed = tryParseAstmMessages(text);
  for (const issue of parsed.issues) {
    collectCodecIssue(issues, issue);
  }
  return parsed.messages.map((message) => ({ records: message.records.map(toInspectRecord) }));
}

function toInspectFrame(frame: AstmCaptureFrame): InspectFrame {
  return { number: frame.number, checksum: frame.checksum, checksumOk: frame.checksumOk, final: frame.final };
}

function toInspectRecord(record: AstmRecord): InspectRecord {
  // LIS2-A2 numbering: fields[0] is the record type, fields[n - 1] field n (the codec's own layout).
  return { type: record.type, fields: record.fields.map((field) => field.map((repetition) => [...repetition])) };
}
