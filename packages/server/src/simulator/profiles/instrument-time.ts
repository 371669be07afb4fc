/**
 * Instruments stamp local wall-clock time without a zone (ASTM E1394 §7.1.10 `YYYYMMDDHHMMSS`;
 * HL7 OBX-19 as the Roche captures write it); HL7 MSH-7 adds the offset (`+0100`).
 */
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

export function localTimestamp(date: Date): string {
  return (
    pad(date.getFullYear(), 4) +
    pad(date.getMonth() + 1) +
    pad(date.getDate()) +
    pad(date.getHours()) +
    pad(date.getMinutes()) +
    pad(date.getSeconds())
  );
}

export function localTimestampWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return `${localTimestamp(date)}${sign}${pad(Math.floor(absolute / 60))}${pad(absolute % 60)}`;
}

/** `YYYYMMDD`, a number of days after `date` (reagent and control expiry). */
export function localDatePlusDays(date: Date, days: number): string {
  const later = new Date(date.getTime() + days * 86_400_000);
  return localTimestamp(later).slice(0, 8);
}
