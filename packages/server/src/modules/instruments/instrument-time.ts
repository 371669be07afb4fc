/**
 * Instrument timestamps: ASTM E1394 §5.6.2 `YYYYMMDDHHMMSS` and HL7 DTM `YYYYMMDD[HHMM[SS[.S…]]][±ZZZZ]`.
 * Without an offset the time is the analyzer's clock, which a French lab sets to Europe/Paris
 * local time, so it is read in that zone (summer and winter time included).
 */

const pattern = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(?:(\d{2})(?:\.(\d{1,4}))?)?)?([+-]\d{4})?$/;

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Minutes Europe/Paris is ahead of UTC at this instant (+60 in winter, +120 in summer). */
function parisOffsetMinutes(utcMs: number): number {
  const parts = Object.fromEntries(parisParts.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second)
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/** The UTC offset a timestamp carries (`…+0900` → 540), undefined when it has none. */
export function timeOffsetOf(text: string): number | undefined {
  const offset = pattern.exec(text.trim())?.[8];
  if (offset === undefined) {
    return undefined;
  }
  return (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
}

/**
 * ISO-8601 UTC string of an instrument timestamp, or null when it is absent or not a date. Without
 * its own offset, a timestamp takes `defaultOffsetMinutes` (HL7 v2.5 §2.A.22: the sender's time
 * zone, i.e. the one of MSH-7), else Europe/Paris.
 */
export function parseInstrumentTime(text: string, defaultOffsetMinutes?: number): string | null {
  const match = pattern.exec(text.trim());
  if (match === null) {
    return null;
  }
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', offset] = match;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const millis = fraction === '' ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
  const wall = Date.UTC(Number(y), month - 1, day, hour, minute, second, millis);
  if (new Date(wall).getUTCDate() !== day) {
    return null; // 31 February and the like
  }
  let utc: number;
  if (offset === undefined && defaultOffsetMinutes !== undefined) {
    utc = wall - defaultOffsetMinutes * 60_000;
  } else if (offset === undefined) {
    // Two passes settle the offset around a daylight-saving change.
    const first = wall - parisOffsetMinutes(wall) * 60_000;
    utc = wall - parisOffsetMinutes(first) * 60_000;
  } else {
    const sign = offset.startsWith('-') ? -1 : 1;
    const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5));
    utc = wall - sign * minutes * 60_000;
  }
  return new Date(utc).toISOString();
}

/** Minutes Europe/Paris is ahead of UTC at `date` (for HL7 timestamps written with their offset). */
export function parisUtcOffsetMinutes(date: Date): number {
  return parisOffsetMinutes(date.getTime());
}

/** ASTM E1394 §5.6.2 `YYYYMMDDHHMMSS`, Europe/Paris wall-clock time. */
export function formatAstmTimestamp(date: Date): string {
  const local = new Date(date.getTime() + parisOffsetMinutes(date.getTime()) * 60_000);
  return local.toISOString().slice(0, 19).replace(/[-T:]/g, '');
}
