import { Checkbox, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.js';

/** The sites a user may work on (access is by role and site, DESIGN.md § Who uses it). */
export function AdminSiteCheckboxes({
  sites,
  value,
  onChange,
}: {
  sites: readonly Site[];
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={t('admin.users.sites')} value={value} onChange={onChange}>
      {sites.length === 0 ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('admin.sites.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={6}>
          {sites.map((site) => (
            <Checkbox
              key={site.id}
              value={site.id}
              label={`${site.code} — ${site.name}`}
              size="sm"
              disabled={!site.active && !value.includes(site.id)}
            />
          ))}
        </SimpleGrid>
      )}
    </Checkbox.Group>
  );
}
