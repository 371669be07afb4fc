import { Badge, Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppConfirmDialog } from '../app/app-confirm-dialog.js';
import { notifyError, notifySuccess } from '../api/notify.js';
import type { ApiToken, Permission } from '../api/types.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { adminKeys, fetchRoles, fetchTokens, revokeToken } from './admin-api.js';
import { AdminTokenCreateModal } from './admin-token-create-modal.js';
import { AdminTokenRevealModal } from './admin-token-reveal-modal.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';

/** Used when the role matrix cannot be read: the permissions of contract v1. */
const knownPermissions: readonly Permission[] = [
  'patients.read',
  'patients.write',
  'patients.merge',
  'sites.read',
  'sites.manage',
  'users.manage',
  'tokens.manage',
  'audit.read',
];

/** API tokens for machine clients (Authorization: Bearer …), scoped, revocable. */
export function AdminTokensPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: adminKeys.tokens, queryFn: fetchTokens });
  const roles = useQuery({ queryKey: adminKeys.roles, queryFn: fetchRoles, retry: false });
  const [creating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState<{ token: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const locale = currentLocale();

  const scopes = roles.data
    ? [...new Set(roles.data.items.flatMap((info) => info.permissions))].sort()
    : [...knownPermissions];

  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeToken(token.id),
    onSuccess: (_result, token) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.tokens });
      notifySuccess(t('admin.tokens.revoked', { name: token.name }));
      setRevoking(null);
    },
    onError: (error) => notifyError(error, t('common.unknownError')),
  });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={1} size="h3">
            {t('admin.tokens.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('admin.tokens.intro')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('admin.tokens.new')}
        </Button>
      </Group>
      {tokens.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : tokens.isError ? (
        <ApiErrorAlert error={tokens.error} />
      ) : tokens.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.tokens.none')}
        </Text>
      ) : (
        <Table striped withTableBorder data-testid="admin-tokens-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.tokens.name')}</Table.Th>
              <Table.Th>{t('admin.tokens.scopes')}</Table.Th>
              <Table.Th>{t('admin.tokens.createdAt')}</Table.Th>
              <Table.Th>{t('admin.tokens.lastUsedAt')}</Table.Th>
              <Table.Th>{t('admin.users.status')}</Table.Th>
              <Table.Th aria-label={t('common.actions')} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.items.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {token.scopes.map((scope) => (
                      <Badge key={scope} size="xs" variant="outline" color="gray" tt="none">
                        {scope}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td fz="xs">{formatDateTime(token.createdAt, locale)}</Table.Td>
                <Table.Td fz="xs">{formatDateTime(token.lastUsedAt, locale)}</Table.Td>
                <Table.Td>
                  {token.revokedAt === null ? (
                    <Badge size="xs" color="teal" variant="dot">
                      {t('admin.tokens.activeState')}
                    </Badge>
                  ) : (
                    <Badge size="xs" color="gray" variant="dot">
                      {t('admin.tokens.revokedState', { date: formatDateTime(token.revokedAt, locale) })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {token.revokedAt === null ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} />}
                      onClick={() => setRevoking(token)}
                    >
                      {t('admin.tokens.revoke')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AdminTokenCreateModal
        opened={creating}
        availableScopes={scopes}
        onClose={() => setCreating(false)}
        onCreated={(created, name) => {
          setCreating(false);
          setRevealed({ token: created.token, name });
        }}
      />
      <AdminTokenRevealModal
        token={revealed?.token ?? null}
        name={revealed?.name ?? ''}
        onClose={() => setRevealed(null)}
      />
      <AppConfirmDialog
        opened={revoking !== null}
        title={t('admin.tokens.revokeTitle')}
        message={t('admin.tokens.revokeConfirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('admin.tokens.revoke')}
        loading={revoke.isPending}
        onConfirm={() => {
          if (revoking !== null) {
            revoke.mutate(revoking);
          }
        }}
        onCancel={() => setRevoking(null)}
      />
    </Stack>
  );
}
