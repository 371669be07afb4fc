/**
 * Safe construction of HL7 v2 messages: callers give plain text, the builder escapes it (hl7-escape.ts)
 * and places the delimiters, so a value can never break the structure of the message.
 */
import { SillageError } from '../errors/sillage-error.js';
import {
  DEFAULT_HL7_DELIMITERS,
  encodingCharacters,
  HEADER_SEGMENT_NAMES,
  readDelimiters,
  type Hl7Delimiters,
} from './hl7-delimiters.js';
import { escapeHl7 } from './hl7-escape.js';
import type { Hl7Message } from './hl7-message.js';
import { parseHl7 } from './hl7-parse.js';
import { HL7_NULL } from './hl7-segment.js';

/** Text to escape; `null` is the explicit null `""`; `undefined` (or '') an empty value. */
export type Hl7Leaf = string | number | null | undefined;
/** Wire text inserted as is (already escaped for the builder's delimiters), e.g. copied from another message. */
export interface Hl7RawValue {
  readonly raw: string;
}
/** A component: a leaf, raw text, or its subcomponents. */
export type Hl7ComponentInput = Hl7Leaf | Hl7RawValue | readonly (Hl7Leaf | Hl7RawValue)[];
/** One repetition: a leaf, raw text, or its components. */
export type Hl7RepetitionInput = Hl7Leaf | Hl7RawValue | readonly Hl7ComponentInput[];
/** Several repetitions of one field (see {@link hl7Repeat}). */
export interface Hl7Repeated {
  readonly repeat: readonly Hl7RepetitionInput[];
}
/** A field: one repetition (a leaf, raw text or components) or several repetitions. */
export type Hl7FieldInput = Hl7RepetitionInput | Hl7Repeated;
/** Fields by HL7 number (`{ 3: 'SILLAGE', 9: ['ACK', 'R01', 'ACK'] }`) or as an array starting at field 1. */
export type Hl7FieldsInput = Readonly<Record<number, Hl7FieldInput>> | readonly Hl7FieldInput[];

/** Marks wire text to insert without escaping. */
export function hl7Raw(raw: string): Hl7RawValue {
  return { raw };
}

/** Marks a field with several repetitions. */
export function hl7Repeat(...repetitions: Hl7RepetitionInput[]): Hl7Repeated {
  return { repeat: repetitions };
}

const SEGMENT_NAME = /^[A-Z][A-Z0-9]{2}$/;

/**
 * Builds a message segment by segment. For MSH/FHS/BHS, fields 1 and 2 (the delimiters) are written
 * by the builder and must not be given. Trailing empty fields, repetitions, components and
 * subcomponents are dropped (HL7 v2.5 §2.5.3 lets the sender omit them). Each segment ends with CR.
 */
export class Hl7Builder {
  readonly delimiters: Hl7Delimiters;
  private readonly segments: string[] = [];

  constructor(delimiters: Hl7Delimiters = DEFAULT_HL7_DELIMITERS) {
    const check = readDelimiters(`MSH${delimiters.field}${encodingCharacters(delimiters)}`);
    const complete = [delimiters.field, delimiters.component, delimiters.repetition, delimiters.escape];
    if (!check.ok || complete.some((d) => d.length !== 1) || delimiters.subcomponent.length !== 1) {
      throw new SillageError('SIL_HL7_INVALID_DELIMITERS', {
        detail: check.ok ? 'the builder needs all four encoding characters' : check.reason,
      });
    }
    this.delimiters = delimiters;
  }

  /** Appends a segment. Throws `SIL_HL7_INVALID_BUILD` on a bad name or field number. */
  segment(name: string, fields: Hl7FieldsInput = []): this {
    if (!SEGMENT_NAME.test(name)) {
      throw new SillageError('SIL_HL7_INVALID_BUILD', { detail: `invalid segment name ${JSON.stringify(name)}` });
    }
    const isHeader = HEADER_SEGMENT_NAMES.has(name);
    const values: string[] = [];
    for (const [key, value] of Object.entries(fields) as [string, Hl7FieldInput][]) {
      const number = Array.isArray(fields) ? Number(key) + 1 : Number(key);
      if (value === undefined) {
        continue;
      }
      if (!Number.isInteger(number) || number < 1 || (isHeader && number <= 2)) {
        throw new SillageError('SIL_HL7_INVALID_BUILD', {
          detail: `${name}-${key}: field numbers start at ${isHeader ? '3 for a header segment' : '1'}`,
        });
      }
      values[number] = this.encodeField(value, `${name}-${String(number)}`);
    }
    let text = name;
    if (isHeader) {
      text += this.delimiters.field + encodingCharacters(this.delimiters);
    }
    const last = lastNonEmpty(values);
    for (let number = isHeader ? 3 : 1; number <= last; number++) {
      text += this.delimiters.field + (values[number] ?? '');
    }
    this.segments.push(text);
    return this;
  }

  /** Encodes one field value with the builder's delimiters (escaping text). */
  encodeField(value: Hl7FieldInput, where = 'field'): string {
    const { repetition } = this.delimiters;
    if (isRepeated(value)) {
      const reps = value.repeat.map((rep) => this.encodeRepetition(rep, where));
      return reps.slice(0, lastNonEmpty(reps) + 1).join(repetition);
    }
    return this.encodeRepetition(value, where);
  }

  /** The message text, each segment followed by CR. */
  toString(): string {
    return this.segments.map((segment) => `${segment}\r`).join('');
  }

  /** Parses the built text (it always parses: the builder only writes well-formed segments). */
  build(): Hl7Message {
    return parseHl7(this.toString());
  }

  private encodeRepetition(value: Hl7RepetitionInput, where: string): string {
    if (!isList(value)) {
      return this.encodeLeaf(value, where);
    }
    const components = value.map((component) => this.encodeComponent(component, where));
    return components.slice(0, lastNonEmpty(components) + 1).join(this.delimiters.component);
  }

  private encodeComponent(value: Hl7ComponentInput, where: string): string {
    if (!isList(value)) {
      return this.encodeLeaf(value, where);
    }
    const subcomponents = value.map((sub) => this.encodeLeaf(sub, where));
    return subcomponents.slice(0, lastNonEmpty(subcomponents) + 1).join(this.delimiters.subcomponent);
  }

  private encodeLeaf(value: Hl7Leaf | Hl7RawValue, where: string): string {
    if (value === null) {
      return HL7_NULL;
    }
    if (value === undefined) {
      return '';
    }
    if (typeof value === 'object') {
      if (/[\r\n]/.test(value.raw) || value.raw.includes(this.delimiters.field)) {
        throw new SillageError('SIL_HL7_INVALID_BUILD', {
          detail: `${where}: raw text may not hold a segment terminator or the field separator`,
        });
      }
      return value.raw;
    }
    return escapeHl7(typeof value === 'number' ? String(value) : value, this.delimiters);
  }
}

function isRepeated(value: Hl7FieldInput): value is Hl7Repeated {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'repeat' in value;
}

function isList<T>(value: T | readonly T[] | Hl7Leaf | Hl7RawValue): value is readonly T[] {
  return Array.isArray(value);
}

/** Index of the last non-empty string (sparse holes count as empty); -1 when all are empty. */
function lastNonEmpty(values: readonly (string | undefined)[]): number {
  for (let i = values.length - 1; i >= 0; i--) {
    const value = values[i];
    if (value !== undefined && value !== '') {
      return i;
    }
  }
  return -1;
}
