import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-error.js';

/**
 * An API error in a page or form. The message goes in the body, not in Mantine's `title`: a titled
 * Alert is labelled by its title (aria-labelledby), and a message such as "Identifiant ou mot de
 * passe incorrect" would then be found by label lookups meant for the fields of the form.
 */
export function ApiErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t } = useTranslation();
  const apiError = isApiError(error) ? error : null;
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} data-testid="api-error" data-code={apiError?.code}>
      <Text size="sm" fw={600}>
        {apiError?.title ?? t('common.unknownError')}
      </Text>
      {apiError?.detail !== undefined ? <Text size="sm">{apiError.detail}</Text> : null}
      {children}
    </Alert>
  );
}
