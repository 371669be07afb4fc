// HPRIM Santé 2.x (ORU, ORM…) and HPRIM Médecins — pure, no I/O.
export {
  defaultHprimDelimiters,
  hprimDelimiterDefinition,
  readHprimDelimiters,
  type HprimDelimiters,
} from './hprim-delimiters.js';
export {
  hprimSegmentNames,
  isHprimSegmentName,
  type HprimField,
  type HprimSegment,
  type HprimSegmentName,
} from './hprim-segment.js';
export {
  HPRIM_MAX_LINE_LENGTH,
  parseHprimSegment,
  tryParseHprim,
  type HprimMessage,
  type HprimParseResult,
} from './hprim-parser.js';
export {
  findHprimSegments,
  getHprimField,
  getHprimPath,
  getHprimRepetitions,
  getHprimSubcomponents,
  getHprimValue,
} from './hprim-access.js';
export { serializeHprimMessage, serializeHprimSegment, type HprimSerializeOptions } from './hprim-serializer.js';
export { decodeHprim } from './hprim-decode.js';
export {
  readHprimPatient,
  readHprimRequest,
  readHprimResult,
  type HprimPatientView,
  type HprimRequestView,
  type HprimResultView,
} from './hprim-readers.js';
export {
  tryParseHprimMedecins,
  type HprimMedecinsHeader,
  type HprimMedecinsLine,
  type HprimMedecinsReport,
  type HprimMedecinsResult,
} from './hprim-medecins.js';
