/**
 * HL7 DTM timestamps (HL7 v2.5 §2.A.22: `YYYYMMDDHHMMSS[.S…][+/-ZZZZ]`). Core stays pure: the caller
 * chooses the UTC offset (Europe/Paris is +0100 or +0200 depending on the date).
 */

/** Writes `date` as `YYYYMMDDHHMMSS±HHMM` at the given offset from UTC in minutes (default 0). '' for an invalid date. */
export function formatHl7DateTime(date: Date, offsetMinutes = 0): string {
  const time = date.getTime();
  if (Number.isNaN(time) || !Number.isInteger(offsetMinutes)) {
    return '';
  }
  const local = new Date(time + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return (
    pad(local.getUTCFullYear(), 4) +
    pad(local.getUTCMonth() + 1, 2) +
    pad(local.getUTCDate(), 2) +
    pad(local.getUTCHours(), 2) +
    pad(local.getUTCMinutes(), 2) +
    pad(local.getUTCSeconds(), 2) +
    sign +
    pad(Math.floor(absolute / 60), 2) +
    pad(absolute % 60, 2)
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
