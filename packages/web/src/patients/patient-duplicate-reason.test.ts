import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.js';
import { duplicateReasonLabel } from './patient-duplicate-reason.js';

describe('duplicateReasonLabel', () => {
  it('puts a known reason code in words, in the UI language', async () => {
    await i18n.changeLanguage('fr');
    expect(duplicateReasonLabel(i18n.t, 'PHONETIC_NAME')).toBe('Nom phonétiquement proche');
    await i18n.changeLanguage('en');
    expect(duplicateReasonLabel(i18n.t, 'BIRTH_DAY_MONTH_SWAPPED')).toBe('Day and month swapped');
    await i18n.changeLanguage('fr');
  });

  it('shows a code it does not know as is', () => {
    expect(duplicateReasonLabel(i18n.t, 'SAME_MOTHER')).toBe('SAME_MOTHER');
    expect(duplicateReasonLabel(i18n.t, 'toString')).toBe('toString');
  });
});
