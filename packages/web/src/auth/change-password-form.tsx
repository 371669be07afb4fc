import { Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';
import { changePassword } from './auth-api.js';
import { AuthPasswordInput } from './auth-password-input.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';

/** Same floor as the server (issue 2 § Access: passwords ≥ 12 characters). */
export const minimumPasswordLength = 12;

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<ChangePasswordValues>({
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    validate: {
      currentPassword: (value) => (value === '' ? t('validation.required') : null),
      newPassword: (value, values) => {
        if (value.length < minimumPasswordLength) {
          return t('auth.password.tooShort', { count: minimumPasswordLength });
        }
        return value === values.currentPassword ? t('auth.password.sameAsCurrent') : null;
      },
      confirmation: (value, values) => (value !== values.newPassword ? t('auth.password.mismatch') : null),
    },
  });
  const mutation = useMutation({
    mutationFn: (values: ChangePasswordValues) => changePassword(values.currentPassword, values.newPassword),
    onSuccess: () => {
      form.reset();
      onDone();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'SIL_PASSWORD_WRONG_CURRENT') {
        form.setFieldError('currentPassword', error.title);
      } else if (
        isApiError(error) &&
        (error.code === 'SIL_PASSWORD_TOO_SHORT' || error.code === 'SIL_PASSWORD_TOO_COMMON')
      ) {
        form.setFieldError('newPassword', error.title);
      }
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="sm" maw={420}>
        {mutation.isError && !(isApiError(mutation.error) && mutation.error.code.startsWith('SIL_PASSWORD_')) ? (
          <ApiErrorAlert error={mutation.error} />
        ) : null}
        <AuthPasswordInput
          label={t('auth.password.current')}
          autoComplete="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <AuthPasswordInput
          label={t('auth.password.new')}
          description={t('auth.password.rule', { count: minimumPasswordLength })}
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <AuthPasswordInput
          label={t('auth.password.confirmation')}
          autoComplete="new-password"
          {...form.getInputProps('confirmation')}
        />
        <Button type="submit" loading={mutation.isPending} w="fit-content">
          {t('auth.password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
