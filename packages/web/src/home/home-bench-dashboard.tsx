import { Badge, Card, Center, Loader, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { UrgencyBadge } from '../orders/order-badges.js';
import { fetchBenchDashboard, resultKeys } from '../results/results-api.js';
import { sectionLabel } from '../results/section-label.js';

/** Pending results by bench section, and the urgent tubes first (GET /api/dashboard/bench). */
export function HomeBenchDashboard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const dashboard = useQuery({
    queryKey: resultKeys.benchDashboard,
    queryFn: ({ signal }) => fetchBenchDashboard(signal),
    refetchInterval: 60_000,
  });
  if (dashboard.isPending) {
    return (
      <Center py="sm">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (dashboard.isError) {
    return <ApiErrorAlert error={dashboard.error} />;
  }
  const { sections, urgentSpecimens } = dashboard.data;
  return (
    <Card withBorder padding="md" data-testid="home-bench-dashboard">
      <Title order={2} size="h5" mb="sm">
        {t('home.dashboard.pendingBySection')}
      </Title>
      {sections.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('home.dashboard.nothingPending')}
        </Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('results.worklist.section')}</Table.Th>
              <Table.Th>{t('home.dashboard.urgent')}</Table.Th>
              <Table.Th>{t('home.dashboard.awaitingEntry')}</Table.Th>
              <Table.Th>{t('home.dashboard.awaitingTechnical')}</Table.Th>
              <Table.Th>{t('home.dashboard.specimens')}</Table.Th>
              <Table.Th>{t('home.dashboard.oldest')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...sections]
              .sort((a, b) => b.urgent - a.urgent)
              .map((entry) => (
                <Table.Tr key={entry.section} data-testid="home-bench-section" data-section={entry.section}>
                  <Table.Td>
                    <RouterLink href={paths.resultEntryFor(entry.section)} fw={600}>
                      {sectionLabel(t, entry.section)}
                    </RouterLink>
                  </Table.Td>
                  <Table.Td>
                    {entry.urgent > 0 ? (
                      <Badge color="orange" size="sm">
                        {entry.urgent}
                      </Badge>
                    ) : (
                      '0'
                    )}
                  </Table.Td>
                  <Table.Td>{entry.awaitingEntry}</Table.Td>
                  <Table.Td>{entry.awaitingTechnicalValidation}</Table.Td>
                  <Table.Td>{entry.specimens}</Table.Td>
                  <Table.Td>{formatDateTime(entry.oldestReceivedAt, locale)}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
      {urgentSpecimens.length > 0 ? (
        <>
          <Title order={3} size="h6" mt="md" mb="xs">
            {t('home.dashboard.urgentTubes')}
          </Title>
          <Table>
            <Table.Tbody>
              {urgentSpecimens.map((specimen) => (
                <Table.Tr key={specimen.specimenId} data-testid="home-bench-urgent">
                  <Table.Td>
                    <UrgencyBadge urgency={specimen.urgency} />
                  </Table.Td>
                  <Table.Td ff="monospace" fw={600}>
                    {specimen.barcode}
                  </Table.Td>
                  <Table.Td ff="monospace">{specimen.orderNumber}</Table.Td>
                  <Table.Td>
                    {specimen.sections.map((section) => (
                      <RouterLink key={section} href={paths.resultEntryFor(section)} size="sm" mr="xs">
                        {sectionLabel(t, section)}
                      </RouterLink>
                    ))}
                  </Table.Td>
                  <Table.Td>{t('home.dashboard.openResults', { count: specimen.openResults })}</Table.Td>
                  <Table.Td>{formatDateTime(specimen.receivedAt, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Card>
  );
}
