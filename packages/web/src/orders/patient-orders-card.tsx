import { Card, Center, Group, Loader, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { OrderStatusBadge, UrgencyBadge } from './order-badges.js';
import { fetchOrders, orderKeys } from './orders-api.js';

/** A patient's orders, newest first, on the patient record. */
export function PatientOrdersCard({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = { patientId };
  const orders = useQuery({ queryKey: orderKeys.list(query), queryFn: ({ signal }) => fetchOrders(query, signal) });
  const items = [...(orders.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Card withBorder padding="md" data-testid="patient-orders">
      <Title order={2} size="h5" mb="sm">
        {t('orders.patient.title')}
      </Title>
      {orders.isPending ? (
        <Center py="sm">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : orders.isError ? (
        <ApiErrorAlert error={orders.error} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('orders.patient.none')}
        </Text>
      ) : (
        <Table striped data-testid="patient-orders-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.fields.orderNumber')}</Table.Th>
              <Table.Th>{t('orders.fields.createdAt')}</Table.Th>
              <Table.Th>{t('orders.fields.analyses')}</Table.Th>
              <Table.Th>{t('orders.list.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((order) => (
              <Table.Tr key={order.id} data-testid="patient-orders-row">
                <Table.Td>
                  <RouterLink href={paths.order(order.id)} ff="monospace" fw={600}>
                    {order.orderNumber}
                  </RouterLink>
                </Table.Td>
                <Table.Td>{formatDateTime(order.createdAt, locale)}</Table.Td>
                <Table.Td>{order.analyses.join(', ')}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <OrderStatusBadge status={order.status} />
                    <UrgencyBadge urgency={order.urgency} hideRoutine />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
