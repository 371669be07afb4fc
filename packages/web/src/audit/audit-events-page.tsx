import { Button, Card, Center, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditEventRow } from './audit-event-row.js';
import { fetchAuditEvents } from './audit-api.js';
import { AuditEventsFilterForm } from './audit-events-filter-form.js';
import { auditFiltersToQuery, emptyAuditFilters, type AuditFilterValues } from './audit-filters.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';

const pageSize = 50;

/** ISO 15189 traceability: who did what to which record, newest first, with the hash chain. */
export function AuditEventsPage({ initialFilters }: { initialFilters: Partial<AuditFilterValues> }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>({ ...emptyAuditFilters, ...initialFilters });
  const query = auditFiltersToQuery(filters);
  const events = useInfiniteQuery({
    queryKey: ['audit', 'events', query],
    queryFn: ({ pageParam, signal }) => fetchAuditEvents({ ...query, limit: pageSize, beforeId: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.nextBeforeId ?? undefined,
    staleTime: 0,
  });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h3">
          {t('audit.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('audit.intro')}
        </Text>
      </div>
      <Card withBorder padding="sm">
        <AuditEventsFilterForm key={JSON.stringify(filters)} applied={filters} onApply={setFilters} />
      </Card>
      {events.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : events.isError ? (
        <ApiErrorAlert error={events.error} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="audit-events-empty">
          {t('audit.none')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={1000}>
            <Table withTableBorder data-testid="audit-events-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={32} aria-label={t('audit.details')} />
                  <Table.Th>{t('audit.columns.occurredAt')}</Table.Th>
                  <Table.Th>{t('audit.columns.actor')}</Table.Th>
                  <Table.Th>{t('audit.columns.action')}</Table.Th>
                  <Table.Th>{t('audit.columns.entity')}</Table.Th>
                  <Table.Th>{t('audit.columns.patient')}</Table.Th>
                  <Table.Th>{t('audit.columns.reason')}</Table.Th>
                  <Table.Th>{t('audit.columns.hash')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((event) => (
                  <AuditEventRow
                    key={event.id}
                    event={event}
                    onFilterUser={(userId) => setFilters({ ...filters, userId })}
                    onFilterPatient={(patientId) => setFilters({ ...filters, patientId })}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {events.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void events.fetchNextPage()}
              loading={events.isFetchingNextPage}
              w="fit-content"
            >
              {t('common.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </Stack>
  );
}
