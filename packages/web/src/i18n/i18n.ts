import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/types.js';
import { en } from './en.js';
import { fr } from './fr.js';

export const supportedLocales: readonly Locale[] = ['fr', 'en'];
export const localeStorageKey = 'sillage.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(localeStorageKey);
    return isLocale(value) ? value : 'fr';
  } catch {
    return 'fr';
  }
}

/** The app's i18next instance: French by default, English available. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: 'fr',
  supportedLngs: supportedLocales,
  interpolation: { escapeValue: false },
  initAsync: false,
});

function syncDocumentLanguage(language: string): void {
  // The API client reads <html lang> to send Accept-Language (server-localized error titles).
  document.documentElement.lang = isLocale(language) ? language : 'fr';
}

syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'fr';
}

/** Switches the UI language and remembers it on this browser. */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(localeStorageKey, locale);
  } catch {
    // Private browsing may refuse storage; the choice still applies to this page.
  }
  if (i18n.language !== locale) {
    await i18n.changeLanguage(locale);
  }
}
