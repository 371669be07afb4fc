import { joinDelimitedField } from '../astm/delimited-text.js';
import { defaultHprimDelimiters, hprimDelimiterDefinition, type HprimDelimiters } from './hprim-delimiters.js';
import { HPRIM_MAX_LINE_LENGTH } from './hprim-parser.js';
import type { HprimField } from './hprim-segment.js';

export interface HprimSerializeOptions {
  readonly delimiters?: HprimDelimiters;
  /** Segment terminator: CR is the rule, CR LF is advised (default CR LF). */
  readonly lineEnding?: '\r' | '\r\n';
  /** Longest line including its terminator (default 220); longer segments continue in `A|` lines. */
  readonly maxLineLength?: number;
}

/** Writes one logical segment (no terminator, no splitting); `fields[0]` is the segment name. */
export function serializeHprimSegment(
  segment: { readonly fields: readonly HprimField[] },
  delimiters: HprimDelimiters = defaultHprimDelimiters
): string {
  const name = segment.fields[0]?.[0]?.[0] ?? '';
  const rest = segment.fields
    .slice(1)
    .map((field, index) =>
      name === 'H' && index === 0 ? hprimDelimiterDefinition(delimiters) : joinDelimitedField(field, delimiters)
    );
  if (name === 'H' && rest.length === 0) {
    rest.push(hprimDelimiterDefinition(delimiters));
  }
  return [name, ...rest].join(delimiters.field);
}

/**
 * Writes segments, each terminated, cutting any line longer than `maxLineLength` (terminator
 * included) into `A|` continuation lines, as HPRIM Santé requires.
 */
export function serializeHprimMessage(
  segments: readonly { readonly fields: readonly HprimField[] }[],
  options: HprimSerializeOptions = {}
): string {
  const delimiters = options.delimiters ?? defaultHprimDelimiters;
  const ending = options.lineEnding ?? '\r\n';
  const prefix = `A${delimiters.field}`;
  // At least one character of content per line, whatever the limit asked for.
  const room = Math.max(prefix.length + 1, (options.maxLineLength ?? HPRIM_MAX_LINE_LENGTH) - ending.length);
  return segments
    .map((segment) => {
      const text = serializeHprimSegment(segment, delimiters);
      const lines = [text.slice(0, room)];
      for (let offset = room; offset < text.length; offset += room - prefix.length) {
        lines.push(prefix + text.slice(offset, offset + room - prefix.length));
      }
      return lines.map((line) => line + ending).join('');
    })
    .join('');
}
