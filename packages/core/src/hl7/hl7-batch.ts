/**
 * HL7 v2 batch protocol (HL7 v2.5 §2.10.3): `[FHS [{BHS {MSH…} BTS}] FTS]`. A file or batch is parsed
 * as one `Hl7Message` (FHS/BHS carry the delimiters as MSH does); this splits it into its messages.
 */
import { readDelimiters, type Hl7Delimiters } from './hl7-delimiters.js';
import { Hl7Message } from './hl7-message.js';
import { Hl7Segment } from './hl7-segment.js';

const ENVELOPE_SEGMENT_NAMES: ReadonlySet<string> = new Set(['FHS', 'FTS', 'BHS', 'BTS']);

export interface Hl7Batch {
  /** FHS, BHS, BTS, FTS segments (and any stray segment before the first MSH), in wire order. */
  readonly envelope: readonly Hl7Segment[];
  /** One message per MSH, each with the delimiters its own MSH declares. */
  readonly messages: readonly Hl7Message[];
}

/** Splits a parsed text into its messages: each MSH starts one; envelope segments are set apart. */
export function splitHl7Batch(parsed: Hl7Message): Hl7Batch {
  const envelope: Hl7Segment[] = [];
  const groups: Hl7Segment[][] = [];
  let current: Hl7Segment[] | undefined;
  for (const segment of parsed.segments) {
    if (segment.name === 'MSH') {
      current = [segment];
      groups.push(current);
    } else if (ENVELOPE_SEGMENT_NAMES.has(segment.name)) {
      current = undefined;
      envelope.push(segment);
    } else if (current === undefined) {
      envelope.push(segment);
    } else {
      current.push(segment);
    }
  }
  const messages = groups.map((group) => toMessage(group, parsed.delimiters));
  return { envelope, messages };
}

function toMessage(group: Hl7Segment[], outer: Hl7Delimiters): Hl7Message {
  const msh = group[0];
  const own = msh === undefined ? undefined : readDelimiters(msh.raw);
  if (own === undefined || !own.ok || sameDelimiters(own.delimiters, outer)) {
    return new Hl7Message(group, outer);
  }
  // A message inside a batch may declare other encoding characters than the batch header.
  const delimiters = own.delimiters;
  return new Hl7Message(
    group.map((segment) => new Hl7Segment(segment.raw, delimiters)),
    delimiters
  );
}

function sameDelimiters(a: Hl7Delimiters, b: Hl7Delimiters): boolean {
  return (
    a.field === b.field &&
    a.component === b.component &&
    a.repetition === b.repetition &&
    a.escape === b.escape &&
    a.subcomponent === b.subcomponent &&
    a.truncation === b.truncation
  );
}
