import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../api/notify.js';
import { meQueryKey } from '../api/query-client.js';
import type { TotpSetup } from '../api/types.js';
import { enableTotp, setupTotp } from './auth-api.js';
import { useCurrentUser } from './current-user-context.js';
import { normalizeTotpCode } from './login-totp-form.js';
import { TotpSecretDisplay } from './totp-secret-display.js';

/** Lets users turn on two-factor authentication for their own account. */
export function AuthTotpSetupCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const start = useMutation({
    mutationFn: setupTotp,
    onSuccess: setSetup,
    onError: (error) => notifyError(error, t('common.unknownError')),
  });
  const enable = useMutation({
    mutationFn: () => enableTotp(normalizeTotpCode(code)),
    onSuccess: async () => {
      setSetup(null);
      setCode('');
      notifySuccess(t('auth.totp.enabled'));
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
    onError: (error) => notifyError(error, t('common.unknownError')),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (/^\d{6}$/.test(normalizeTotpCode(code))) {
      enable.mutate();
    }
  };

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('auth.totp.cardTitle')}
          </Title>
          <Badge color={me.totpEnabled ? 'teal' : 'gray'} variant="light">
            {me.totpEnabled ? t('auth.totp.stateOn') : t('auth.totp.stateOff')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('auth.totp.cardIntro')}
        </Text>
        {setup === null ? (
          <Button variant="light" w="fit-content" loading={start.isPending} onClick={() => start.mutate()}>
            {me.totpEnabled ? t('auth.totp.reconfigure') : t('auth.totp.enable')}
          </Button>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <TotpSecretDisplay secret={setup.secret} otpauthUrl={setup.otpauthUrl} />
              <TextInput
                label={t('auth.totp.code')}
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={7}
                maw={200}
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
              />
              <Group>
                <Button type="submit" loading={enable.isPending}>
                  {t('auth.totp.confirm')}
                </Button>
                <Button variant="subtle" onClick={() => setSetup(null)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
