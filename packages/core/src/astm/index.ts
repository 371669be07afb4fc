// ASTM E1381 (CLSI LIS1-A) link layer and ASTM E1394 (CLSI LIS2-A2) records — pure, no I/O.
export { AstmControl, isRestrictedInAstmFrameText } from './astm-control-characters.js';
export { type InstrumentCodecIssue } from './codec-issue.js';
export { decodeControlNotation, encodeControlNotation } from './control-notation.js';
export {
  canEncodeInstrumentText,
  decodeInstrumentText,
  encodeInstrumentText,
  instrumentCharsets,
  looksLikeUtf8,
  normalizeInstrumentCharset,
  type InstrumentCharset,
} from './instrument-charset.js';
export { computeAstmChecksum } from './frame-checksum.js';
export {
  ASTM_MAX_FRAME_TEXT,
  buildAstmFrames,
  encodeAstmFrame,
  parseAstmFrame,
  type AstmFrame,
  type AstmFrameBuildOptions,
  type AstmFrameParseOptions,
  type AstmFrameParseResult,
  type AstmFrameTrailer,
} from './frame-codec.js';
export { readAstmCapture, type AstmCapture, type AstmCaptureControl, type AstmCaptureFrame } from './capture-reader.js';
export { AstmLinkMachine } from './link-machine.js';
export type {
  AstmLinkAction,
  AstmLinkEvent,
  AstmLinkOptions,
  AstmLinkPhase,
  AstmLinkRole,
  AstmLinkSnapshot,
  AstmTimerName,
  AstmWriteLabel,
} from './link-types.js';
export {
  astmDelimiterDefinition,
  defaultAstmDelimiters,
  readAstmDelimiters,
  type AstmDelimiters,
} from './astm-delimiters.js';
export {
  astmRecordTypes,
  isAstmRecordType,
  type AstmField,
  type AstmRecord,
  type AstmRecordType,
} from './astm-record.js';
export { parseAstmRecord } from './record-parser.js';
export {
  tryParseAstmMessage,
  tryParseAstmMessages,
  type AstmMessage,
  type AstmMessageParseResult,
  type AstmMessagesParseResult,
} from './message-parser.js';
export { serializeAstmMessage, serializeAstmRecord, type AstmRecordLike } from './record-serializer.js';
export { findAstmRecords, getAstmField, getAstmPath, getAstmRepetitions, getAstmValue } from './record-access.js';
export {
  buildAstmHeaderRecord,
  buildAstmOrderRecord,
  buildAstmPatientRecord,
  buildAstmQueryAnswer,
  buildAstmTerminatorRecord,
  makeAstmRecord,
  type AstmFieldInput,
  type AstmHeaderInput,
  type AstmOrderInput,
  type AstmPatientInput,
  type AstmQueryAnswerInput,
  type AstmTestInput,
} from './record-builders.js';
export {
  astmLocalTestCode,
  readAstmOrder,
  readAstmQuery,
  readAstmResult,
  type AstmOrderView,
  type AstmQueryView,
  type AstmResultView,
} from './record-readers.js';
