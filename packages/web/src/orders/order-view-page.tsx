import { Alert, Button, Card, Center, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconTag } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { BillingInvoiceCard } from '../billing/billing-invoice-card.js';
import type { FeasibilityWarning, OrderView } from '../api/workflow-types.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatIsoDate } from '../lib/typed-date.js';
import { PatientTrait } from '../patients/patient-trait.js';
import { OrderReportPanel } from '../reports/order-report-panel.js';
import { NonConformityList } from './non-conformity-list.js';
import { OrderAnalysesTable } from './order-analyses-table.js';
import { OrderStatusBadge, UrgencyBadge } from './order-badges.js';
import { OrderPatientBanner } from './order-patient-banner.js';
import { OrderPrescriptionsCard } from './order-prescriptions-card.js';
import { OrderQuotePanel } from './order-quote-panel.js';
import { OrderTubesTable } from './order-tubes-table.js';
import { fetchNonConformities, fetchOrder, labelsUrl, orderKeys } from './orders-api.js';
import { formatPrescriberName } from './prescriber-display.js';

/** One order: identity, tubes and labels, quote, invoice and payments, prescription scan, progress, report and delivery. */
export function OrderViewPage({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canQuote = useHasPermission('billing.quote');
  const canReadReports = useHasPermission('reports.read');
  const canInvoice = useHasPermission('billing.invoice');
  const order = useQuery({ queryKey: orderKeys.detail(orderId), queryFn: ({ signal }) => fetchOrder(orderId, signal) });
  const [creationWarnings] = useState(
    () => queryClient.getQueryData<FeasibilityWarning[]>(orderKeys.creationWarnings(orderId)) ?? []
  );
  const openCount = order.data?.openNonConformities ?? 0;
  const nonConformities = useQuery({
    queryKey: orderKeys.nonConformities({ orderId }),
    queryFn: ({ signal }) => fetchNonConformities({ orderId }, signal),
    enabled: openCount > 0,
  });

  if (order.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (order.isError) {
    return (
      <ApiErrorAlert error={order.error}>
        <RouterLink href={paths.orders}>{t('orders.view.backToList')}</RouterLink>
      </ApiErrorAlert>
    );
  }
  const view = order.data;
  const openItems = (nonConformities.data?.items ?? []).filter((item) => item.status !== 'closed');

  return (
    <Stack gap="md" maw={1200} data-testid="order-view" data-order-id={view.id} data-order-number={view.orderNumber}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={1} size="h3">
              {t('orders.view.title', { number: view.orderNumber })}
            </Title>
            <OrderStatusBadge status={view.status} />
            <UrgencyBadge urgency={view.urgency} hideRoutine />
          </Group>
        </div>
        <OrderLabelButtons orderId={view.id} />
      </Group>
      <OrderPatientBanner patient={view.patient} />
      {creationWarnings.length > 0 ? <CreationWarnings warnings={creationWarnings} /> : null}
      <NonConformityList items={openItems} showOrder={false} />
      <OrderDetailsCard order={view} />
      <Card withBorder padding="md">
        <Title order={2} size="h5" mb="sm">
          {t('orders.view.tubes')}
        </Title>
        <OrderTubesTable specimens={view.specimens} />
      </Card>
      <Card withBorder padding="md">
        <Title order={2} size="h5" mb="sm">
          {t('orders.view.analyses')}
        </Title>
        <OrderAnalysesTable analyses={view.analyses} />
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {canQuote ? <OrderQuotePanel order={view} /> : null}
        <OrderPrescriptionsCard order={view} />
      </SimpleGrid>
      {canInvoice ? <BillingInvoiceCard order={view} /> : null}
      {canReadReports ? <OrderReportPanel order={view} /> : null}
    </Stack>
  );
}

/** The labels PDF in a new tab: the browser's viewer prints it on the label printer or on A4 sheets. */
function OrderLabelButtons({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button
        component="a"
        href={labelsUrl(orderId, 'label50x25')}
        target="_blank"
        rel="noopener"
        leftSection={<IconTag size={16} />}
        data-testid="order-labels-50x25"
      >
        {t('orders.view.labels50x25')}
      </Button>
      <Button
        component="a"
        href={labelsUrl(orderId, 'a4')}
        target="_blank"
        rel="noopener"
        variant="light"
        leftSection={<IconTag size={16} />}
        data-testid="order-labels-a4"
      >
        {t('orders.view.labelsA4')}
      </Button>
    </Group>
  );
}

function CreationWarnings({ warnings }: { warnings: readonly FeasibilityWarning[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="order-feasibility-warnings">
      <Text size="sm" fw={600}>
        {t('orders.view.warnings')}
      </Text>
      <List size="sm">
        {warnings.map((warning) => (
          <List.Item key={`${warning.code}-${warning.analysisCode}`}>
            {warning.analysisCode} : {warning.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function OrderDetailsCard({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card withBorder padding="md">
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" verticalSpacing="sm" m={0}>
        <PatientTrait label={t('orders.fields.orderNumber')} testId="order-number">
          <Text span size="sm" ff="monospace" fw={600}>
            {order.orderNumber}
          </Text>
        </PatientTrait>
        <PatientTrait label={t('orders.fields.prescriber')} testId="order-prescriber-name">
          {order.prescriber === null
            ? '—'
            : `${formatPrescriberName(order.prescriber)}${order.prescriber.rpps === null ? '' : ` (RPPS ${order.prescriber.rpps})`}`}
        </PatientTrait>
        <PatientTrait label={t('orders.fields.prescriptionDate')}>
          {order.prescriptionDate === null ? '—' : formatIsoDate(order.prescriptionDate)}
        </PatientTrait>
        <PatientTrait label={t('orders.fields.fasting')}>{t(`orders.fasting.${order.patientFasting}`)}</PatientTrait>
        <PatientTrait label={t('orders.fields.plannedSamplingAt')}>
          {formatDateTime(order.plannedSamplingAt, locale)}
        </PatientTrait>
        <PatientTrait label={t('orders.fields.urgency')}>{t(`orders.urgency.${order.urgency}`)}</PatientTrait>
        <PatientTrait label={t('orders.fields.createdAt')}>
          {formatDateTime(order.createdAt, locale)}
          {order.createdBy !== null ? ` · ${order.createdBy}` : ''}
        </PatientTrait>
        <PatientTrait label={t('orders.fields.clinicalInfo')}>{order.clinicalInfo ?? '—'}</PatientTrait>
      </SimpleGrid>
    </Card>
  );
}
