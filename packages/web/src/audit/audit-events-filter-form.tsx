import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminKeys, fetchUsers } from '../admin/admin-api.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { parseTypedDate } from '../lib/typed-date.js';
import { emptyAuditFilters, type AuditFilterValues } from './audit-filters.js';

function dateRule(value: string, invalidMessage: string): string | null {
  return value.trim() === '' || parseTypedDate(value).ok ? null : invalidMessage;
}

/**
 * Patient, user, date range, action. The user list needs users.manage; others type the user id.
 * The parent remounts it (key) when filters are set from the table, so the form shows them.
 */
export function AuditEventsFilterForm({
  applied,
  onApply,
}: {
  applied: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  const canListUsers = useHasPermission('users.manage');
  const users = useQuery({ queryKey: adminKeys.users, queryFn: fetchUsers, enabled: canListUsers });
  const form = useForm<AuditFilterValues>({
    initialValues: applied,
    validate: {
      from: (value) => dateRule(value, t('validation.date.format')),
      to: (value) => dateRule(value, t('validation.date.format')),
    },
  });

  return (
    <form onSubmit={form.onSubmit(onApply)} noValidate data-testid="audit-filter-form">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="sm">
        <TextInput label={t('audit.filters.patientId')} autoComplete="off" {...form.getInputProps('patientId')} />
        {canListUsers && users.data ? (
          <NativeSelect
            label={t('audit.filters.user')}
            data={[
              { value: '', label: t('audit.filters.anyUser') },
              ...users.data.items.map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` })),
            ]}
            {...form.getInputProps('userId')}
          />
        ) : (
          <TextInput label={t('audit.filters.userId')} autoComplete="off" {...form.getInputProps('userId')} />
        )}
        <TextInput
          label={t('audit.filters.from')}
          placeholder={t('patients.form.datePlaceholder')}
          autoComplete="off"
          {...form.getInputProps('from')}
        />
        <TextInput
          label={t('audit.filters.to')}
          placeholder={t('patients.form.datePlaceholder')}
          autoComplete="off"
          {...form.getInputProps('to')}
        />
        <TextInput
          label={t('audit.filters.action')}
          placeholder={t('audit.filters.actionPlaceholder')}
          autoComplete="off"
          {...form.getInputProps('action')}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button
          variant="default"
          onClick={() => {
            form.setValues(emptyAuditFilters);
            onApply(emptyAuditFilters);
          }}
        >
          {t('common.reset')}
        </Button>
        <Button type="submit" leftSection={<IconSearch size={16} />}>
          {t('common.search')}
        </Button>
      </Group>
    </form>
  );
}
