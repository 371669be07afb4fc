/**
 * The JSON printed by `sillage inspect` (issue 4 § 2). Every field is an array of repetitions, each
 * repetition an array of components (escapes decoded); `fields[0]` holds the record type or segment
 * name, and the numbering is the standard's (HL7 `MSH-1` is the field separator, `MSH-2` the encoding
 * characters; ASTM `H.2` and HPRIM `H.2` the delimiter definition, kept verbatim).
 */
import type { InstrumentCharset } from '@sillage/core';

export type InspectProtocol = 'astm' | 'hl7' | 'hprim' | 'unknown';

/** Repetitions → components. An empty field is `[['']]` in every protocol. */
export type InspectField = string[][];

export interface InspectRecord {
  /** ASTM record type (`H`, `P`, `O`, `R`…), HL7 or HPRIM segment name (`MSH`, `OBX`…). */
  readonly type: string;
  readonly fields: readonly InspectField[];
}

/** One ASTM E1381 frame, as received. */
export interface InspectFrame {
  readonly number: number;
  /** The two checksum characters received. */
  readonly checksum: string;
  readonly checksumOk: boolean;
  /** ETX (end frame) rather than ETB (intermediate frame). */
  readonly final: boolean;
}

export interface InspectIssue {
  /** Stable catalog code (`SIL_ASTM_FRAME_CHECKSUM`…). */
  readonly code: string;
  /** French catalog message. */
  readonly message: string;
  /** Technical detail from the codec, in English. */
  readonly detail: string;
  /** 1-based line of the record or segment in the decoded message text. */
  readonly line?: number;
  /** Byte offset in the payload (after the leading `# ` lines; in the decoded bytes for `<STX>` notation). */
  readonly offset?: number;
  /** ASTM frame number (0–7). */
  readonly frame?: number;
  /** 0-based index of the HL7 segment the parser rejected. */
  readonly segmentIndex?: number;
}

export type InspectMessage =
  { readonly records: readonly InspectRecord[] } | { readonly segments: readonly InspectRecord[] };

export interface InspectReport {
  readonly protocol: InspectProtocol;
  /** Only for framed ASTM (E1381) captures. */
  readonly frames?: readonly InspectFrame[];
  /** `records` for ASTM, `segments` for HL7 and HPRIM. */
  readonly messages: readonly InspectMessage[];
  /** Problems that make data unusable as is: checksum failures, frame-number jumps, parse errors. */
  readonly errors: readonly InspectIssue[];
  /** Tolerated deviations from the standard (missing CR LF after a checksum, no L record…); omitted when none. */
  readonly warnings?: readonly InspectIssue[];
}

export interface InspectOptions {
  /** Character set of the capture; detected when omitted (MSH-18 for HL7, UTF-8 if valid, else Windows-1252). */
  readonly encoding?: InstrumentCharset;
}
