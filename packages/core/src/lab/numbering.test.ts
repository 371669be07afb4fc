import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatOrderNumber,
  formatSpecimenBarcode,
  orderLabDay,
  parseOrderNumber,
  parseSpecimenBarcode,
} from './numbering.js';

describe('order numbers YYMMDDNNNN', () => {
  it.each([
    ['2026-03-10', 1, '2603100001'],
    ['2026-03-10', 42, '2603100042'],
    ['2026-12-31', 9999, '2612319999'],
    ['2000-01-01', 1, '0001010001'],
  ])('%s #%i → %s', (labDay, sequence, expected) => {
    expect(formatOrderNumber(labDay, sequence)).toBe(expected);
    expect(parseOrderNumber(expected)).toEqual({ orderNumber: expected, labDay, sequence });
  });

  it.each([
    ['2026-03-10', 10_000, 'SIL_ORDER_SEQUENCE_EXHAUSTED'],
    ['2026-03-10', 0, 'SIL_ORDER_NUMBER_INVALID'],
    ['2026-03-10', 1.5, 'SIL_ORDER_NUMBER_INVALID'],
    ['2026-02-30', 1, 'SIL_ORDER_NUMBER_INVALID'],
    ['1999-12-31', 1, 'SIL_ORDER_NUMBER_INVALID'],
    ['2100-01-01', 1, 'SIL_ORDER_NUMBER_INVALID'],
  ])('%s #%d → %s', (labDay, sequence, code) => {
    expect(() => formatOrderNumber(labDay, sequence)).toThrowError(expect.objectContaining({ code }));
  });

  it.each(['260310001', '26031000011', '2602300001', '2603100000', '26031O0001', ''])(
    '%j is not an order number',
    (text) => {
      expect(parseOrderNumber(text)).toBeNull();
    }
  );

  it('the lab day is the Paris calendar day of registration', () => {
    expect(orderLabDay('2026-03-10T23:30:00Z')).toBe('2026-03-11'); // 00:30 CET
    expect(orderLabDay('2026-07-10T21:59:00Z')).toBe('2026-07-10'); // 23:59 CEST
    expect(orderLabDay(new Date('2026-07-10T22:00:00Z'))).toBe('2026-07-11');
  });
});

describe('specimen barcodes: order number + 2-digit tube rank', () => {
  it.each([
    ['2603100042', 1, '260310004201'],
    ['2603100042', 12, '260310004212'],
    ['2603100042', 99, '260310004299'],
  ])('%s tube %i → %s', (orderNumber, tubeIndex, barcode) => {
    expect(formatSpecimenBarcode(orderNumber, tubeIndex)).toBe(barcode);
    expect(parseSpecimenBarcode(barcode)).toEqual({
      barcode,
      orderNumber,
      labDay: '2026-03-10',
      sequence: 42,
      tubeIndex,
    });
  });

  it('ignores what scanners and keyboards add around the code (CR, LF, TAB, spaces)', () => {
    expect(parseSpecimenBarcode(' 260310004201\r\n')?.barcode).toBe('260310004201');
    expect(parseSpecimenBarcode('260310004201\t')?.tubeIndex).toBe(1);
  });

  it.each([
    ['2603100042', 100, 'SIL_SPECIMEN_TUBE_INDEX_EXHAUSTED'],
    ['2603100042', 0, 'SIL_SPECIMEN_BARCODE_INVALID'],
    ['260310004', 1, 'SIL_ORDER_NUMBER_INVALID'],
    [' 2603100042', 1, 'SIL_ORDER_NUMBER_INVALID'],
  ])('%j tube %i → %s', (orderNumber, tubeIndex, code) => {
    expect(() => formatSpecimenBarcode(orderNumber, tubeIndex)).toThrowError(expect.objectContaining({ code }));
  });

  it.each(['260310004200', '2603100042', '2603100042011', '260230004201', '26031000420A', '2603100042 01'])(
    '%j is not a specimen barcode',
    (text) => {
      expect(parseSpecimenBarcode(text)).toBeNull();
    }
  );

  it('parse ∘ format is the identity over every valid day, counter and tube', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 99 }),
        (date, sequence, tubeIndex) => {
          const labDay = date.toISOString().slice(0, 10);
          const orderNumber = formatOrderNumber(labDay, sequence);
          const barcode = formatSpecimenBarcode(orderNumber, tubeIndex);
          expect(barcode).toMatch(/^\d{12}$/);
          expect(parseSpecimenBarcode(barcode)).toEqual({ barcode, orderNumber, labDay, sequence, tubeIndex });
        }
      )
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 16 }), (text) => {
        expect(() => parseSpecimenBarcode(text)).not.toThrow();
        expect(() => parseOrderNumber(text)).not.toThrow();
      })
    );
  });
});
