/**
 * General acknowledgement (HL7 v2.5 §2.9.2 ACK, §2.15.8 MSA, §2.15.5 ERR). Pure: the caller gives the
 * new control id and the time, so the same input always builds the same ACK.
 */
import { DEFAULT_HL7_DELIMITERS, type Hl7Delimiters } from './hl7-delimiters.js';
import { Hl7Builder, hl7Raw, type Hl7FieldInput } from './hl7-builder.js';
import { formatHl7DateTime } from './hl7-datetime.js';
import type { Hl7Message } from './hl7-message.js';
import { tryParseHl7 } from './hl7-parse.js';
import { parseHl7Path, type Hl7Path } from './hl7-path.js';
import type { Hl7Segment } from './hl7-segment.js';

/** HL7 table 0008: original mode AA/AE/AR, enhanced mode (commit) CA/CE/CR. */
export type Hl7AckCode = 'AA' | 'AE' | 'AR' | 'CA' | 'CE' | 'CR';

/** HL7 table 0516 (ERR-4): Error, Warning, Information, Fatal error. */
export type Hl7ErrorSeverity = 'E' | 'W' | 'I' | 'F';

/** HL7 table 0357 (ERR-3), message error condition codes, with their standard text. */
export const HL7_ERROR_CONDITIONS = {
  '0': 'Message accepted',
  '100': 'Segment sequence error',
  '101': 'Required field missing',
  '102': 'Data type error',
  '103': 'Table value not found',
  '104': 'Value too long',
  '200': 'Unsupported message type',
  '201': 'Unsupported event code',
  '202': 'Unsupported processing id',
  '203': 'Unsupported version id',
  '204': 'Unknown key identifier',
  '205': 'Duplicate key identifier',
  '206': 'Application record locked',
  '207': 'Application internal error',
} as const;

export type Hl7ErrorConditionCode = keyof typeof HL7_ERROR_CONDITIONS;

/** ERR-2 (ERL data type): where the error is. Numbers are 1-based, as in {@link Hl7Path}. */
export interface Hl7ErrorLocation {
  readonly segment: string;
  readonly sequence?: number;
  readonly field?: number;
  readonly fieldRepetition?: number;
  readonly component?: number;
  readonly subcomponent?: number;
}

export interface Hl7AckError {
  /** ERR-3.1, HL7 table 0357. */
  readonly code: Hl7ErrorConditionCode;
  /** ERR-4. */
  readonly severity: Hl7ErrorSeverity;
  /** ERR-2, as a location or a path (`PID-3(1).1`, `OBX[2]-5`). */
  readonly location?: Hl7ErrorLocation | string;
  /** ERR-8 (user message); also MSA-3 when no `text` is given. */
  readonly message: string;
}

interface AckCommon {
  /** MSH-10 of the ACK (unique per sender). */
  readonly controlId: string;
  /** MSH-7: an HL7 timestamp as is, or a `Date` written in UTC (`YYYYMMDDHHMMSS+0000`). */
  readonly timestamp: string | Date;
  /** MSA-3 (text message). */
  readonly text?: string;
}

/** An ERR is mandatory for a rejection or error, optional (e.g. a warning) for an acceptance. */
export type BuildAckOptions = AckCommon &
  (
    | { readonly code: 'AA' | 'CA'; readonly error?: Hl7AckError }
    | { readonly code: 'AE' | 'AR' | 'CE' | 'CR'; readonly error: Hl7AckError }
  );

/**
 * Builds the ACK for a message: MSH with sender and receiver swapped (MSH-3/4 ↔ MSH-5/6), the caller's
 * control id and time, MSH-9 `ACK^<trigger>` (plus `^ACK` when the original names its structure in
 * MSH-9.3), processing id, version and character set copied; MSA-1 code, MSA-2 the original control id;
 * ERR (v2.5 layout) when an error is given. The ACK uses the original's delimiters so copied fields stay
 * byte-identical. `original` may be raw text that failed to parse: its MSH line is used when readable.
 */
export function buildAck(original: Hl7Message | string, options: BuildAckOptions): Hl7Message {
  const msh = typeof original === 'string' ? headerOfRawText(original) : original.segment('MSH');
  const delimiters = msh !== undefined && isComplete(msh.delimiters) ? msh.delimiters : DEFAULT_HL7_DELIMITERS;
  const builder = new Hl7Builder(delimiters);
  const copy = (field: number): Hl7FieldInput => copyField(msh, field, delimiters);
  const trigger = msh?.get(9, 1, 2) ?? '';
  const hasStructure = (msh?.getRaw(9, 1, 3) ?? '') !== '';
  const timestamp = typeof options.timestamp === 'string' ? options.timestamp : formatHl7DateTime(options.timestamp);
  builder.segment('MSH', {
    3: copy(5),
    4: copy(6),
    5: copy(3),
    6: copy(4),
    7: timestamp,
    9: ['ACK', trigger === '' ? undefined : trigger, hasStructure ? 'ACK' : undefined],
    10: options.controlId,
    11: copy(11),
    12: copy(12),
    18: copy(18),
  });
  const error = options.error;
  builder.segment('MSA', {
    1: options.code,
    2: msh === undefined ? undefined : copy(10),
    3: options.text ?? error?.message,
  });
  if (error !== undefined) {
    builder.segment('ERR', {
      2: error.location === undefined ? undefined : locationComponents(error.location),
      3: [error.code, HL7_ERROR_CONDITIONS[error.code], 'HL70357'],
      4: error.severity,
      8: error.message,
    });
  }
  return builder.build();
}

function locationComponents(location: Hl7ErrorLocation | string): Hl7FieldInput {
  const l = typeof location === 'string' ? fromPath(location) : location;
  return [l.segment, l.sequence, l.field, l.fieldRepetition, l.component, l.subcomponent];
}

function fromPath(text: string): Hl7ErrorLocation {
  const path: Hl7Path | undefined = parseHl7Path(text);
  if (path === undefined) {
    // Not a path: keep the text as the segment id so the information still reaches the sender.
    return { segment: text };
  }
  return {
    segment: path.segment,
    sequence: path.occurrence,
    field: path.field,
    ...(path.repetition === undefined ? {} : { fieldRepetition: path.repetition }),
    ...(path.component === undefined ? {} : { component: path.component }),
    ...(path.subcomponent === undefined ? {} : { subcomponent: path.subcomponent }),
  };
}

/** A field of the original MSH, byte-identical when delimiters match, else re-encoded from its values. */
function copyField(msh: Hl7Segment | undefined, field: number, delimiters: Hl7Delimiters): Hl7FieldInput {
  if (msh === undefined) {
    return undefined;
  }
  if (msh.delimiters === delimiters) {
    return hl7Raw(msh.rawField(field));
  }
  return { repeat: msh.fieldValues(field) };
}

function isComplete(delimiters: Hl7Delimiters): boolean {
  return delimiters.escape !== '' && delimiters.subcomponent !== '';
}

/** The MSH of a text that may not parse as a whole (bad segment further down). */
function headerOfRawText(text: string): Hl7Segment | undefined {
  const start = text.indexOf('MSH');
  if (start === -1) {
    return undefined;
  }
  let end = start;
  while (end < text.length && text.charAt(end) !== '\r' && text.charAt(end) !== '\n') {
    end++;
  }
  const parsed = tryParseHl7(text.slice(start, end));
  return parsed.ok ? parsed.message.segment('MSH') : undefined;
}
