import { Badge, Card, Center, Group, Loader, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { UrgencyBadge } from '../orders/order-badges.js';
import { formatPatientName } from '../patients/patient-display.js';
import { fetchQueue, validationKeys } from './validation-api.js';

/** The biologist's queue, as the server orders it: urgency and criticality first, then oldest. */
export function ValidationQueuePanel() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queue = useQuery({
    queryKey: validationKeys.queue,
    queryFn: ({ signal }) => fetchQueue(signal),
    refetchInterval: 60_000,
  });
  return (
    <Card withBorder padding="md" data-testid="validation-queue">
      <Title order={2} size="h5" mb="sm">
        {t('biology.queue.title')}
      </Title>
      {queue.isPending ? (
        <Center py="sm">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : queue.isError ? (
        <ApiErrorAlert error={queue.error} />
      ) : queue.data.items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="validation-queue-empty">
          {t('biology.queue.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orders.fields.orderNumber')}</Table.Th>
                <Table.Th>{t('orders.nonConformity.patient')}</Table.Th>
                <Table.Th>{t('orders.fields.urgency')}</Table.Th>
                <Table.Th>{t('biology.queue.ready')}</Table.Th>
                <Table.Th>{t('biology.queue.critical')}</Table.Th>
                <Table.Th>{t('biology.queue.waitingSince')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.data.items.map((item) => (
                <Table.Tr key={item.orderId} data-testid="validation-queue-row" data-order-number={item.orderNumber}>
                  <Table.Td>
                    <RouterLink href={paths.validationReview(item.orderId)} ff="monospace" fw={600}>
                      {item.orderNumber}
                    </RouterLink>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {formatPatientName(item.patient)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <UrgencyBadge urgency={item.urgency} />
                  </Table.Td>
                  <Table.Td>
                    {t('biology.queue.readyCount', {
                      ready: item.readyCount,
                      validated: item.validatedCount,
                      total: item.totalCount,
                    })}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {item.criticalCount > 0 ? (
                        <Badge color="red" size="sm">
                          {t('biology.queue.criticalCount', { count: item.criticalCount })}
                        </Badge>
                      ) : null}
                      {item.criticalAwaitingCall > 0 ? (
                        <Badge color="red" variant="outline" size="sm">
                          {t('biology.queue.awaitingCall', { count: item.criticalAwaitingCall })}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDateTime(item.waitingSince, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
