import { Badge, Button, Center, Group, Loader, Stack, Table, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.js';
import { adminKeys, fetchSites } from './admin-api.js';
import { AdminSiteFormModal } from './admin-site-form-modal.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';

type Editing = { kind: 'closed' } | { kind: 'create' } | { kind: 'edit'; site: Site };

export function AdminSitesPage() {
  const { t } = useTranslation();
  const sites = useQuery({ queryKey: adminKeys.sites, queryFn: fetchSites });
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h3">
          {t('admin.sites.title')}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ kind: 'create' })}>
          {t('admin.sites.new')}
        </Button>
      </Group>
      {sites.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : sites.isError ? (
        <ApiErrorAlert error={sites.error} />
      ) : (
        <Table striped withTableBorder data-testid="admin-sites-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.sites.code')}</Table.Th>
              <Table.Th>{t('admin.sites.name')}</Table.Th>
              <Table.Th>{t('admin.sites.finess')}</Table.Th>
              <Table.Th>{t('admin.sites.territory')}</Table.Th>
              <Table.Th>{t('admin.sites.address')}</Table.Th>
              <Table.Th>{t('admin.users.status')}</Table.Th>
              <Table.Th aria-label={t('common.actions')} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sites.data.items.map((site) => (
              <Table.Tr key={site.id}>
                <Table.Td ff="monospace">{site.code}</Table.Td>
                <Table.Td>{site.name}</Table.Td>
                <Table.Td ff="monospace">{site.finess ?? '—'}</Table.Td>
                <Table.Td>{t(`territories.${site.territory}`)}</Table.Td>
                <Table.Td>{site.address ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge size="xs" color={site.active ? 'teal' : 'gray'} variant="dot">
                    {site.active ? t('admin.users.activeState') : t('admin.users.inactiveState')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => setEditing({ kind: 'edit', site })}
                  >
                    {t('common.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AdminSiteFormModal
        opened={editing.kind !== 'closed'}
        site={editing.kind === 'edit' ? editing.site : null}
        onClose={() => setEditing({ kind: 'closed' })}
      />
    </Stack>
  );
}
