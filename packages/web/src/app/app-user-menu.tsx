import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../api/notify.js';
import { meQueryKey } from '../api/query-client.js';
import { logout } from '../auth/auth-api.js';
import { useCurrentUser } from '../auth/current-user-context.js';
import { paths } from './paths.js';
import { navigate } from './router.js';

export function AppUserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const logoutMutation = useMutation({
    mutationFn: logout,
    onSuccess: () => {
      // Medical secrecy: nothing of the previous user's screens stays in memory or in the URL.
      navigate(paths.root, { replace: true });
      // Not queryClient.clear(): the current-user observer would keep the removed query and never
      // see the logout. Set it to null (back to the login page), then drop everything else.
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({
        predicate: (query) => !(query.queryKey[0] === meQueryKey[0] && query.queryKey[1] === meQueryKey[1]),
      });
    },
    onError: (error) => notifyError(error, t('common.unknownError')),
  });

  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          rightSection={<IconChevronDown size={14} />}
          loading={logoutMutation.isPending}
          data-testid="app-user-menu"
        >
          {me.displayName}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.username}</Menu.Label>
        <Menu.Item leftSection={<IconUserCircle size={14} />} onClick={() => navigate(paths.account)}>
          {t('nav.account')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={14} />} color="red" onClick={() => logoutMutation.mutate()}>
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
