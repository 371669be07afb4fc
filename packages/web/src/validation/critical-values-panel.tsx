import { Alert, Center, Loader, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { formatPatientName } from '../patients/patient-display.js';
import { ResultFlagBadge } from '../results/result-flag-badge.js';
import { fetchBiologistDashboard, validationKeys } from './validation-api.js';

/** Critical values not yet called (the biologist's first duty of the day). */
export function CriticalValuesPanel() {
  const { t } = useTranslation();
  const dashboard = useQuery({
    queryKey: validationKeys.dashboard,
    queryFn: ({ signal }) => fetchBiologistDashboard(signal),
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
  const critical = dashboard.data.criticalAwaitingCall;
  return (
    <Alert
      color={critical.length > 0 ? 'red' : 'teal'}
      icon={<IconAlertTriangle size={18} />}
      data-testid="critical-values"
      p="sm"
    >
      <Text size="sm" fw={700}>
        {critical.length > 0 ? t('biology.critical.title', { count: critical.length }) : t('biology.critical.none')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('biology.critical.summary', {
          orders: dashboard.data.queueOrders,
          results: dashboard.data.queueResults,
          urgent: dashboard.data.urgentOrders,
        })}
      </Text>
      {critical.length > 0 ? (
        <Table mt="xs">
          <Table.Tbody>
            {critical.map((item) => (
              <Table.Tr key={item.resultId} data-testid="critical-value-row">
                <Table.Td>
                  <RouterLink href={paths.validationReview(item.orderId)} ff="monospace">
                    {item.orderNumber}
                  </RouterLink>
                </Table.Td>
                <Table.Td fw={600}>{formatPatientName(item.patient)}</Table.Td>
                <Table.Td>{item.analyteLabel}</Table.Td>
                <Table.Td fw={700}>
                  {item.value ?? '—'} {item.unit ?? ''}
                </Table.Td>
                <Table.Td>
                  <ResultFlagBadge flag={item.flag} critical />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Alert>
  );
}
