/**
 * Allocation-light splitting helpers: the accessors read one part of a delimited text without
 * building the whole `split()` array (the parser is lazy, see hl7-parse.ts).
 */

/** The `index`-th (1-based) part of `text` split on the one-character `separator`; '' when absent. */
export function nthPart(text: string, separator: string, index: number): string {
  if (separator === '') {
    return index === 1 ? text : '';
  }
  let start = 0;
  for (let i = 1; i < index; i++) {
    const next = text.indexOf(separator, start);
    if (next === -1) {
      return '';
    }
    start = next + 1;
  }
  const end = text.indexOf(separator, start);
  return end === -1 ? text.slice(start) : text.slice(start, end);
}

/** Number of parts of `text` split on `separator` (an empty text has one empty part, as in `split`). */
export function countParts(text: string, separator: string): number {
  if (separator === '') {
    return 1;
  }
  let count = 1;
  let at = text.indexOf(separator);
  while (at !== -1) {
    count++;
    at = text.indexOf(separator, at + 1);
  }
  return count;
}

/** `text.split(separator)`, with an undeclared ('') separator meaning "no split". */
export function splitOn(text: string, separator: string): string[] {
  return separator === '' ? [text] : text.split(separator);
}
