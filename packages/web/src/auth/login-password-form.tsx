import { Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginAnswer } from '../api/types.js';
import { login } from './auth-api.js';
import { AuthPasswordInput } from './auth-password-input.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';

export function LoginPasswordForm({ onAnswer }: { onAnswer: (answer: LoginAnswer) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: () => login(username.trim(), password),
    onSuccess: onAnswer,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      return;
    }
    mutation.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {mutation.isError ? <ApiErrorAlert error={mutation.error} /> : null}
        <TextInput
          label={t('auth.login.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
        />
        <AuthPasswordInput
          label={t('auth.login.password')}
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        {/* aria-label repeats the text so that label lookups (getByLabel) find the button too. */}
        <Button
          type="submit"
          loading={mutation.isPending}
          disabled={username.trim() === '' || password === ''}
          aria-label={t('auth.login.submit')}
        >
          {t('auth.login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
