import { Badge, Center, Group, Loader, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../api/notify.js';
import type { ItemList, Role, RoleInfo } from '../api/types.js';
import { adminKeys, fetchRoles, updateRole } from './admin-api.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';

/** The permission matrix (read-only data) and, per role, whether TOTP is required. */
export function AdminRolesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roles = useQuery({ queryKey: adminKeys.roles, queryFn: fetchRoles });
  const mutation = useMutation({
    mutationFn: ({ role, totpRequired }: { role: Role; totpRequired: boolean }) => updateRole(role, totpRequired),
    // Optimistic: the switch moves at once; it moves back if the server refuses.
    onMutate: async ({ role, totpRequired }) => {
      await queryClient.cancelQueries({ queryKey: adminKeys.roles });
      const previous = queryClient.getQueryData<ItemList<RoleInfo>>(adminKeys.roles);
      if (previous !== undefined) {
        queryClient.setQueryData<ItemList<RoleInfo>>(adminKeys.roles, {
          items: previous.items.map((info) => (info.role === role ? { ...info, totpRequired } : info)),
        });
      }
      return { previous };
    },
    onSuccess: (info) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.roles });
      notifySuccess(
        info.totpRequired
          ? t('admin.roles.totpNowRequired', { role: t(`roles.${info.role}`) })
          : t('admin.roles.totpNowOptional', { role: t(`roles.${info.role}`) })
      );
    },
    onError: (error, _variables, context) => {
      if (context?.previous !== undefined) {
        queryClient.setQueryData(adminKeys.roles, context.previous);
      }
      notifyError(error, t('common.unknownError'));
    },
  });

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h3">
          {t('admin.roles.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admin.roles.intro')}
        </Text>
      </div>
      {roles.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : roles.isError ? (
        <ApiErrorAlert error={roles.error} />
      ) : (
        <Table withTableBorder data-testid="admin-roles-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.roles.role')}</Table.Th>
              <Table.Th>{t('admin.roles.permissions')}</Table.Th>
              <Table.Th>{t('admin.roles.totpRequired')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roles.data.items.map((info) => (
              <Table.Tr key={info.role}>
                <Table.Td fw={600}>{t(`roles.${info.role}`)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {info.permissions.map((permission) => (
                      <Badge key={permission} size="xs" variant="outline" color="gray" tt="none">
                        {permission}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Switch
                    checked={info.totpRequired}
                    onChange={(event) =>
                      mutation.mutate({ role: info.role, totpRequired: event.currentTarget.checked })
                    }
                    aria-label={t('admin.roles.totpAria', { role: t(`roles.${info.role}`) })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
