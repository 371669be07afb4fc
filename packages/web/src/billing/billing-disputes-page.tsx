import { Center, Group, Loader, NativeSelect, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { useCurrentUser } from '../auth/current-user-context.js';
import { disputeKeys, disputeStatuses, fetchDisputes, type DisputeView } from './billing-dispute-api.js';
import { BillingDisputeAgeingTable } from './billing-dispute-ageing-table.js';
import {
  ageingSummary,
  defaultDisputeFilters,
  disputeListQueryOf,
  visibleDisputes,
  type AssigneeFilter,
  type DisputeFilters,
} from './billing-dispute-filters.js';
import { BillingDisputeModal } from './billing-dispute-modal.js';
import { BillingDisputeTable } from './billing-dispute-table.js';
import { BillingReturnsImportCard } from './billing-returns-import-card.js';

/**
 * `/litiges` (issue 5 item 7): import of the reimbursement returns, then the disputes they opened,
 * with their ageing, to chase and resolve. Permission `billing.disputes` (secrétaire, admin).
 */
export function BillingDisputesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [filters, setFilters] = useState<DisputeFilters>(defaultDisputeFilters);
  const [opened, setOpened] = useState<DisputeView | null>(null);
  const query = disputeListQueryOf(filters, me.id);
  const disputes = useQuery({
    queryKey: disputeKeys.list(query),
    queryFn: ({ signal }) => fetchDisputes(query, signal),
  });
  const set = (change: Partial<DisputeFilters>) => setFilters((current) => ({ ...current, ...change }));
  const items = disputes.data?.items ?? [];
  const rows = visibleDisputes(items, filters);

  return (
    <Stack gap="md" data-testid="disputes-page">
      <div>
        <Title order={1} size="h3">
          {t('disputes.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('disputes.intro')}
        </Text>
      </div>
      <BillingReturnsImportCard />
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4">
          {t('disputes.list.title')}
        </Title>
        <Group gap="sm" align="flex-end" data-testid="disputes-filters">
          <NativeSelect
            label={t('disputes.filters.status')}
            value={filters.status}
            onChange={(event) => set({ status: event.currentTarget.value as DisputeFilters['status'] })}
            data={[
              ...disputeStatuses.map((status) => ({ value: status, label: t(`disputes.statuses.${status}`) })),
              { value: 'all', label: t('disputes.filters.allStatuses') },
            ]}
          />
          <NativeSelect
            label={t('disputes.filters.assignee')}
            value={filters.assignee}
            onChange={(event) => set({ assignee: event.currentTarget.value as AssigneeFilter })}
            data={(['all', 'me', 'none'] as const).map((value) => ({
              value,
              label: t(`disputes.filters.assignees.${value}`),
            }))}
          />
          <Switch
            label={t('disputes.filters.overdueOnly')}
            checked={filters.overdueOnly}
            onChange={(event) => set({ overdueOnly: event.currentTarget.checked })}
            mb={8}
          />
        </Group>
      </Group>
      {disputes.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : disputes.isError ? (
        <ApiErrorAlert error={disputes.error} />
      ) : (
        <>
          <BillingDisputeAgeingTable
            lines={ageingSummary(items, filters)}
            selected={filters.bucket}
            onSelect={(bucket) => set({ bucket })}
          />
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="disputes-none">
              {t('disputes.list.none')}
            </Text>
          ) : (
            <BillingDisputeTable items={rows} onOpen={setOpened} />
          )}
        </>
      )}
      <BillingDisputeModal dispute={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}
