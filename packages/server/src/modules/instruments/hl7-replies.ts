/**
 * HL7 v2.5.1 messages Sillage sends: the acknowledgement of an inbound message (ACK, HL7 v2.5
 * §2.9.2), the LAB-27 query response RSP^K11 (IHE LAW vol. 2 §3.27: MSA, QAK, echoed QPD), the
 * LAB-28 work order OML^O33 (IHE LAW §3.28: PID, SPM, SAC, then ORC/TQ1/OBR per test) and the LAB-1
 * order response ORL^O22 (IHE LTW: ORC-1 OK accepted / UA unable to accept, MSA AA/AE/AR with ERR).
 */
import {
  buildAck,
  detectHl7Charset,
  formatHl7DateTime,
  HL7_ERROR_CONDITIONS,
  Hl7Builder,
  hl7Raw,
  normalizeInstrumentCharset,
  encodeInstrumentText,
  type Hl7ErrorConditionCode,
  type Hl7FieldInput,
  type Hl7Message,
  type InstrumentCharset,
} from '@sillage/core';
import { parisUtcOffsetMinutes } from './instrument-time.js';
import type { PendingWork } from './pending-work.repository.js';

/** MSH-7 and the like: Europe/Paris time with its offset (HL7 v2.5 §2.A.22 DTM). */
export function hl7Now(now: Date): string {
  return formatHl7DateTime(now, parisUtcOffsetMinutes(now));
}

/**
 * The character set to answer a message in: the one its bytes were read with (byte-order mark,
 * MSH-18, else UTF-8 when valid, else the profile's), so copied MSH fields come back unchanged.
 */
export function replyCharset(raw: Uint8Array, fallback: InstrumentCharset): InstrumentCharset {
  return normalizeInstrumentCharset(detectHl7Charset(raw, fallback)) ?? 'utf-8';
}

export function encodeHl7(text: string, charset: InstrumentCharset): Uint8Array {
  return encodeInstrumentText(text, charset);
}

/** MSH-18 value (HL7 table 0211) for a profile character set; none exists for Windows-1252. */
export function msh18Of(charset: InstrumentCharset): string | undefined {
  return charset === 'utf-8' ? 'UNICODE UTF-8' : charset === 'iso-8859-1' ? '8859/1' : undefined;
}

export interface AckError {
  readonly code: Hl7ErrorConditionCode;
  readonly message: string;
}

/** ACK for an inbound message (`original` may be raw text that did not parse: its MSH is used if readable). */
export function hl7Ack(
  original: Hl7Message | string,
  code: 'AA' | 'AE' | 'AR',
  controlId: string,
  now: Date,
  error?: AckError
): string {
  if (code === 'AA') {
    return buildAck(original, { code, controlId, timestamp: hl7Now(now) }).toString();
  }
  const failure = error ?? { code: '207', message: 'Application internal error' };
  return buildAck(original, {
    code,
    controlId,
    timestamp: hl7Now(now),
    error: { code: failure.code, severity: 'E', message: failure.message },
  }).toString();
}

/** MSH of an answer: sender and receiver swapped, the original's processing id, version and charset. */
function answerHeader(
  builder: Hl7Builder,
  original: Hl7Message,
  messageType: readonly [string, string, string],
  controlId: string,
  now: Date
): void {
  const msh = original.segment('MSH');
  const copy = (field: number): Hl7FieldInput => (msh === undefined ? undefined : hl7Raw(msh.rawField(field)));
  builder.segment('MSH', {
    3: copy(5),
    4: copy(6),
    5: copy(3),
    6: copy(4),
    7: hl7Now(now),
    9: [...messageType],
    10: controlId,
    11: copy(11),
    12: copy(12),
    18: copy(18),
  });
}

function errSegment(builder: Hl7Builder, error: AckError): void {
  builder.segment('ERR', {
    3: [error.code, HL7_ERROR_CONDITIONS[error.code], 'HL70357'],
    4: 'E',
    8: error.message,
  });
}

