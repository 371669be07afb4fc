import type { AstmField, AstmRecord } from './astm-record.js';
import type { AstmMessage } from './message-parser.js';
import { joinDelimitedField } from './delimited-text.js';

/** Field `fieldNumber` in LIS2-A2 numbering (1 = record type), or undefined when absent. */
export function getAstmField(record: Pick<AstmRecord, 'fields'>, fieldNumber: number): AstmField | undefined {
  return fieldNumber >= 1 ? record.fields[fieldNumber - 1] : undefined;
}

/** One component of one repetition (all 1-based); '' when absent. `getAstmValue(r, 3, 4)` is R.3.4. */
export function getAstmValue(
  record: Pick<AstmRecord, 'fields'>,
  fieldNumber: number,
  componentNumber = 1,
  repetitionNumber = 1
): string {
  return getAstmField(record, fieldNumber)?.[repetitionNumber - 1]?.[componentNumber - 1] ?? '';
}

/** The repetitions of a field as component lists; [] when the field is absent. */
export function getAstmRepetitions(record: Pick<AstmRecord, 'fields'>, fieldNumber: number): string[][] {
  return (getAstmField(record, fieldNumber) ?? []).map((repetition) => [...repetition]);
}

export function findAstmRecords(message: AstmMessage, type: string): AstmRecord[] {
  return message.records.filter((record) => record.type === type);
}

const pathPattern = /^([A-Z])(?:\[(\d+)\])?\.(\d+)(?:\[(\d+)\])?(?:\.(\d+))?$/;

/**
 * Reads a value by path, numbering as LIS2-A2: `O.3` (whole field, delimiters re-escaped),
 * `O.3.1` (component), `O.3[2].1` (2nd repetition), `R[2].4` (field 4 of the 2nd R record).
 * Undefined when the path is malformed or the record/field does not exist.
 */
export function getAstmPath(message: AstmMessage, path: string): string | undefined {
  const match = pathPattern.exec(path.trim());
  if (match === null) {
    return undefined;
  }
  const [, type = '', recordIndex, fieldText = '', repetitionText, componentText] = match;
  const record = findAstmRecords(message, type)[Number(recordIndex ?? '1') - 1];
  if (record === undefined) {
    return undefined;
  }
  const fieldNumber = Number(fieldText);
  if (type === 'H' && fieldNumber === 2) {
    return record.fields[1]?.[0]?.[0];
  }
  const field = getAstmField(record, fieldNumber);
  if (field === undefined) {
    return undefined;
  }
  if (componentText === undefined && repetitionText === undefined) {
    return joinDelimitedField(field, message.delimiters);
  }
  const repetition = field[Number(repetitionText ?? '1') - 1];
  if (repetition === undefined) {
    return undefined;
  }
  if (componentText === undefined) {
    return joinDelimitedField([repetition], message.delimiters);
  }
  return repetition[Number(componentText) - 1] ?? '';
}
