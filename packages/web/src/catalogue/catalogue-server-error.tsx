import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { isApiError } from '../api/api-error.js';

/**
 * A save refused by the server: its title (French or English, from the error catalog), then each
 * issue with the field it concerns (`referenceIntervals[1] : chevauche intervals[0]`), so a rule
 * the form does not check yet is still explained. A version conflict says to reload.
 */
export function CatalogueServerError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const issues = isApiError(error) ? error.errors : [];
  return (
    <ApiErrorAlert error={error}>
      {issues.length > 0 ? (
        <List size="sm" data-testid="catalogue-server-issues">
          {issues.map((issue) => (
            <List.Item key={`${issue.path}:${issue.message}`}>
              {issue.path === '' ? issue.message : `${issue.path} : ${issue.message}`}
            </List.Item>
          ))}
        </List>
      ) : null}
      {isApiError(error) && error.code === 'SIL_CONFLICT' ? (
        <Text size="sm">{t('catalogue.form.conflict')}</Text>
      ) : null}
    </ApiErrorAlert>
  );
}
