import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginAnswer } from '../api/types.js';
import { submitTotp } from './auth-api.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';

/** RFC 6238 codes are 6 digits; people paste them with spaces ("123 456"). */
export function normalizeTotpCode(input: string): string {
  return input.replace(/\s+/g, '');
}

export function LoginTotpForm({
  ticket,
  onAnswer,
  onCancel,
}: {
  ticket: string;
  onAnswer: (answer: LoginAnswer) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const mutation = useMutation({
    mutationFn: () => submitTotp(ticket, normalizeTotpCode(code)),
    onSuccess: onAnswer,
  });
  const valid = /^\d{6}$/.test(normalizeTotpCode(code));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) {
      mutation.mutate();
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {mutation.isError ? <ApiErrorAlert error={mutation.error} /> : null}
        <TextInput
          label={t('auth.totp.code')}
          description={t('auth.totp.codeHint')}
          name="totp"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={7}
          autoFocus
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Group justify="space-between">
          <Button variant="subtle" onClick={onCancel}>
            {t('common.back')}
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={!valid}>
            {t('auth.totp.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
