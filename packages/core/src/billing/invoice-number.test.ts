import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInvoiceNumber, invoiceCounterName, parseInvoiceNumber } from './invoice-number.js';

describe('invoice numbers', () => {
  it.each([
    ['invoice', 2026, 123, 'F2026-000123'],
    ['credit_note', 2026, 1, 'A2026-000001'],
    ['invoice', 2027, 1_000_000, 'F2027-1000000'],
  ] as const)('%s %d #%d → %s', (kind, year, sequence, text) => {
    expect(formatInvoiceNumber(kind, year, sequence)).toBe(text);
    expect(parseInvoiceNumber(text)).toEqual({ kind, year, sequence });
  });

  it('one counter per kind and year (the sequence restarts each year)', () => {
    expect(invoiceCounterName('invoice', 2026)).toBe('invoice:2026');
    expect(invoiceCounterName('credit_note', 2026)).toBe('credit_note:2026');
  });

  it.each(['', 'F2026-12', 'X2026-000001', 'F2026-000000', 'f2026-000001', 'F26-000001'])('refuses « %s »', (text) => {
    expect(parseInvoiceNumber(text)).toBeNull();
  });

  it('refuses a sequence below 1', () => {
    expect(() => formatInvoiceNumber('invoice', 2026, 0)).toThrow(RangeError);
  });

  it('format and parse are inverse (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('invoice' as const, 'credit_note' as const),
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 99_999_999 }),
        (kind, year, sequence) => {
          expect(parseInvoiceNumber(formatInvoiceNumber(kind, year, sequence))).toEqual({ kind, year, sequence });
        }
      )
    );
  });
});
