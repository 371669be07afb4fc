import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import type { VersionMeta } from './catalogue-types.js';

/** « Version 3 en vigueur depuis le … — motif : … » under a catalogue entry's title. */
export function CatalogueVersionLine({ meta }: { meta: VersionMeta }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" data-testid="catalogue-version">
      {t('catalogue.versions.current', {
        version: meta.version,
        date: formatDateTime(meta.validFrom, currentLocale()),
      })}
      {meta.changeReason === null ? '' : ` — ${meta.changeReason}`}
    </Text>
  );
}
