import { Button, Center, Loader, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordPage } from '../auth/change-password-page.js';
import { CurrentUserContext } from '../auth/current-user-context.js';
import { LoginPage } from '../auth/login-page.js';
import { useMe } from '../auth/use-me.js';
import { applyLocale, currentLocale } from '../i18n/i18n.js';
import { AppLayout } from './app-layout.js';
import { AppRouter } from './app-router.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';

/** Login when there is no session, the forced password change when required, else the app. */
export function AppGate() {
  const { t } = useTranslation();
  const me = useMe();
  const serverLocale = me.data?.locale;

  useEffect(() => {
    // The user's saved preference wins once logged in (it follows them from station to station).
    if (serverLocale !== undefined && serverLocale !== currentLocale()) {
      void applyLocale(serverLocale);
    }
  }, [serverLocale]);

  if (me.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center mih="100vh" p="md">
        <Stack align="center">
          <ApiErrorAlert error={me.error} />
          <Button onClick={() => void me.refetch()} loading={me.isFetching}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Center>
    );
  }
  if (me.data === null) {
    return <LoginPage />;
  }
  return (
    <CurrentUserContext.Provider value={me.data}>
      {me.data.mustChangePassword ? (
        <ChangePasswordPage forced />
      ) : (
        <AppLayout>
          <AppRouter />
        </AppLayout>
      )}
    </CurrentUserContext.Provider>
  );
}
