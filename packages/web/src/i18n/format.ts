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

const euroFormatters = new Map<string, Intl.NumberFormat>();

/** Integer cents as euros in the UI language: `12,34 €` (money is integer cents, DESIGN.md). */
export function formatEuros(cents: number, locale: Locale): string {
  let formatter = euroFormatters.get(locale);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' });
    euroFormatters.set(locale, formatter);
  }
  return formatter.format(cents / 100);
}

/** The calendar day of an instant, in Europe/Paris (`12/03/2025`). */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (iso === null || iso === undefined || iso === '') {
    return '—';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  const key = `${locale}:date`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'short',
      timeZone: 'Europe/Paris',
    });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}
