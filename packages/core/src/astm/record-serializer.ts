import { astmDelimiterDefinition, defaultAstmDelimiters, type AstmDelimiters } from './astm-delimiters.js';
import type { AstmField } from './astm-record.js';
import { joinDelimitedField } from './delimited-text.js';

/** What the serializer needs from a record: `fields[0]` is the record type (LIS2-A2 field 1). */
export interface AstmRecordLike {
  readonly fields: readonly AstmField[];
}

/**
 * Writes one record (without its CR terminator), escaping delimiter characters in values. For an
 * H record, field 2 is written as the delimiter definition of `delimiters`, whatever it held.
 */
export function serializeAstmRecord(
  record: AstmRecordLike,
  delimiters: AstmDelimiters = defaultAstmDelimiters
): string {
  const type = record.fields[0]?.[0]?.[0] ?? '';
  const rest = record.fields.slice(1).map((field, index) => {
    if (type === 'H' && index === 0) {
      return astmDelimiterDefinition(delimiters);
    }
    return joinDelimitedField(field, delimiters);
  });
  if (type === 'H' && rest.length === 0) {
    rest.push(astmDelimiterDefinition(delimiters));
  }
  return [type, ...rest].join(delimiters.field);
}

/** Writes a message: every record followed by CR (E1394 §6 record terminator). */
export function serializeAstmMessage(
  records: readonly AstmRecordLike[],
  delimiters: AstmDelimiters = defaultAstmDelimiters
): string {
  return records.map((record) => `${serializeAstmRecord(record, delimiters)}\r`).join('');
}
