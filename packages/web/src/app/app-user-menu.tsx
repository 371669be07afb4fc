import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../api/notify.js';
import { logout } from '../auth/auth-api.js';
import { useCurrentUser } from '../auth/current-user-context.js';
import { paths } from './paths.js';
import { navigate } from './router.js';

export function AppUserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logoutMutation = useMutation({
    mutationFn: logout,
    onSuccess: () => {
      // Medical secrecy: a full reload leaves nothing of the previous user's screens in memory,
      // and the next user starts from the root URL, not from the previous user's last page.
      window.location.replace(paths.root);
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
