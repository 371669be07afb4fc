import { codecError, type InstrumentCodecIssue } from './codec-issue.js';
import type { DelimiterSet } from './delimited-text.js';

/** E1394 §6 (LIS2-A2 §5): delimiters are declared by the 4 characters after `H` in the header. */
export interface AstmDelimiters extends DelimiterSet {
  readonly field: string;
  readonly repeat: string;
  readonly component: string;
  readonly escape: string;
}

/** The recommended set `H|\^&`: field `|`, repeat `\`, component `^`, escape `&`. */
export const defaultAstmDelimiters: AstmDelimiters = { field: '|', repeat: '\\', component: '^', escape: '&' };

/** The delimiter-definition field H-2 as written after the field delimiter (e.g. `\^&`). */
export function astmDelimiterDefinition(delimiters: AstmDelimiters): string {
  return delimiters.repeat + delimiters.component + delimiters.escape;
}

/**
 * Reads the delimiters from an H record line: `H`, field, repeat, component, escape (GeneXpert
 * `H|@^\`, Beckman DxH `H|\!~`). Returns an error issue — and the default set — when the five
 * characters are missing, repeated, letters/digits/controls, or not followed by the field
 * delimiter.
 */
export function readAstmDelimiters(headerLine: string): { delimiters: AstmDelimiters; issue?: InstrumentCodecIssue } {
  const chars = [...headerLine.slice(1, 5)];
  const invalid = (detail: string): { delimiters: AstmDelimiters; issue: InstrumentCodecIssue } => ({
    delimiters: defaultAstmDelimiters,
    issue: codecError('SIL_ASTM_DELIMITERS_INVALID', detail),
  });
  if (headerLine[0] !== 'H' || chars.length < 4) {
    return invalid(`the header must start with H and 4 delimiters, got "${headerLine.slice(0, 5)}"`);
  }
  if (new Set(chars).size !== 4) {
    return invalid(`delimiters must be 4 distinct characters, got "${chars.join('')}"`);
  }
  if (chars.some((char) => /[\p{L}\p{N}\s]/u.test(char) || char.charCodeAt(0) < 0x20)) {
    return invalid(`delimiters cannot be letters, digits, spaces or controls, got "${chars.join('')}"`);
  }
  const [field = '|', repeat = '\\', component = '^', escape = '&'] = chars;
  if (headerLine.length > 5 && headerLine[5] !== field) {
    return invalid(`the delimiter definition must be followed by the field delimiter "${field}"`);
  }
  return { delimiters: { field, repeat, component, escape } };
}
