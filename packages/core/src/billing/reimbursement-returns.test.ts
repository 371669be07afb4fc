import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReturnsCsv, parseReturnsJson, returnsCsvHeader } from './reimbursement-returns.js';

const csv = (...lines: string[]) => [returnsCsvHeader, ...lines].join('\r\n');

describe('reimbursement returns (RSP exchange form)', () => {
  it('reads payments and rejections, CRLF, a BOM, quoted reasons with ";"', () => {
    const outcome = parseReturnsCsv(
      `\uFEFF${csv('F2026-000123;870;;;2026-03-10;AMO', 'F2026-000124;0;R12;"Droits fermés; voir caisse";2026-03-11;amc', '')}`
    );
    expect(outcome).toEqual({
      ok: true,
      lines: [
        {
          line: 2,
          invoiceNumber: 'F2026-000123',
          paidCents: 870,
          rejectionCode: null,
          rejectionReason: null,
          paymentDate: '2026-03-10',
          payer: 'AMO',
        },
        {
          line: 3,
          invoiceNumber: 'F2026-000124',
          paidCents: 0,
          rejectionCode: 'R12',
          rejectionReason: 'Droits fermés; voir caisse',
          paymentDate: '2026-03-11',
          payer: 'AMC',
        },
      ],
    });
  });

  it('lists every bad line with its number and field, and returns no line at all', () => {
    const outcome = parseReturnsCsv(
      csv(
        'F2026-000123;870;;;2026-03-10;AMO',
        'A2026-000001;870;;;2026-03-10;AMO', // a credit note is not reimbursed
        'F2026-000125;8,70;;;2026-03-10;AMO', // euros, not cents
        'F2026-000126;0;;;2026-03-10;AMO', // neither paid nor rejected
        'F2026-000127;0;R1;motif;10/03/2026;AMO', // French date
        'F2026-000128;0;R1;motif;2026-03-10;CPAM',
        'F2026-000129;0;R1;2026-03-10;AMO', // a field missing
        'F2026-000123;0;R1;motif;2026-03-11;AMO' // second AMO return for line 2's invoice
      )
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.errors.map((e) => [e.line, e.field])).toEqual([
        [3, 'invoiceNumber'],
        [4, 'paidCents'],
        [5, 'paidCents'],
        [6, 'paymentDate'],
        [7, 'payer'],
        [8, null],
        [9, 'invoiceNumber'],
      ]);
      expect(outcome.errors[0]?.message).toContain('A2026-000001');
    }
  });

  it('refuses a file without the documented header, and an empty file', () => {
    const wrong = parseReturnsCsv('facture;montant\nF2026-000123;870');
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.errors[0]?.line).toBe(1);
    expect(parseReturnsCsv(csv()).ok).toBe(false);
  });

  it('reads the JSON form, array or { lines }, and refuses unknown fields', () => {
    const record = {
      invoiceNumber: 'F2026-000123',
      paidCents: 0,
      rejectionCode: 'R12',
      rejectionReason: 'Droits fermés',
      paymentDate: '2026-03-10',
      payer: 'AMO',
    };
    const fromArray = parseReturnsJson([record]);
    expect(fromArray.ok && fromArray.lines[0]).toMatchObject({ line: 1, rejectionCode: 'R12', paidCents: 0 });
    expect(parseReturnsJson({ lines: [record] }).ok).toBe(true);
    const extra = parseReturnsJson([{ ...record, montant: 3 }]);
    expect(!extra.ok && extra.errors[0]).toMatchObject({ line: 1, field: 'montant' });
    const negative = parseReturnsJson([{ ...record, paidCents: -1 }]);
    expect(!negative.ok && negative.errors[0]).toMatchObject({ line: 1, field: 'paidCents' });
    expect(parseReturnsJson('F2026-000123').ok).toBe(false);
  });

  it('never throws, whatever the text (property)', () => {
    const piece = fc.constantFrom('F2026-000123', '870', '', ';', '"', 'R1', '2026-03-10', 'AMO', '\n', 'é', '-1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const outcome = parseReturnsCsv(`${returnsCsvHeader}\n${pieces.join('')}`);
        expect(typeof outcome.ok).toBe('boolean');
      })
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(typeof parseReturnsJson(value).ok).toBe('boolean');
      })
    );
  });

  it('a well-formed line always reads back as written (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom('AMO', 'AMC'),
        (sequence, paid, payer) => {
          const number = `F2026-${String(sequence).padStart(6, '0')}`;
          const outcome = parseReturnsCsv(csv(`${number};${paid};;;2026-03-10;${payer}`));
          expect(outcome.ok && outcome.lines[0]).toMatchObject({ invoiceNumber: number, paidCents: paid, payer });
        }
      )
    );
  });
});
