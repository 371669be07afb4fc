/**
 * Small shared helpers of the billing module: the lab's calendar day, French dates for the
 * documents (DESIGN.md: dates shown in Europe/Paris), and the text of the "not a certified
 * SESAM-Vitale module" notice printed on every billing document and export.
 */
import { parisDateOf } from '@sillage/core';

/** Sillage prepares billing data; only SESAM-Vitale approved software may build and send an FSE. */
export const notCertifiedNotice =
  'Sillage n’est pas un module agréé SESAM-Vitale : la feuille de soins électronique (FSE) est établie, signée et télétransmise par le logiciel certifié du laboratoire à partir de ces données, qu’il doit vérifier.';

/** Today's date in the lab's time zone (Europe/Paris). */
export function todayInParis(now: Date = new Date()): string {
  return parisDateOf(now);
}

/** `2026-03-02` → `02/03/2026`. */
export function frenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

const parisDateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as `02/03/2026 08:15` (Paris). */
export function frenchDateTime(instant: Date | string): string {
  const parts = Object.fromEntries(
    parisDateTime.formatToParts(typeof instant === 'string' ? new Date(instant) : instant).map((p) => [p.type, p.value])
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

export function isoOf(value: Date | string | null): string | null {
  if (value === null) {
    return null;
  }
  return typeof value === 'string' ? new Date(value).toISOString() : value.toISOString();
}
