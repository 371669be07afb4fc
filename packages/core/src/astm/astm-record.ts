import type { DelimitedField } from './delimited-text.js';

/** E1394 §7 / LIS2-A2 record types (S = scientific, M = manufacturer information). */
export const astmRecordTypes = ['H', 'P', 'O', 'R', 'C', 'Q', 'M', 'S', 'L'] as const;
export type AstmRecordType = (typeof astmRecordTypes)[number];

export function isAstmRecordType(type: string): type is AstmRecordType {
  return (astmRecordTypes as readonly string[]).includes(type);
}

/** A field: repetitions of components, unescaped. `[['']]` is an empty field. */
export type AstmField = DelimitedField;

/**
 * One E1394 record. Numbering follows LIS2-A2: the record type is field 1, so `fields[0]` is
 * `[['R']]` and `fields[n - 1]` is field n (`R.3` universal test id is `fields[2]`, `R.4` the
 * value). In the H record, field 2 is the delimiter definition kept verbatim (`[['\^&']]`).
 */
export interface AstmRecord {
  readonly type: string;
  readonly fields: readonly AstmField[];
  /** 1-based line number in the parsed text. */
  readonly line: number;
  /** The record as received (without its CR), for byte-exact logs. */
  readonly raw: string;
}
