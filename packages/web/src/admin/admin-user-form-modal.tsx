import { Button, Group, Modal, NativeSelect, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByName, isApiError } from '../api/api-error.js';
import { notifyError, notifySuccess } from '../api/notify.js';
import type { Locale, Role, Site, User, UserUpdateInput } from '../api/types.js';
import { AuthPasswordInput } from '../auth/auth-password-input.js';
import { minimumPasswordLength } from '../auth/change-password-form.js';
import { requiredField } from '../lib/required-field.js';
import { adminKeys, createUser, updateUser } from './admin-api.js';
import { AdminRoleCheckboxes } from './admin-role-checkboxes.js';
import { AdminSiteCheckboxes } from './admin-site-checkboxes.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';

interface UserFormValues {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  siteIds: string[];
  locale: Locale;
  active: boolean;
}

function AdminUserForm({ user, sites, onDone }: { user: User | null; sites: readonly Site[]; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const creating = user === null;
  const form = useForm<UserFormValues>({
    initialValues: {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      password: '',
      roles: user?.roles ?? [],
      siteIds: user?.siteIds ?? (sites.length === 1 && sites[0] !== undefined ? [sites[0].id] : []),
      locale: user?.locale ?? 'fr',
      active: user?.active ?? true,
    },
    validate: {
      username: (value) =>
        !creating ? null : /^[a-z0-9][a-z0-9._-]{1,62}$/i.test(value.trim()) ? null : t('admin.users.usernameRule'),
      displayName: (value) => (value.trim() === '' ? t('validation.required') : null),
      password: (value) =>
        (creating || value !== '') && value.length < minimumPasswordLength
          ? t('auth.password.tooShort', { count: minimumPasswordLength })
          : null,
      roles: (value) => (value.length === 0 ? t('admin.users.rolesRequired') : null),
    },
  });

  const mutation = useMutation({
    mutationFn: (values: UserFormValues) => {
      if (user === null) {
        return createUser({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
          roles: values.roles,
          siteIds: values.siteIds,
          locale: values.locale,
        });
      }
      const changes: UserUpdateInput = {
        displayName: values.displayName.trim(),
        roles: values.roles,
        siteIds: values.siteIds,
        active: values.active,
      };
      if (values.password !== '') {
        changes.password = values.password;
      }
      return updateUser(user.id, changes);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      notifySuccess(
        creating
          ? t('admin.users.created', { username: saved.username })
          : t('admin.users.saved', { username: saved.username })
      );
      onDone();
    },
    onError: (error) => {
      if (isApiError(error)) {
        if (error.code === 'SIL_USERNAME_TAKEN') {
          form.setFieldError('username', error.title);
        } else if (error.code.startsWith('SIL_PASSWORD_')) {
          form.setFieldError('password', error.title);
        }
        form.setErrors({ ...form.errors, ...fieldErrorsByName(error) });
      }
      notifyError(error, t('common.unknownError'));
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate data-testid="admin-user-form">
      <Stack gap="sm">
        {mutation.isError && isApiError(mutation.error) && mutation.error.code === 'SIL_LAST_ADMIN' ? (
          <ApiErrorAlert error={mutation.error} />
        ) : null}
        {creating ? (
          <TextInput
            label={t('admin.users.username')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            data-autofocus
            {...requiredField}
            {...form.getInputProps('username')}
          />
        ) : null}
        <TextInput
          label={t('admin.users.displayName')}
          autoComplete="off"
          {...requiredField}
          {...form.getInputProps('displayName')}
        />
        <AuthPasswordInput
          label={creating ? t('admin.users.password') : t('admin.users.newPassword')}
          description={
            creating
              ? t('admin.users.passwordHint', { count: minimumPasswordLength })
              : t('admin.users.newPasswordHint')
          }
          autoComplete="new-password"
          {...(creating ? requiredField : {})}
          {...form.getInputProps('password')}
        />
        <AdminRoleCheckboxes
          value={form.values.roles}
          onChange={(value) => form.setFieldValue('roles', value)}
          error={typeof form.errors['roles'] === 'string' ? form.errors['roles'] : null}
        />
        <AdminSiteCheckboxes
          sites={sites}
          value={form.values.siteIds}
          onChange={(value) => form.setFieldValue('siteIds', value)}
        />
        {creating ? (
          <NativeSelect
            label={t('admin.users.locale')}
            data={[
              { value: 'fr', label: t('languages.fr') },
              { value: 'en', label: t('languages.en') },
            ]}
            {...form.getInputProps('locale')}
          />
        ) : (
          <Switch label={t('admin.users.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {creating ? t('admin.users.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Create a user (user === null) or edit one. */
export function AdminUserFormModal({
  opened,
  user,
  sites,
  onClose,
}: {
  opened: boolean;
  user: User | null;
  sites: readonly Site[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user === null ? t('admin.users.createTitle') : t('admin.users.editTitle', { username: user.username })}
      size="lg"
    >
      {opened ? <AdminUserForm key={user?.id ?? 'new'} user={user} sites={sites} onDone={onClose} /> : null}
    </Modal>
  );
}
