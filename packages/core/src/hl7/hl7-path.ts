/**
 * HL7 path syntax used by the accessors: `SEG[occurrence]-field(repetition).component.subcomponent`.
 *
 * - `SEG` is the 3-character segment id (`OBX`, `ZBE`…);
 * - `[n]` picks the n-th segment of that name in the message (1-based, default 1): `OBX[2]-5`;
 * - `-f` is the field number as in the standard (MSH-1 is the field separator, so `MSH-9` is the message type;
 *   for other segments field 1 is the first field after the name);
 * - `(r)` picks the r-th repetition (1-based): `PID-3(2).1`;
 * - `.c` and `.c.s` pick the component and subcomponent (1-based): `PID-3.4.2`.
 *
 * Examples: `MSH-9.1`, `OBX-5`, `OBX[3]-5.1`, `PID-3(2).1`, `SPM-2.1.1`.
 */
export interface Hl7Path {
  readonly segment: string;
  /** 1-based occurrence of the segment in the message. */
  readonly occurrence: number;
  /** 1-based field number, HL7 numbering. */
  readonly field: number;
  /** 1-based repetition; undefined when the path does not name one. */
  readonly repetition?: number;
  /** 1-based component; undefined when the path does not name one. */
  readonly component?: number;
  /** 1-based subcomponent; undefined when the path does not name one. */
  readonly subcomponent?: number;
}

const PATH_PATTERN =
  /^([A-Z][A-Z0-9]{2})(?:\[(\d{1,6})\])?-(\d{1,4})(?:\((\d{1,6})\))?(?:\.(\d{1,4})(?:\.(\d{1,4}))?)?$/;

/** Parses a path; undefined when the text does not follow the syntax or a number is 0. */
export function parseHl7Path(path: string): Hl7Path | undefined {
  const match = PATH_PATTERN.exec(path);
  if (match === null) {
    return undefined;
  }
  const [, segment = '', occurrence, field = '', repetition, component, subcomponent] = match;
  const parsed: Hl7Path = {
    segment,
    occurrence: occurrence === undefined ? 1 : Number(occurrence),
    field: Number(field),
    ...(repetition === undefined ? {} : { repetition: Number(repetition) }),
    ...(component === undefined ? {} : { component: Number(component) }),
    ...(subcomponent === undefined ? {} : { subcomponent: Number(subcomponent) }),
  };
  const numbers = [parsed.occurrence, parsed.field, parsed.repetition, parsed.component, parsed.subcomponent];
  return numbers.some((n) => n === 0) ? undefined : parsed;
}

/** Writes a path back in the canonical syntax (occurrence shown only when > 1). */
export function formatHl7Path(path: Hl7Path): string {
  let text = path.segment;
  if (path.occurrence !== 1) {
    text += `[${String(path.occurrence)}]`;
  }
  text += `-${String(path.field)}`;
  if (path.repetition !== undefined) {
    text += `(${String(path.repetition)})`;
  }
  if (path.component !== undefined) {
    text += `.${String(path.component)}`;
    if (path.subcomponent !== undefined) {
      text += `.${String(path.subcomponent)}`;
    }
  }
  return text;
}
