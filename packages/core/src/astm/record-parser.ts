import { defaultAstmDelimiters, type AstmDelimiters } from './astm-delimiters.js';
import type { AstmField, AstmRecord } from './astm-record.js';
import { splitDelimitedField } from './delimited-text.js';

/**
 * Parses one record line (without its CR) with the given delimiters. Never throws: a line that
 * does not use the delimiter becomes a record with a single type field. For an H record the
 * delimiter definition (field 2) is kept verbatim and splitting resumes after it.
 */
export function parseAstmRecord(
  line: string,
  delimiters: AstmDelimiters = defaultAstmDelimiters,
  lineNumber = 1
): AstmRecord {
  if (line[0] === 'H' && line[1] === delimiters.field) {
    const definition = line.slice(2, 5);
    const rest = line.length > 5 ? line.slice(6).split(delimiters.field) : [];
    const fields: AstmField[] = [[['H']], [[definition]], ...rest.map((raw) => splitDelimitedField(raw, delimiters))];
    return { type: 'H', fields, line: lineNumber, raw: line };
  }
  const [type = '', ...rest] = line.split(delimiters.field);
  const fields: AstmField[] = [[[type]], ...rest.map((raw) => splitDelimitedField(raw, delimiters))];
  return { type, fields, line: lineNumber, raw: line };
}
