import { Alert, Card, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../api/notify.js';
import { meQueryKey } from '../api/query-client.js';
import { AuthTotpSetupCard } from './auth-totp-setup-card.js';
import { ChangePasswordForm } from './change-password-form.js';
import { useCurrentUser } from './current-user-context.js';

/**
 * "Mon compte": change one's own password and set up TOTP. With `forced`, shown alone right after
 * login when the account must change its password (initial password set by an admin).
 */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const onDone = () => {
    notifySuccess(t('auth.password.changed'));
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  };

  if (forced) {
    return (
      <Center mih="100vh" bg="gray.0" p="md">
        <Paper withBorder shadow="sm" p="lg" radius="md" w={460} maw="100%" component="main">
          <Stack gap="md">
            <Title order={1} size="h4">
              {t('auth.password.title')}
            </Title>
            <Alert color="orange">{t('auth.password.mustChange')}</Alert>
            <ChangePasswordForm onDone={onDone} />
          </Stack>
        </Paper>
      </Center>
    );
  }

  return (
    <Stack gap="md" maw={720}>
      <div>
        <Title order={1} size="h3">
          {t('auth.account.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {me.displayName} · {me.username}
        </Text>
      </div>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Title order={2} size="h5">
            {t('auth.password.title')}
          </Title>
          <ChangePasswordForm onDone={onDone} />
        </Stack>
      </Card>
      <AuthTotpSetupCard />
    </Stack>
  );
}
