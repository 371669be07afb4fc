import { Card, Center, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminKeys, fetchSites } from '../admin/admin-api.js';
import { api } from '../api/api.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import type { OrderView, QuoteRequest, QuoteResponse } from '../api/workflow-types.js';
import { useCurrentUser } from '../auth/current-user-context.js';
import { formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { buildQuoteRequest, territoryFor } from './quote-request.js';

const fetchQuote = (request: QuoteRequest) => api.post<QuoteResponse>('/api/billing/quote', request);

/**
 * What the patient will pay, told at the desk before sampling (issue 5 item 8). A quote has no
 * side effect; when it cannot be made (NABM tariffs not imported, unknown act) the server's
 * reason is shown instead.
 */
export function OrderQuotePanel({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useCurrentUser();
  const [now] = useState(() => new Date());
  const sites = useQuery({ queryKey: adminKeys.sites, queryFn: fetchSites, staleTime: 300_000 });
  const territory = sites.isSuccess ? territoryFor(sites.data.items, me.siteIds) : null;
  const request = territory === null ? null : buildQuoteRequest(order, territory, now);
  const quote = useQuery({
    queryKey: ['billing', 'quote', order.id, order.version, request?.acts.join(','), territory],
    queryFn: () => fetchQuote(request as QuoteRequest),
    enabled: request !== null && request.acts.length > 0,
    staleTime: 60_000,
  });
  const euros = (cents: number) => formatEuros(cents, locale);

  return (
    <Card withBorder padding="md" data-testid="order-quote">
      <Title order={2} size="h5" mb="sm">
        {t('billing.quote.title')}
      </Title>
      {sites.isError ? (
        <ApiErrorAlert error={sites.error} />
      ) : quote.isError ? (
        <ApiErrorAlert error={quote.error} />
      ) : quote.isSuccess ? (
        <Stack gap="sm">
          <Table withTableBorder data-testid="order-quote-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('billing.quote.act')}</Table.Th>
                <Table.Th>{t('billing.quote.label')}</Table.Th>
                <Table.Th>{t('billing.quote.coefficient')}</Table.Th>
                <Table.Th ta="right">{t('billing.quote.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quote.data.lines.map((line, index) => (
                <Table.Tr key={`${line.code}-${String(index)}`} c={line.billed ? undefined : 'dimmed'}>
                  <Table.Td ff="monospace">{line.code}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{line.label}</Text>
                    <Text size="xs" c="dimmed">
                      {line.reason}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {line.coefficient === null ? '—' : `B ${line.coefficient.toLocaleString(locale)}`}
                  </Table.Td>
                  <Table.Td ta="right">{line.billed ? euros(line.amountCents) : t('billing.quote.notBilled')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <QuoteAmount label={t('billing.quote.total')} value={euros(quote.data.totalCents)} testId="quote-total" />
            <QuoteAmount label={t('billing.quote.amo')} value={euros(quote.data.amoCents)} testId="quote-amo" />
            <QuoteAmount label={t('billing.quote.amc')} value={euros(quote.data.amcCents)} testId="quote-amc" />
            <QuoteAmount
              label={t('billing.quote.patient')}
              value={euros(quote.data.patientCents)}
              testId="quote-patient"
              strong
            />
          </SimpleGrid>
          {quote.data.participationForfaitaireCents > 0 ? (
            <Text size="xs" c="dimmed">
              {t('billing.quote.participation', { amount: euros(quote.data.participationForfaitaireCents) })}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('billing.quote.coverageNote')}
          </Text>
        </Stack>
      ) : request !== null && request.acts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('billing.quote.nothing')}
        </Text>
      ) : (
        <Center py="sm">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
    </Card>
  );
}

function QuoteAmount({
  label,
  value,
  testId,
  strong = false,
}: {
  label: string;
  value: string;
  testId: string;
  strong?: boolean;
}) {
  return (
    <Group
      gap={4}
      justify="space-between"
      wrap="nowrap"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 500} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}
