import { Badge, Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { adminKeys, fetchSites, fetchUsers } from './admin-api.js';
import { AdminUserFormModal } from './admin-user-form-modal.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';

type Editing = { kind: 'closed' } | { kind: 'create' } | { kind: 'edit'; user: User };

export function AdminUsersPage() {
  const { t } = useTranslation();
  const users = useQuery({ queryKey: adminKeys.users, queryFn: fetchUsers });
  const sites = useQuery({ queryKey: adminKeys.sites, queryFn: fetchSites });
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });
  const siteCodes = new Map((sites.data?.items ?? []).map((site) => [site.id, site.code]));
  const locale = currentLocale();

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h3">
          {t('admin.users.title')}
        </Title>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing({ kind: 'create' })}>
          {t('admin.users.new')}
        </Button>
      </Group>
      {users.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : users.isError ? (
        <ApiErrorAlert error={users.error} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover withTableBorder data-testid="admin-users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.users.username')}</Table.Th>
                <Table.Th>{t('admin.users.displayName')}</Table.Th>
                <Table.Th>{t('admin.users.roles')}</Table.Th>
                <Table.Th>{t('admin.users.sites')}</Table.Th>
                <Table.Th>{t('admin.users.status')}</Table.Th>
                <Table.Th>{t('admin.users.totp')}</Table.Th>
                <Table.Th>{t('admin.users.lastLogin')}</Table.Th>
                <Table.Th aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((user) => (
                <Table.Tr key={user.id} data-testid="admin-user-row" data-username={user.username}>
                  <Table.Td ff="monospace" id={`admin-user-${user.id}-username`}>
                    {user.username}
                  </Table.Td>
                  <Table.Td>{user.displayName}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.roles.map((role) => (
                        <Badge key={role} size="xs" variant="light">
                          {t(`roles.${role}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{user.siteIds.map((id) => siteCodes.get(id) ?? id).join(', ') || '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="xs" color={user.active ? 'teal' : 'gray'} variant="dot">
                      {user.active ? t('admin.users.activeState') : t('admin.users.inactiveState')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{user.totpEnabled ? t('common.yes') : t('common.no')}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatDateTime(user.lastLoginAt, locale)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconPencil size={14} />}
                      onClick={() => setEditing({ kind: 'edit', user })}
                      // Described, not labelled, by the username: the row's cells keep distinct names.
                      aria-describedby={`admin-user-${user.id}-username`}
                    >
                      {t('common.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AdminUserFormModal
        opened={editing.kind !== 'closed'}
        user={editing.kind === 'edit' ? editing.user : null}
        sites={sites.data?.items ?? []}
        onClose={() => setEditing({ kind: 'closed' })}
      />
    </Stack>
  );
}
