/** HL7 v2 codec (parse, serialize, escapes, paths, ACK, builder, character sets) and MLLP framing. Pure: no I/O. */
export { DEFAULT_HL7_DELIMITERS, encodingCharacters, readDelimiters } from './hl7-delimiters.js';
export type { DelimitersResult, Hl7Delimiters } from './hl7-delimiters.js';
export { escapeHl7, unescapeHl7 } from './hl7-escape.js';
export type { Hl7UnescapeOptions } from './hl7-escape.js';
export { formatHl7Path, parseHl7Path } from './hl7-path.js';
export type { Hl7Path } from './hl7-path.js';
export { HL7_NULL, Hl7Segment } from './hl7-segment.js';
export { Hl7Message, resolveHl7Path } from './hl7-message.js';
export type { Hl7MessageType } from './hl7-message.js';
export { parseHl7, tryParseHl7 } from './hl7-parse.js';
export type { Hl7ParseError, Hl7ParseErrorCode, Hl7ParseResult } from './hl7-parse.js';
export { splitHl7Batch } from './hl7-batch.js';
export type { Hl7Batch } from './hl7-batch.js';
export { Hl7Builder, hl7Raw, hl7Repeat } from './hl7-builder.js';
export type {
  Hl7ComponentInput,
  Hl7FieldInput,
  Hl7FieldsInput,
  Hl7Leaf,
  Hl7RawValue,
  Hl7Repeated,
  Hl7RepetitionInput,
} from './hl7-builder.js';
export { buildAck, HL7_ERROR_CONDITIONS } from './hl7-ack.js';
export type {
  BuildAckOptions,
  Hl7AckCode,
  Hl7AckError,
  Hl7ErrorConditionCode,
  Hl7ErrorLocation,
  Hl7ErrorSeverity,
} from './hl7-ack.js';
export { formatHl7DateTime } from './hl7-datetime.js';
export { decodeHl7, detectHl7Charset, hl7CharsetToEncoding } from './hl7-charset.js';
export {
  DEFAULT_MLLP_MAX_FRAME_BYTES,
  encodeMllp,
  MLLP_CARRIAGE_RETURN,
  MLLP_END_BLOCK,
  MLLP_START_BLOCK,
  MllpDecoder,
} from './mllp.js';
export type { MllpDecoderOptions, MllpErrorReason, MllpEvent } from './mllp.js';
