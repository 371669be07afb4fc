/**
 * A reimbursement returns file as the certified SESAM-Vitale software exports it (RETURNS-FORMAT.md):
 * `;` CSV or JSON. The whole file is refused when a line is wrong; the problems come back one per
 * line in the problem+json `lineErrors` extension, shown to the user as a table.
 */
import { isApiError } from '../api/api-error.js';

export type ReturnsFormat = 'csv' | 'json';

export interface ReturnsLineError {
  line: number;
  field: string | null;
  message: string;
}

/** JSON when the name says so or the text opens an array / object; the documented CSV otherwise. */
export function returnsFormatOf(filename: string, text: string): ReturnsFormat {
  if (/\.json$/i.test(filename)) {
    return 'json';
  }
  if (/\.(csv|txt)$/i.test(filename)) {
    return 'csv';
  }
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The per-line problems of a refused file, in line order; empty for any other error. */
export function returnsLineErrorsOf(error: unknown): ReturnsLineError[] {
  if (!isApiError(error) || !Array.isArray(error.extensions['lineErrors'])) {
    return [];
  }
  return (error.extensions['lineErrors'] as unknown[])
    .flatMap((item) =>
      isRecord(item) && typeof item['line'] === 'number' && typeof item['message'] === 'string'
        ? [
            {
              line: item['line'],
              field: typeof item['field'] === 'string' ? item['field'] : null,
              message: item['message'],
            },
          ]
        : []
    )
    .sort((a, b) => a.line - b.line);
}
