import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { hasPermission, useCurrentUser } from '../auth/current-user-context.js';
import { focusPatientSearch } from '../patients/patient-search-focus.js';
import { ShortcutsHelpModal } from '../shortcuts/shortcuts-help-modal.js';
import { useGlobalShortcuts } from '../shortcuts/use-global-shortcuts.js';
import { AppHeader } from './app-header.js';
import { AppNavbar } from './app-navbar.js';
import { paths } from './paths.js';
import { navigate } from './router.js';

export function AppLayout({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  const [navbarOpened, navbar] = useDisclosure(false);
  const [helpOpened, help] = useDisclosure(false);

  useGlobalShortcuts({
    help: help.open,
    focusPatientSearch: () => {
      if (!focusPatientSearch() && hasPermission(me, 'patients.read')) {
        navigate(paths.patientSearch);
      }
    },
    newPatient: () => {
      if (hasPermission(me, 'patients.write')) {
        navigate(paths.patientCreate);
      }
    },
    goHome: () => navigate(paths.root),
  });

  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }}
      padding="md"
    >
      <AppHeader navbarOpened={navbarOpened} onToggleNavbar={navbar.toggle} onShowShortcuts={help.open} />
      <AppNavbar onNavigate={navbar.close} />
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
      <ShortcutsHelpModal opened={helpOpened} onClose={help.close} />
    </AppShell>
  );
}
