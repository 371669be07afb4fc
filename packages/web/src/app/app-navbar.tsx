import { AppShell, NavLink, ScrollArea, Text } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/current-user-context.js';
import { isNavItemActive, navigationFor } from './app-navigation.js';
import { paths } from './paths.js';
import { followLink, useLocation } from './router.js';

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { pathname } = useLocation();

  const link = (href: string) => (event: React.MouseEvent<HTMLAnchorElement>) => {
    followLink(href)(event);
    onNavigate();
  };

  return (
    <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
      <AppShell.Section grow component={ScrollArea}>
        {navigationFor(me).map((section) => (
          <div key={section.titleKey}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
              {t(section.titleKey)}
            </Text>
            {section.items.map((item) => (
              <NavLink
                key={item.href}
                component="a"
                href={item.href}
                onClick={link(item.href)}
                label={t(item.labelKey)}
                leftSection={<item.icon size={16} stroke={1.6} />}
                active={isNavItemActive(item, pathname)}
                aria-current={isNavItemActive(item, pathname) ? 'page' : undefined}
              />
            ))}
          </div>
        ))}
      </AppShell.Section>
      <AppShell.Section>
        <NavLink
          component="a"
          href={paths.account}
          onClick={link(paths.account)}
          label={t('nav.account')}
          leftSection={<IconUserCircle size={16} stroke={1.6} />}
          active={pathname === paths.account}
        />
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
