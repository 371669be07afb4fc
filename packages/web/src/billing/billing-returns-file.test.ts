import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.js';
import { returnsFormatOf, returnsLineErrorsOf } from './billing-returns-file.js';

describe('returns file', () => {
  it('tells CSV from JSON by the name, else by the first character', () => {
    expect(returnsFormatOf('rsp-2026-03-10.csv', '[]')).toBe('csv');
    expect(returnsFormatOf('RSP.JSON', 'invoiceNumber;')).toBe('json');
    expect(returnsFormatOf('retours', '\uFEFF  { "lines": [] }')).toBe('json');
    expect(returnsFormatOf('retours', 'invoiceNumber;paidCents')).toBe('csv');
  });

  it('reads the per-line errors of a refused file, in line order, ignoring malformed entries', () => {
    const error = new ApiError({
      code: 'SIL_RETURNS_FILE_INVALID',
      title: 'Fichier de retours refusé',
      status: 422,
      extensions: {
        errorCount: 3,
        lineErrors: [
          { line: 5, field: 'payer', message: 'pas de part complémentaire' },
          { line: 3, field: null, message: 'facture F2026-999999 inconnue' },
          { line: 'x', message: 'ignored' },
        ],
      },
    });
    expect(returnsLineErrorsOf(error)).toEqual([
      { line: 3, field: null, message: 'facture F2026-999999 inconnue' },
      { line: 5, field: 'payer', message: 'pas de part complémentaire' },
    ]);
    expect(
      returnsLineErrorsOf(new ApiError({ code: 'SIL_RETURNS_ALREADY_IMPORTED', title: 'x', status: 409 }))
    ).toEqual([]);
    expect(returnsLineErrorsOf(new Error('network'))).toEqual([]);
  });
});
