/**
 * How values read on a French report (compte rendu). The number, unit and interval rules are
 * core's (decimal comma, UCUM → printed units, inclusive one-sided limits as ≤ / ≥); this file
 * adapts the stored rows to them and formats instants in Europe/Paris.
 */
import { formatDecimalFr, formatReferenceInterval, formatUnitForDisplay, type ReferenceInterval } from '@sillage/core';

/** A stored decimal (`numeric` selected as text) with the analyte's decimals, the French way. */
export function formatDecimal(value: string, decimals: number): string {
  const number = Number(value);
  return Number.isFinite(number) ? formatDecimalFr(number, decimals) : value;
}

const qualifierSigns: Record<string, string> = { '<': '<', '>': '>', '<=': '≤', '>=': '≥' };

/** The censoring sign of a value (`< 0,5`), as printed. */
export function formatQualifier(qualifier: string | null): string {
  return qualifier === null ? '' : `${qualifierSigns[qualifier] ?? qualifier} `;
}

export function displayUnit(ucum: string | null): string {
  return ucum === null || ucum.trim() === '' ? '' : formatUnitForDisplay(ucum);
}

function numberOrNull(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
    return Number(value);
  }
  return null;
}

/**
 * The reference interval frozen with a result version (`result_version.reference`), read
 * defensively: the JSON comes from result entry or an instrument; `null` when it holds no limit
 * and no text.
 */
export function readFrozenInterval(reference: unknown): ReferenceInterval | null {
  if (reference === null || typeof reference !== 'object' || Array.isArray(reference)) {
    return null;
  }
  const record = reference as Record<string, unknown>;
  const low = numberOrNull(record.low);
  const high = numberOrNull(record.high);
  const text = typeof record.text === 'string' && record.text.trim() !== '' ? record.text.trim() : undefined;
  if (low === null && high === null && text === undefined) {
    return null;
  }
  return {
    sex: record.sex === 'F' || record.sex === 'M' ? record.sex : null,
    ageMinDays: numberOrNull(record.ageMinDays) ?? 0,
    ageMaxDays: numberOrNull(record.ageMaxDays),
    low,
    high,
    ...(text === undefined ? {} : { text }),
    source: typeof record.source === 'string' ? record.source : '',
  };
}

/** `45 – 104`, `≤ 5,0`, `≥ 60`, or the interval's text; empty when none was frozen. */
export function formatInterval(interval: ReferenceInterval | null, decimals: number): string {
  return interval === null ? '' : formatReferenceInterval(interval, decimals);
}

/**
 * The interval as printed: the display frozen with the value when result entry stored one (what
 * the technician and the biologist saw), else formatted from its limits.
 */
export function frozenIntervalText(reference: unknown, decimals: number): string {
  if (reference !== null && typeof reference === 'object' && !Array.isArray(reference)) {
    const display = (reference as Record<string, unknown>).display;
    if (typeof display === 'string' && display.trim() !== '') {
      return display.trim();
    }
  }
  return formatInterval(readFrozenInterval(reference), decimals);
}

const parisDateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const parisDate = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** `02/03/2026 08:15`, in the lab's time zone (DESIGN.md: dates shown in Europe/Paris). */
export function formatParisDateTime(instant: Date | string): string {
  return parisDateTime.format(new Date(instant)).replace(',', '');
}

export function formatParisDate(instant: Date | string): string {
  return parisDate.format(new Date(instant));
}

/** A calendar date (`YYYY-MM-DD`, no time zone) as `DD/MM/YYYY`. */
export function formatCalendarDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match === null ? date : `${match[3]}/${match[2]}/${match[1]}`;
}
