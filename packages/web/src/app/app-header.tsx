import { ActionIcon, AppShell, Burger, Group, Text, Tooltip } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { I18nLanguageSwitch } from '../i18n/i18n-language-switch.js';
import { AppProgressBar } from './app-progress-bar.js';
import { AppUserMenu } from './app-user-menu.js';
import { paths } from './paths.js';
import { RouterLink } from './router-link.js';

export function AppHeader({
  navbarOpened,
  onToggleNavbar,
  onShowShortcuts,
}: {
  navbarOpened: boolean;
  onToggleNavbar: () => void;
  onShowShortcuts: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppShell.Header px="sm">
      <Group h="100%" justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Burger
            opened={navbarOpened}
            onClick={onToggleNavbar}
            hiddenFrom="sm"
            size="sm"
            aria-label={t('nav.toggle')}
          />
          <RouterLink href={paths.root} underline="never" c="indigo.8" fw={700} fz="lg">
            {t('common.appName')}
          </RouterLink>
          <Text size="xs" c="dimmed" visibleFrom="md">
            {t('app.tagline')}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <I18nLanguageSwitch />
          <Tooltip label={t('shortcuts.title')}>
            <ActionIcon variant="subtle" color="gray" onClick={onShowShortcuts} aria-label={t('shortcuts.title')}>
              <IconKeyboard size={18} />
            </ActionIcon>
          </Tooltip>
          <AppUserMenu />
        </Group>
      </Group>
      <AppProgressBar />
    </AppShell.Header>
  );
}
