import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../api/notify.js';
import { meQueryKey } from '../api/query-client.js';
import type { Locale } from '../api/types.js';
import { updatePreferences } from '../auth/auth-api.js';
import { CurrentUserContext } from '../auth/current-user-context.js';
import { applyLocale, currentLocale, isLocale } from './i18n.js';

/**
 * FR | EN switch. The choice is kept in localStorage and, once logged in, saved as the user's
 * preference on the server (PATCH /api/auth/preferences), so it follows the user across stations.
 */
export function I18nLanguageSwitch() {
  const { t, i18n } = useTranslation();
  const me = useContext(CurrentUserContext);
  const queryClient = useQueryClient();

  const change = async (value: string) => {
    if (!isLocale(value)) {
      return;
    }
    const locale: Locale = value;
    await applyLocale(locale);
    if (me !== null && me.locale !== locale) {
      try {
        queryClient.setQueryData(meQueryKey, await updatePreferences(locale));
      } catch (error) {
        notifyError(error, t('common.unknownError'));
      }
    }
  };

  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={isLocale(i18n.language) ? i18n.language : currentLocale()}
      onChange={(value) => void change(value)}
      data={[
        { value: 'fr', label: 'FR' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
