import { Alert, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meQueryKey } from '../api/query-client.js';
import type { LoginAnswer } from '../api/types.js';
import { applyLocale } from '../i18n/i18n.js';
import { I18nLanguageSwitch } from '../i18n/i18n-language-switch.js';
import { fetchLab } from './auth-api.js';
import { LoginPasswordForm } from './login-password-form.js';
import { LoginTotpForm } from './login-totp-form.js';
import { TotpSecretDisplay } from './totp-secret-display.js';

type LoginStep =
  | { kind: 'password' }
  | { kind: 'totp'; ticket: string }
  | { kind: 'totp_enrol'; ticket: string; secret: string; otpauthUrl: string };

/** Username and password, then the TOTP code, or TOTP enrolment when the role requires it. */
export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<LoginStep>({ kind: 'password' });
  const lab = useQuery({ queryKey: ['lab'], queryFn: fetchLab, staleTime: Infinity, retry: false });

  const onAnswer = (answer: LoginAnswer) => {
    if (answer.step === 'done') {
      void applyLocale(answer.user.locale);
      // After a lost session another user may log in here: keep nothing read by the previous one
      // (the current-user query itself is kept, its observer is the authentication gate).
      queryClient.removeQueries({
        predicate: (query) => !(query.queryKey[0] === meQueryKey[0] && query.queryKey[1] === meQueryKey[1]),
      });
      queryClient.setQueryData(meQueryKey, answer.user);
    } else if (answer.step === 'totp') {
      setStep({ kind: 'totp', ticket: answer.ticket });
    } else {
      setStep({ kind: 'totp_enrol', ticket: answer.ticket, secret: answer.secret, otpauthUrl: answer.otpauthUrl });
    }
  };
  const restart = () => setStep({ kind: 'password' });

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Box w={step.kind === 'totp_enrol' ? 520 : 380} maw="100%">
        <Group justify="space-between" mb="xs" align="flex-end">
          <div>
            <Title order={1} size="h2" c="indigo.8">
              {t('common.appName')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('app.tagline')}
            </Text>
          </div>
          <I18nLanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md" component="main">
          <Stack gap="md">
            <div>
              <Title order={2} size="h4">
                {step.kind === 'password' ? t('auth.login.title') : t('auth.totp.title')}
              </Title>
              {lab.data ? (
                <Text size="sm" c="dimmed" data-testid="login-lab-name">
                  {lab.data.name}
                </Text>
              ) : null}
            </div>
            {step.kind === 'password' ? <LoginPasswordForm onAnswer={onAnswer} /> : null}
            {step.kind === 'totp' ? (
              <LoginTotpForm ticket={step.ticket} onAnswer={onAnswer} onCancel={restart} />
            ) : null}
            {step.kind === 'totp_enrol' ? (
              <>
                <Alert color="indigo" title={t('auth.totp.enrolTitle')}>
                  <TotpSecretDisplay secret={step.secret} otpauthUrl={step.otpauthUrl} />
                </Alert>
                <LoginTotpForm ticket={step.ticket} onAnswer={onAnswer} onCancel={restart} />
              </>
            ) : null}
          </Stack>
        </Paper>
      </Box>
    </Center>
  );
}
