import { createApiClient } from './api-client.js';
import type { Locale } from './types.js';

function documentLocale(): Locale {
  return document.documentElement.lang === 'en' ? 'en' : 'fr';
}

/** The app's API client. The i18n module keeps <html lang> in step with the UI language. */
export const api = createApiClient({
  fetch: (input, init) => globalThis.fetch(input, init),
  readCookies: () => document.cookie,
  getLocale: documentLocale,
});
