import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Shown to roles without catalogue.manage: the catalogue is edited by biologists and admins. */
export function CatalogueReadOnlyNotice() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" icon={<IconLock size={16} />} data-testid="catalogue-read-only">
      {t('catalogue.form.readOnly')}
    </Alert>
  );
}
