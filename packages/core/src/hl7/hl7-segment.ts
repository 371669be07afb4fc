import { HEADER_SEGMENT_NAMES, type Hl7Delimiters } from './hl7-delimiters.js';
import { unescapeHl7, type Hl7UnescapeOptions } from './hl7-escape.js';
import {
  countParts,
  nthPart,
  splitFieldComponents,
  splitFieldLeaves,
  splitOn,
  type FieldSeparators,
} from './hl7-split.js';

/** HL7 v2.5 §2.5.3: a field (or component) holding exactly `""` is the explicit null ("delete the value"). */
export const HL7_NULL = '""';

/**
 * One segment, kept as its exact wire text (`raw`, without terminator) so re-serialisation is
 * byte-exact. Fields are split on first access and values unescaped only when read.
 *
 * Numbering follows the standard: for MSH/FHS/BHS field 1 is the field separator itself and field 2
 * the encoding characters (both atomic, never split nor unescaped); for other segments field 1 is the
 * first field after the name. Repetitions, components and subcomponents are 1-based.
 */
export class Hl7Segment {
  readonly name: string;
  readonly raw: string;
  readonly delimiters: Hl7Delimiters;
  readonly isHeader: boolean;
  private parts: string[] | undefined;
  private separatorsUsed: SeparatorsInUse | undefined;

  constructor(raw: string, delimiters: Hl7Delimiters) {
    this.raw = raw;
    this.delimiters = delimiters;
    this.name = raw.slice(0, 3);
    this.isHeader = HEADER_SEGMENT_NAMES.has(this.name);
  }

  private fieldParts(): string[] {
    this.parts ??= splitOn(this.raw, this.delimiters.field);
    return this.parts;
  }

  /**
   * The separators and escape character that occur in the segment's fields, '' for the others: found
   * once per segment so that reading every field does not search each one again for characters the
   * segment never uses (an OBX seldom holds a subcomponent or an escape). MSH-2 is left out: it lists
   * every encoding character but is atomic.
   */
  private separatorsInUse(): SeparatorsInUse {
    if (this.separatorsUsed === undefined) {
      const { raw, delimiters } = this;
      let from = 0;
      if (this.isHeader) {
        const afterEncoding = raw.indexOf(delimiters.field, 4);
        from = afterEncoding === -1 ? raw.length : afterEncoding;
      }
      this.separatorsUsed = {
        repetition: occurringFrom(raw, delimiters.repetition, from),
        component: occurringFrom(raw, delimiters.component, from),
        subcomponent: occurringFrom(raw, delimiters.subcomponent, from),
        escape: occurringFrom(raw, delimiters.escape, from),
      };
    }
    return this.separatorsUsed;
  }

  /** Number of the last field present (trailing empty fields count: `MSA|AA|1|` has 3). */
  get fieldCount(): number {
    const parts = this.fieldParts().length;
    return this.isHeader ? parts : parts - 1;
  }

  /** Wire text of field `field` (HL7 numbering), '' when absent. */
  rawField(field: number): string {
    if (field < 1 || !Number.isInteger(field)) {
      return '';
    }
    if (this.isHeader) {
      if (field === 1) {
        return this.delimiters.field;
      }
      return this.fieldParts()[field - 1] ?? '';
    }
    return this.fieldParts()[field] ?? '';
  }

  /**
   * Wire text (escapes not decoded) of the addressed element. An omitted level means "the whole
   * element": `getRaw(3)` is the whole field with its repetitions, `getRaw(3, 2)` the second
   * repetition with its components. A component without a repetition reads repetition 1.
   */
  getRaw(field: number, repetition?: number, component?: number, subcomponent?: number): string {
    const fieldText = this.rawField(field);
    if (this.isHeader && field <= 2) {
      // MSH-1 and MSH-2 hold the delimiters themselves: they have no inner structure.
      const isWhole = (repetition ?? 1) === 1 && (component ?? 1) === 1 && (subcomponent ?? 1) === 1;
      return isWhole ? fieldText : '';
    }
    if (repetition === undefined && component === undefined) {
      return fieldText;
    }
    const repetitionText = nthPart(fieldText, this.delimiters.repetition, repetition ?? 1);
    if (component === undefined) {
      return repetitionText;
    }
    const componentText = nthPart(repetitionText, this.delimiters.component, component);
    if (subcomponent === undefined) {
      return componentText;
    }
    return nthPart(componentText, this.delimiters.subcomponent, subcomponent);
  }

  /**
   * Decoded text of one leaf value; omitted levels default to 1 (HAPI Terser convention), so
   * `get(5)` is `OBX-5(1).1.1`. Empty string when absent; the explicit null comes back as `""`
   * ({@link HL7_NULL}; use {@link isNull} to tell it from a value).
   */
  get(field: number, repetition = 1, component = 1, subcomponent = 1, options?: Hl7UnescapeOptions): string {
    const raw = this.getRaw(field, repetition, component, subcomponent);
    if (this.isHeader && field <= 2) {
      return raw;
    }
    return unescapeHl7(raw, this.delimiters, options);
  }

  /** True when the addressed element (same addressing as {@link getRaw}) is the explicit null `""`. */
  isNull(field: number, repetition?: number, component?: number, subcomponent?: number): boolean {
    return this.getRaw(field, repetition, component, subcomponent) === HL7_NULL;
  }

  /** Number of repetitions of a field (0 when the field is empty or absent). */
  repetitionCount(field: number): number {
    const text = this.rawField(field);
    if (text === '') {
      return 0;
    }
    return this.isHeader && field <= 2 ? 1 : countParts(text, this.delimiters.repetition);
  }

  /**
   * A field as decoded nested arrays: repetitions → components → subcomponents
   * (`PID-3` = `1^^^A&B~2` gives `[[['1'], [''], [''], ['A', 'B']], [['2']]]`). Empty field: `[]`.
   * Each call returns fresh arrays (the caller may keep or change them).
   */
  fieldValues(field: number, options?: Hl7UnescapeOptions): string[][][] {
    const text = this.rawField(field);
    if (text === '') {
      return [];
    }
    if (this.isHeader && field <= 2) {
      return [[[text]]];
    }
    const separators = this.separatorsInUse();
    // Most laboratory fields hold no escape sequence: their leaves are the wire text as is.
    if (separators.escape === '' || !text.includes(separators.escape)) {
      return splitFieldLeaves(text, separators, keepText);
    }
    const delimiters = this.delimiters;
    return splitFieldLeaves(text, separators, (leaf) => unescapeHl7(leaf, delimiters, options));
  }

  /**
   * A field as wire text per repetition and component: subcomponents not split, escapes not decoded
   * (`PID-3` = `1^^^A&B~2` gives `[['1', '', '', 'A&B'], ['2']]`). Empty field: `[]`. For callers that
   * copy or compare components as they are on the wire; {@link fieldValues} gives the decoded values.
   */
  rawComponents(field: number): string[][] {
    const text = this.rawField(field);
    if (text === '') {
      return [];
    }
    if (this.isHeader && field <= 2) {
      return [[text]];
    }
    const separators = this.separatorsInUse();
    return splitFieldComponents(text, separators.repetition, separators.component);
  }

  toString(): string {
    return this.raw;
  }
}

interface SeparatorsInUse extends FieldSeparators {
  readonly escape: string;
}

/** `character` when it occurs in `text` at or after `from`, else '' (undeclared stays ''). */
function occurringFrom(text: string, character: string, from: number): string {
  return character !== '' && text.includes(character, from) ? character : '';
}

function keepText(text: string): string {
  return text;
}
