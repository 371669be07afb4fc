/**
 * Dates of the CNAM/SNDS reference tables: `DDMONYYYY:hh:mm:ss` with English month abbreviations
 * (SAS DATETIME format), e.g. `30MAR1997:00:00:00`; `31DEC9999` marks an open end (IR_BTF_R).
 */
import { formatIsoDate, parseIsoDate, type IsoDate } from './iso-date.js';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const CNAM_DATE = /^(\d{2})([A-Z]{3})(\d{4})(?::(\d{2}):(\d{2}):(\d{2}))?$/;

export const CNAM_OPEN_END: IsoDate = '9999-12-31';

/** `30MAR1997:00:00:00` → `1997-03-30`; `null` when malformed. Times other than midnight are refused (tariff dates are days). */
export function parseCnamDate(text: string): IsoDate | null {
  const match = CNAM_DATE.exec(text.trim().toUpperCase());
  if (match === null) {
    return null;
  }
  const month = MONTHS.indexOf(match[2] ?? '') + 1;
  if (month === 0 || [match[4], match[5], match[6]].some((part) => part !== undefined && part !== '00')) {
    return null;
  }
  const iso = formatIsoDate(Number(match[3]), month, Number(match[1]));
  return parseIsoDate(iso) === null ? null : iso;
}
