import {
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { orderStatuses, type NonConformityStatus, type OrderStatus } from '../api/workflow-types.js';
import { paths } from '../app/paths.js';
import { followLink, navigate } from '../app/router.js';
import { RouterLink } from '../app/router-link.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { localIsoDate } from '../lib/typed-date.js';
import { formatPatientName } from '../patients/patient-display.js';
import { NonConformityList } from './non-conformity-list.js';
import { OrderStatusBadge, UrgencyBadge } from './order-badges.js';
import { fetchNonConformities, fetchOrders, orderKeys } from './orders-api.js';

function isOrderStatus(value: string | null): value is OrderStatus {
  return value !== null && (orderStatuses as readonly string[]).includes(value);
}

const followedStatuses: readonly NonConformityStatus[] = ['open', 'in_progress'];

/** The desk's day: orders with their derived status, tubes, and the patients to call back. */
export function OrdersOfDayPage({ date, status }: { date: string; status: string | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canWrite = useHasPermission('orders.write');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : localIsoDate();
  const statusFilter = isOrderStatus(status) ? status : undefined;
  const query = { date: day, ...(statusFilter === undefined ? {} : { status: statusFilter }) };
  const orders = useQuery({ queryKey: orderKeys.list(query), queryFn: ({ signal }) => fetchOrders(query, signal) });
  const nonConformities = useQueries({
    queries: followedStatuses.map((followed) => ({
      queryKey: orderKeys.nonConformities({ status: followed }),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchNonConformities({ status: followed }, signal),
    })),
  });
  const toCallBack = nonConformities.flatMap((answer) => answer.data?.items ?? []);

  const go = (next: { date?: string; status?: string }) => {
    const params = new URLSearchParams();
    const nextDate = next.date ?? day;
    if (nextDate !== localIsoDate()) {
      params.set('date', nextDate);
    }
    const nextStatus = next.status ?? statusFilter ?? '';
    if (nextStatus !== '') {
      params.set('statut', nextStatus);
    }
    const search = params.toString();
    navigate(search === '' ? paths.orders : `${paths.orders}?${search}`, { replace: true });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h3">
          {t('orders.list.title')}
        </Title>
        {canWrite ? (
          <Button
            component="a"
            href={paths.orderCreate}
            onClick={followLink(paths.orderCreate)}
            leftSection={<IconPlus size={16} />}
          >
            {t('orders.create.action')}
          </Button>
        ) : null}
      </Group>
      <NonConformityList items={toCallBack} />
      <Card withBorder padding="sm">
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('orders.list.day')}
            value={day}
            onChange={(event) => {
              if (event.currentTarget.value !== '') {
                go({ date: event.currentTarget.value });
              }
            }}
          />
          <NativeSelect
            label={t('orders.list.status')}
            value={statusFilter ?? ''}
            onChange={(event) => go({ status: event.currentTarget.value })}
            data={[
              { value: '', label: t('orders.list.allStatuses') },
              ...orderStatuses.map((value) => ({ value, label: t(`orders.status.${value}`) })),
            ]}
          />
        </Group>
      </Card>
      {orders.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : orders.isError ? (
        <ApiErrorAlert error={orders.error} />
      ) : orders.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="orders-none">
          {t('orders.list.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={980}>
          <Table striped highlightOnHover withTableBorder data-testid="orders-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orders.fields.orderNumber')}</Table.Th>
                <Table.Th>{t('orders.fields.createdAt')}</Table.Th>
                <Table.Th>{t('orders.nonConformity.patient')}</Table.Th>
                <Table.Th>{t('orders.fields.prescriber')}</Table.Th>
                <Table.Th>{t('orders.fields.analyses')}</Table.Th>
                <Table.Th>{t('orders.view.tubes')}</Table.Th>
                <Table.Th>{t('orders.list.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.data.items.map((order) => (
                <Table.Tr key={order.id} data-testid="orders-row" data-order-number={order.orderNumber}>
                  <Table.Td>
                    <RouterLink href={paths.order(order.id)} ff="monospace" fw={600}>
                      {order.orderNumber}
                    </RouterLink>
                  </Table.Td>
                  <Table.Td>{formatDateTime(order.createdAt, locale)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {formatPatientName(order.patient)}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {order.patient.patientNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>{order.prescriberName ?? '—'}</Table.Td>
                  <Table.Td>{order.analyses.join(', ')}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {t('orders.list.tubes', {
                        total: order.specimens.total,
                        collected: order.specimens.collected,
                        received: order.specimens.received,
                      })}
                    </Text>
                    {order.specimens.rejected > 0 ? (
                      <Badge size="xs" color="red" variant="light">
                        {t('orders.list.rejected', { count: order.specimens.rejected })}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <OrderStatusBadge status={order.status} />
                      <UrgencyBadge urgency={order.urgency} hideRoutine />
                      {order.openNonConformities > 0 ? (
                        <Badge color="red" variant="filled" size="sm" data-testid="orders-recall">
                          {t('orders.list.recall')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
