import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../api/notify.js';
import type { ApiTokenCreated } from '../api/types.js';
import { requiredField } from '../lib/required-field.js';
import { adminKeys, createToken } from './admin-api.js';

interface TokenFormValues {
  name: string;
  scopes: string[];
}

function AdminTokenForm({
  availableScopes,
  onCreated,
  onCancel,
}: {
  availableScopes: readonly string[];
  onCreated: (created: ApiTokenCreated, name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<TokenFormValues>({
    initialValues: { name: '', scopes: [] },
    validate: {
      name: (value) => (value.trim() === '' ? t('validation.required') : null),
      scopes: (value) => (value.length === 0 ? t('admin.tokens.scopesRequired') : null),
    },
  });
  const mutation = useMutation({
    mutationFn: (values: TokenFormValues) => createToken(values.name.trim(), values.scopes),
    onSuccess: (created, values) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.tokens });
      onCreated(created, values.name.trim());
    },
    onError: (error) => notifyError(error, t('common.unknownError')),
  });
  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('admin.tokens.name')}
          description={t('admin.tokens.nameHint')}
          data-autofocus
          {...requiredField}
          {...form.getInputProps('name')}
        />
        <Checkbox.Group label={t('admin.tokens.scopes')} {...form.getInputProps('scopes')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={6}>
            {availableScopes.map((scope) => (
              <Checkbox key={scope} value={scope} label={scope} size="sm" />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AdminTokenCreateModal({
  opened,
  availableScopes,
  onCreated,
  onClose,
}: {
  opened: boolean;
  availableScopes: readonly string[];
  onCreated: (created: ApiTokenCreated, name: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('admin.tokens.createTitle')} size="lg">
      {opened ? <AdminTokenForm availableScopes={availableScopes} onCreated={onCreated} onCancel={onClose} /> : null}
    </Modal>
  );
}
