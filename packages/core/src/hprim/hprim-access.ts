import { joinDelimitedField, unescapeDelimitedValue } from '../astm/delimited-text.js';
import type { HprimDelimiters } from './hprim-delimiters.js';
import type { HprimMessage } from './hprim-parser.js';
import type { HprimField, HprimSegment } from './hprim-segment.js';

type SegmentFields = Pick<HprimSegment, 'fields'>;

/** Field `fieldNumber` in HPRIM numbering (1 = segment name), or undefined when absent. */
export function getHprimField(segment: SegmentFields, fieldNumber: number): HprimField | undefined {
  return fieldNumber >= 1 ? segment.fields[fieldNumber - 1] : undefined;
}

/** One component of one repetition (all 1-based); '' when absent. `getHprimValue(obx, 4, 2)` is OBX.4.2 (test label). */
export function getHprimValue(
  segment: SegmentFields,
  fieldNumber: number,
  componentNumber = 1,
  repetitionNumber = 1
): string {
  return getHprimField(segment, fieldNumber)?.[repetitionNumber - 1]?.[componentNumber - 1] ?? '';
}

export function getHprimRepetitions(segment: SegmentFields, fieldNumber: number): string[][] {
  return (getHprimField(segment, fieldNumber) ?? []).map((repetition) => [...repetition]);
}

/** Subcomponents of one component, split on the subcomponent separator before unescaping. */
export function getHprimSubcomponents(
  segment: Pick<HprimSegment, 'raw' | 'name'>,
  delimiters: HprimDelimiters,
  fieldNumber: number,
  componentNumber = 1,
  repetitionNumber = 1
): string[] {
  const rawFields = segment.name === 'H' ? [] : segment.raw.split(delimiters.field);
  const repetition = rawFields[fieldNumber - 1]?.split(delimiters.repeat)[repetitionNumber - 1];
  const component = repetition?.split(delimiters.component)[componentNumber - 1];
  return component === undefined
    ? []
    : component.split(delimiters.subcomponent).map((s) => unescapeDelimitedValue(s, delimiters));
}

export function findHprimSegments(message: HprimMessage, name: string): HprimSegment[] {
  return message.segments.filter((segment) => segment.name === name);
}

const pathPattern = /^([A-Z]{1,3})(?:\[(\d+)\])?\.(\d+)(?:\[(\d+)\])?(?:\.(\d+))?$/;

/**
 * Reads a value by path, HPRIM numbering: `OBX.6`, `OBX[2].6`, `OBR.5[3].1`, `P.6.2`.
 * Without a component the field is returned with its separators (re-escaped). Undefined when
 * the path is malformed or the segment/field does not exist.
 */
export function getHprimPath(message: HprimMessage, path: string): string | undefined {
  const match = pathPattern.exec(path.trim());
  if (match === null) {
    return undefined;
  }
  const [, name = '', index, fieldText = '', repetitionText, componentText] = match;
  const segment = findHprimSegments(message, name)[Number(index ?? '1') - 1];
  if (segment === undefined) {
    return undefined;
  }
  const fieldNumber = Number(fieldText);
  if (name === 'H' && fieldNumber === 2) {
    return segment.fields[1]?.[0]?.[0];
  }
  const field = getHprimField(segment, fieldNumber);
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
  return componentText === undefined
    ? joinDelimitedField([repetition], message.delimiters)
    : (repetition[Number(componentText) - 1] ?? '');
}
