import {
  readAstmCapture,
  tryParseAstmMessages,
  type AstmCaptureFrame,
  type AstmRecord,
  type InstrumentCharset,
  type InstrumentCodecIssue,
} from '@sillage/core';
import { collectCodecIssue, inspectIssue, type CollectedIssues } from './inspect-issues.js';
import type { InspectFrame, InspectMessage, InspectRecord } from './inspect-report.js';

export interface AstmInspection {
  /** Present when the capture holds E1381 frames. */
  readonly frames?: InspectFrame[];
  readonly messages: InspectMessage[];
}

const STX = 0x02;
const EOT = 0x04;
const ENQ = 0x05;

/**
 * Reads an ASTM capture: E1381 frames (checksums and the 1…7, 0 numbering checked by
 * `readAstmCapture`) joined into E1394 text, or bare records; then one message per H record.
 */
export function inspectAstm(bytes: Uint8Array, charset: InstrumentCharset, issues: CollectedIssues): AstmInspection {
  if (!bytes.includes(STX)) {
    const capture = readAstmCapture(bytes, { charset });
    return { messages: parseMessages(capture.text, issues) };
  }
  const frames: InspectFrame[] = [];
  const texts: string[] = [];
  for (const phase of transferPhases(bytes)) {
    const capture = readAstmCapture(phase.bytes, { charset });
    for (const issue of capture.issues) {
      collectCodecIssue(issues, shifted(issue, phase.start));
    }
    checkFirstFrameNumber(capture.frames, phase, issues);
    frames.push(...capture.frames.map(toInspectFrame));
    texts.push(capture.text);
  }
  return { frames, messages: parseMessages(texts.join(''), issues) };
}

interface TransferPhase {
  readonly bytes: Uint8Array;
  /** Offset of the phase in the capture. */
  readonly start: number;
  /** Whether an ENQ or EOT shows that the phase is seen from its beginning. */
  readonly fromItsStart: boolean;
}

/**
 * E1381 §6.3.2 (LIS1-A §8.3.2): the frame number starts at 1 in each transfer phase (ENQ … EOT).
 * `readAstmCapture` checks the numbering across the whole capture, so a capture of several sessions
 * is read one phase at a time. EOT cannot occur inside frame text (E1381 §6.6), so it cuts safely.
 * Phases without any frame (ACK/NAK runs, notation prose) are skipped.
 */
function transferPhases(bytes: Uint8Array): TransferPhase[] {
  const phases: TransferPhase[] = [];
  let start = 0;
  while (start < bytes.length) {
    const eot = bytes.indexOf(EOT, start);
    const end = eot === -1 ? bytes.length : eot + 1;
    const part = bytes.subarray(start, end);
    const firstFrame = part.indexOf(STX);
    if (firstFrame !== -1) {
      phases.push({ bytes: part, start, fromItsStart: start > 0 || part.subarray(0, firstFrame).includes(ENQ) });
    }
    start = end;
  }
  return phases;
}

function checkFirstFrameNumber(
  frames: readonly AstmCaptureFrame[],
  phase: TransferPhase,
  issues: CollectedIssues
): void {
  const first = frames[0];
  if (first === undefined || !phase.fromItsStart || first.number === 1) {
    return;
  }
  issues.errors.push(
    inspectIssue('SIL_ASTM_FRAME_NUMBER', `first frame of a transfer phase is ${first.number}, not 1`, {
      offset: phase.start + first.offset,
      frame: first.number,
    })
  );
}

function shifted(issue: InstrumentCodecIssue, by: number): InstrumentCodecIssue {
  return issue.offset === undefined || by === 0 ? issue : { ...issue, offset: issue.offset + by };
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
