import { SillageError } from '../errors/sillage-error.js';
import { defaultAstmDelimiters, type AstmDelimiters } from './astm-delimiters.js';
import type { AstmField } from './astm-record.js';
import { toDelimitedField, type DelimitedFieldInput } from './delimited-text.js';
import { serializeAstmMessage, type AstmRecordLike } from './record-serializer.js';

/** A field value for builders: a value, its components, or repetitions of components. */
export type AstmFieldInput = DelimitedFieldInput;

/**
 * Makes a record from values keyed by LIS2-A2 field number (2 = sequence number …); unlisted
 * fields are empty and nothing is written past the highest listed field.
 */
export function makeAstmRecord(
  type: string,
  values: Readonly<Record<number, AstmFieldInput | undefined>>
): AstmRecordLike {
  if (!/^[A-Z]$/.test(type)) {
    throw new SillageError('SIL_ASTM_INVALID_BUILD', {
      detail: `record type must be one capital letter, got "${type}"`,
    });
  }
  const numbers = Object.keys(values)
    .map(Number)
    .filter((n) => values[n] !== undefined);
  if (numbers.some((n) => !Number.isInteger(n) || n < 2)) {
    throw new SillageError('SIL_ASTM_INVALID_BUILD', { detail: 'field numbers start at 2 (field 1 is the type)' });
  }
  const last = Math.max(1, ...numbers);
  const fields: AstmField[] = [[[type]]];
  for (let n = 2; n <= last; n++) {
    fields.push(toDelimitedField(values[n]));
  }
  return { fields };
}

export interface AstmHeaderInput {
  /** H.3 message control id. */
  readonly messageControlId?: string;
  /** H.5 sender name or id (e.g. `['SILLAGE', '1.0']`). */
  readonly senderId?: AstmFieldInput;
  /** H.10 receiver id. */
  readonly receiverId?: AstmFieldInput;
  /** H.12 processing id: P production, T training, D debugging, Q quality control (default P). */
  readonly processingId?: string;
  /** H.13 version (default `LIS2-A2`). */
  readonly version?: string;
  /** H.14 date and time of message, `YYYYMMDDHHMMSS`. */
  readonly timestamp?: string;
}

export function buildAstmHeaderRecord(header: AstmHeaderInput = {}): AstmRecordLike {
  return makeAstmRecord('H', {
    2: '', // delimiter definition, written by the serializer
    3: header.messageControlId,
    5: header.senderId,
    10: header.receiverId,
    12: header.processingId ?? 'P',
    13: header.version ?? 'LIS2-A2',
    14: header.timestamp,
  });
}

export interface AstmPatientInput {
  /** P.2 sequence number (default 1). */
  readonly sequence?: number;
  /** P.3 practice-assigned patient id. */
  readonly practicePatientId?: string;
  /** P.4 laboratory-assigned patient id. */
  readonly laboratoryPatientId?: string;
  /** P.6 name: last ^ first ^ middle ^ suffix ^ title. */
  readonly name?: readonly string[];
  /** P.8 birth date `YYYYMMDD`. */
  readonly birthDate?: string;
  /** P.9 sex M, F or U. */
  readonly sex?: 'M' | 'F' | 'U';
  /** P.14 attending physician(s). */
  readonly attendingPhysician?: AstmFieldInput;
}

export function buildAstmPatientRecord(patient: AstmPatientInput = {}): AstmRecordLike {
  return makeAstmRecord('P', {
    2: String(patient.sequence ?? 1),
    3: patient.practicePatientId,
    4: patient.laboratoryPatientId,
    6: patient.name,
    8: patient.birthDate,
    9: patient.sex,
    14: patient.attendingPhysician,
  });
}

/**
 * A test for O.5 (universal test id `universal id ^ name ^ type ^ manufacturer local code …`):
 * a string is the manufacturer's local code and becomes `^^^code`; an array is written as given.
 */
export type AstmTestInput = string | readonly string[];

