import 'i18next';
import type { fr } from './fr.js';

// Typed translation keys: t('patients.create.title') is checked against the French resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}
