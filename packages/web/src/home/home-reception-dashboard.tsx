import { Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../api/workflow-types.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { localIsoDate } from '../lib/typed-date.js';
import { fetchNonConformities, fetchOrders, orderKeys } from '../orders/orders-api.js';

/** The desk at a glance: today's orders by status, reports to hand out, patients to call back. */
export function HomeReceptionDashboard() {
  const { t } = useTranslation();
  const query = { date: localIsoDate() };
  const orders = useQuery({ queryKey: orderKeys.list(query), queryFn: ({ signal }) => fetchOrders(query, signal) });
  const recalls = useQuery({
    queryKey: orderKeys.nonConformities({ status: 'open' }),
    queryFn: ({ signal }) => fetchNonConformities({ status: 'open' }, signal),
  });
  const items = orders.data?.items ?? [];
  const count = (status: OrderStatus) => items.filter((order) => order.status === status).length;
  const toHandOut = count('complete');
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" data-testid="home-reception-dashboard">
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed">
          {t('home.dashboard.ordersToday')}
        </Text>
        <Group justify="space-between" align="baseline">
          <Text size="xl" fw={700} data-testid="home-orders-today">
            {orders.isSuccess ? items.length : '…'}
          </Text>
          <RouterLink href={paths.orders} size="sm">
            {t('home.dashboard.seeOrders')}
          </RouterLink>
        </Group>
        <Group gap={4} mt={4}>
          <Badge size="xs" variant="light" color="gray">
            {t('home.dashboard.awaiting', { count: count('awaiting_specimens') })}
          </Badge>
          <Badge size="xs" variant="light" color="blue">
            {t('home.dashboard.inProgress', { count: count('in_progress') + count('partially_validated') })}
          </Badge>
        </Group>
      </Card>
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed">
          {t('home.dashboard.reportsToHandOut')}
        </Text>
        <Group justify="space-between" align="baseline">
          <Text size="xl" fw={700} c={toHandOut > 0 ? 'teal.8' : undefined} data-testid="home-reports-to-hand-out">
            {orders.isSuccess ? toHandOut : '…'}
          </Text>
          <RouterLink href={paths.ordersWithStatus('complete')} size="sm">
            {t('home.dashboard.seeReports')}
          </RouterLink>
        </Group>
      </Card>
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed">
          {t('home.dashboard.recalls')}
        </Text>
        <Group justify="space-between" align="baseline">
          <Text
            size="xl"
            fw={700}
            c={(recalls.data?.items.length ?? 0) > 0 ? 'red.8' : undefined}
            data-testid="home-recalls"
          >
            {recalls.isSuccess ? recalls.data.items.length : '…'}
          </Text>
          <RouterLink href={paths.orders} size="sm">
            {t('home.dashboard.seeRecalls')}
          </RouterLink>
        </Group>
      </Card>
    </SimpleGrid>
  );
}