export interface AstmOrderInput {
  /** O.2 sequence number (default 1). */
  readonly sequence?: number;
  /** O.3 specimen id (as the LIS knows it, e.g. the tube barcode). */
  readonly specimenId: AstmFieldInput;
  /** O.4 instrument specimen id (e.g. `SID^carrier^position`). */
  readonly instrumentSpecimenId?: AstmFieldInput;
  /** O.5 tests, one repetition each. */
  readonly tests: readonly AstmTestInput[];
  /** O.6 priority: S stat, A as soon as possible, R routine (default R). */
  readonly priority?: string;
  /** O.7 requested date/time. */
  readonly requestedAt?: string;
  /** O.8 specimen collection date/time. */
  readonly collectedAt?: string;
  /** O.12 action code: N new, A add, C cancel, Q QC, P pending, X in process. */
  readonly actionCode?: string;
  /** O.14 relevant clinical information. */
  readonly clinicalInformation?: string;
  /** O.16 specimen descriptor (type ^ source), e.g. `Serum`. */
  readonly specimenDescriptor?: AstmFieldInput;
  /** O.17 ordering physician. */
  readonly orderingPhysician?: AstmFieldInput;
  /** O.26 report type: O order, Q response to query, Y no order for this specimen, Z no patient… */
  readonly reportType?: string;
}

export function buildAstmOrderRecord(order: AstmOrderInput): AstmRecordLike {
  const tests = order.tests.map((test) => (typeof test === 'string' ? ['', '', '', test] : [...test]));
  return makeAstmRecord('O', {
    2: String(order.sequence ?? 1),
    3: order.specimenId,
    4: order.instrumentSpecimenId,
    5: tests.length > 0 ? tests : undefined,
    6: order.priority ?? 'R',
    7: order.requestedAt,
    8: order.collectedAt,
    12: order.actionCode,
    14: order.clinicalInformation,
    16: order.specimenDescriptor,
    17: order.orderingPhysician,
    26: order.reportType ?? 'O',
  });
}

/** L.3 termination code: N normal, T sender aborted, R receiver abort, E error, Q query error, I no information, F query processed. */
export function buildAstmTerminatorRecord(terminationCode = 'N', sequence = 1): AstmRecordLike {
  return makeAstmRecord('L', { 2: String(sequence), 3: terminationCode });
}

export interface AstmQueryAnswerInput {
  readonly header?: AstmHeaderInput;
  readonly delimiters?: AstmDelimiters;
  /** One entry per patient; each lists the orders pending for the queried specimen(s). */
  readonly patients: readonly {
    readonly patient?: AstmPatientInput;
    readonly orders: readonly AstmOrderInput[];
  }[];
}

/**
 * Answer to a host query (Q record): H, then P and its O records per patient, then L. Orders
 * default to report type Q (response to query); an order without tests becomes report type Y
 * ("no order on record for this test", LIS2-A2 O.26). L.3 is F (query processed), or I
 * (no information) when no order is listed. Returns the message text, each record ending with CR.
 */
export function buildAstmQueryAnswer(answer: AstmQueryAnswerInput): string {
  const records: AstmRecordLike[] = [buildAstmHeaderRecord(answer.header)];
  let orderCount = 0;
  answer.patients.forEach((entry, patientIndex) => {
    records.push(buildAstmPatientRecord({ ...entry.patient, sequence: patientIndex + 1 }));
    entry.orders.forEach((order, orderIndex) => {
      orderCount++;
      records.push(
        buildAstmOrderRecord({
          ...order,
          sequence: orderIndex + 1,
          reportType: order.reportType ?? (order.tests.length === 0 ? 'Y' : 'Q'),
        })
      );
    });
  });
  records.push(buildAstmTerminatorRecord(orderCount > 0 ? 'F' : 'I'));
  return serializeAstmMessage(records, answer.delimiters ?? defaultAstmDelimiters);
}