/** RSP^K11 to a LAB-27 QBP^Q11: QAK-2 OK when work is pending, NF (no data found) otherwise. */
export function hl7QueryResponse(
  query: Hl7Message,
  answer: { status: 'OK' | 'NF' | 'AE' | 'AR'; error?: AckError },
  controlId: string,
  now: Date
): string {
  const builder = new Hl7Builder(query.delimiters);
  answerHeader(builder, query, ['RSP', 'K11', 'RSP_K11'], controlId, now);
  const failed = answer.status === 'AE' || answer.status === 'AR';
  builder.segment('MSA', { 1: failed ? answer.status : 'AA', 2: query.controlId() });
  if (failed) {
    errSegment(builder, answer.error ?? { code: '207', message: 'Application internal error' });
  }
  const qpd = query.segment('QPD');
  builder.segment('QAK', {
    1: qpd === undefined ? undefined : hl7Raw(qpd.rawField(2)),
    2: answer.status,
    3: qpd === undefined ? undefined : hl7Raw(qpd.rawField(1)),
  });
  // The query parameters are echoed as received (QPD of the query, byte for byte).
  return builder.toString() + (qpd === undefined ? '' : `${qpd.raw}\r`);
}

export interface WorkOrderInput {
  readonly work: PendingWork;
  /** The analyzer's test codes for the pending analytes (mapped, marked to send). */
  readonly testCodes: readonly string[];
  readonly receiver: string;
  readonly charset: InstrumentCharset;
  readonly controlId: string;
  readonly now: Date;
}

function birthDateHl7(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}

/** OML^O33 (IHE LAW LAB-28): one specimen, one ORC/TQ1/OBR group per test. */
export function hl7WorkOrder(input: WorkOrderInput): string {
  const { work } = input;
  const builder = new Hl7Builder();
  builder.segment('MSH', {
    3: 'SILLAGE',
    4: 'LABO',
    5: input.receiver,
    7: hl7Now(input.now),
    9: ['OML', 'O33', 'OML_O33'],
    10: input.controlId,
    11: 'P',
    12: '2.5.1',
    15: 'AL',
    16: 'NE',
    18: msh18Of(input.charset),
    21: ['LAB-28', 'IHE'],
  });
  builder.segment('PID', {
    1: '1',
    3: [work.patient.patientNumber, undefined, undefined, 'SILLAGE', 'PI'],
    5: [work.patient.birthName, work.patient.firstFirstName, undefined, undefined, undefined, undefined, 'L'],
    7: birthDateHl7(work.patient.birthDate),
    8: work.patient.sex === 'I' ? 'U' : work.patient.sex,
  });
  builder.segment('SPM', {
    1: '1',
    2: [[work.barcode, 'SILLAGE']],
    4: work.specimenType,
    11: 'P',
    17: work.collectedAt === null ? undefined : hl7Now(work.collectedAt),
  });
  builder.segment('SAC', { 3: work.barcode });
  input.testCodes.forEach((code, index) => {
    const placer = `${work.barcode}-${index + 1}`;
    builder.segment('ORC', { 1: 'NW', 2: [placer, 'SILLAGE'], 4: [work.orderNumber, 'SILLAGE'], 9: hl7Now(input.now) });
    builder.segment('TQ1', { 1: String(index + 1), 9: work.urgent ? 'S' : 'R' });
    builder.segment('OBR', { 1: String(index + 1), 2: [placer, 'SILLAGE'], 4: [code, undefined, '99LIS'] });
  });
  return builder.toString();
}

export type OrderAnswer =
  | {
      readonly accepted: true;
      readonly patientNumber: string;
      readonly orderNumber: string;
      readonly placerOrders: readonly string[];
      readonly warnings: readonly string[];
    }
  | {
      readonly accepted: false;
      readonly code: 'AE' | 'AR';
      readonly error: AckError;
      readonly placerOrders: readonly string[];
    };

/** ORL^O22 to an OML^O21 (IHE LTW LAB-1): every placer order accepted (OK) or refused (UA). */
export function hl7OrderResponse(order: Hl7Message, answer: OrderAnswer, controlId: string, now: Date): string {
  const builder = new Hl7Builder(order.delimiters);
  answerHeader(builder, order, ['ORL', 'O22', 'ORL_O22'], controlId, now);
  builder.segment('MSA', { 1: answer.accepted ? 'AA' : answer.code, 2: order.controlId() });
  if (!answer.accepted) {
    errSegment(builder, answer.error);
  } else {
    for (const warning of answer.warnings) {
      builder.segment('ERR', { 3: ['0', HL7_ERROR_CONDITIONS['0'], 'HL70357'], 4: 'W', 8: warning });
    }
    builder.segment('PID', { 1: '1', 3: [answer.patientNumber, undefined, undefined, 'SILLAGE', 'PI'] });
  }
  for (const placer of answer.placerOrders) {
    builder.segment('ORC', {
      1: answer.accepted ? 'OK' : 'UA',
      2: placer,
      3: answer.accepted ? [answer.orderNumber, 'SILLAGE'] : undefined,
      5: answer.accepted ? 'SC' : undefined,
    });
  }
  return builder.toString();
}
