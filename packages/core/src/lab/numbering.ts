/**
 * Order numbers and specimen barcodes (pure formatting and parsing; the server allocates the
 * counters without gaps inside the order's transaction).
 *
 * - Order number: `YYMMDDNNNN` — the Europe/Paris lab day of registration and a 4-digit counter per
 *   day (0001–9999). 10 characters: HPRIM's request id holds at most 10.
 * - Specimen barcode: order number + 2-digit tube rank in the order of draw (01–99). 12 characters:
 *   HPRIM's sample id holds at most 12. All digits, so Code 128 encodes it in code set C, two digits
 *   per symbol: the shortest bar code for a 50 × 25 mm tube label.
 * - No check character of our own: Code 128 carries a mandatory modulo-103 symbol check character
 *   (ISO/IEC 15417 §4.7.2) that protects every scan, and a 13th character would exceed HPRIM's 12.
 *   A typed barcode is protected otherwise: reception shows the patient's identity traits for the
 *   tube and asks for their confirmation (CSP R6211-22 identification), and an unknown number is
 *   refused. Years are 20YY (2000–2099).
 */
import { SillageError } from '../errors/sillage-error.js';
import { parseIsoDate } from '../billing/iso-date.js';
import { parisDateOf, type LabInstant } from './lab-instant.js';

export const ORDER_SEQUENCE_MAX = 9999;
export const SPECIMEN_TUBE_INDEX_MAX = 99;

export interface ParsedOrderNumber {
  readonly orderNumber: string;
  /** Lab day `YYYY-MM-DD` (Europe/Paris). */
  readonly labDay: string;
  readonly sequence: number;
}

export interface ParsedSpecimenBarcode extends ParsedOrderNumber {
  readonly barcode: string;
  readonly tubeIndex: number;
}

/** The lab day (Europe/Paris calendar date) an instant belongs to: the key of the order counter. */
export function orderLabDay(registeredAt: LabInstant): string {
  return parisDateOf(registeredAt);
}

/**
 * `YYMMDDNNNN` for a lab day and a counter value. Throws `SIL_ORDER_SEQUENCE_EXHAUSTED` beyond 9999
 * and `SIL_ORDER_NUMBER_INVALID` for a day outside 2000–2099 or a counter below 1.
 */
export function formatOrderNumber(labDay: string, sequence: number): string {
  const day = parseIsoDate(labDay);
  if (day === null || day.year < 2000 || day.year > 2099 || !Number.isInteger(sequence) || sequence < 1) {
    throw new SillageError('SIL_ORDER_NUMBER_INVALID', { detail: `${labDay} #${sequence}` });
  }
  if (sequence > ORDER_SEQUENCE_MAX) {
    throw new SillageError('SIL_ORDER_SEQUENCE_EXHAUSTED', { detail: labDay });
  }
  const yy = String(day.year % 100).padStart(2, '0');
  const mm = String(day.month).padStart(2, '0');
  const dd = String(day.day).padStart(2, '0');
  return `${yy}${mm}${dd}${String(sequence).padStart(4, '0')}`;
}

function readOrderNumber(digits: string): ParsedOrderNumber | null {
  const labDay = `20${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4, 6)}`;
  const sequence = Number(digits.slice(6, 10));
  if (parseIsoDate(labDay) === null || sequence < 1) {
    return null;
  }
  return { orderNumber: digits.slice(0, 10), labDay, sequence };
}

/** Reads an order number (surrounding blanks ignored), or `null` when it is not one. */
export function parseOrderNumber(text: string): ParsedOrderNumber | null {
  const digits = text.trim();
  return /^\d{10}$/.test(digits) ? readOrderNumber(digits) : null;
}

/**
 * The barcode of the `tubeIndex`-th tube (1–99) of an order. Throws `SIL_ORDER_NUMBER_INVALID` for a
 * malformed order number and `SIL_SPECIMEN_TUBE_INDEX_EXHAUSTED` beyond 99.
 */
export function formatSpecimenBarcode(orderNumber: string, tubeIndex: number): string {
  if (parseOrderNumber(orderNumber) === null || orderNumber !== orderNumber.trim()) {
    throw new SillageError('SIL_ORDER_NUMBER_INVALID', { detail: orderNumber });
  }
  if (!Number.isInteger(tubeIndex) || tubeIndex < 1) {
    throw new SillageError('SIL_SPECIMEN_BARCODE_INVALID', { detail: `${orderNumber} tube ${tubeIndex}` });
  }
  if (tubeIndex > SPECIMEN_TUBE_INDEX_MAX) {
    throw new SillageError('SIL_SPECIMEN_TUBE_INDEX_EXHAUSTED', { detail: orderNumber });
  }
  return `${orderNumber}${String(tubeIndex).padStart(2, '0')}`;
}

/**
 * Reads a scanned or typed specimen barcode. Scanners append CR, LF or TAB and keyboards add spaces:
 * surrounding blanks are ignored. Returns `null` when it is not a specimen barcode.
 */
export function parseSpecimenBarcode(text: string): ParsedSpecimenBarcode | null {
  const digits = text.trim();
  if (!/^\d{12}$/.test(digits)) {
    return null;
  }
  const order = readOrderNumber(digits);
  const tubeIndex = Number(digits.slice(10, 12));
  if (order === null || tubeIndex < 1) {
    return null;
  }
  return { ...order, barcode: digits, tubeIndex };
}
