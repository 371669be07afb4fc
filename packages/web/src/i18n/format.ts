import type { Locale } from '../api/types.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Date and time as shown to users: Europe/Paris (DESIGN.md § Conventions), in the UI language. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (iso === null || iso === undefined || iso === '') {
    return '—';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  const key = `${locale}:datetime`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'medium',
      timeZone: 'Europe/Paris',
    });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}
