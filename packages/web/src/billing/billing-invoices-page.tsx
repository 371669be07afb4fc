import { Button, Card, Center, Group, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { invoiceStatuses } from '@sillage/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { paths } from '../app/paths.js';
import { navigate } from '../app/router.js';
import { RouterLink } from '../app/router-link.js';
import { formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatIsoDate, localIsoDate } from '../lib/typed-date.js';
import { formatPatientName } from '../patients/patient-display.js';
import { billingKeys, fetchInvoices } from './billing-api.js';
import {
  invoiceFiltersSearch,
  invoiceTotals,
  readInvoiceFilters,
  type InvoiceFilters,
} from './billing-invoices-filter.js';
import { InvoicesPatientFilter } from './billing-invoices-patient-filter.js';
import { InvoiceStatusBadge } from './billing-invoice-status-badge.js';
import type { InvoiceListItem, InvoiceStatus } from './billing-types.js';

/** Invoices and credit notes: by day of the acts, patient and status, with what is still due. */
export function BillingInvoicesPage({ search }: { search: URLSearchParams }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const filters = readInvoiceFilters(search);
  const query = {
    ...(filters.date === null ? {} : { date: filters.date }),
    ...(filters.patientId === null ? {} : { patientId: filters.patientId }),
    ...(filters.status === null ? {} : { status: filters.status }),
    limit: 500,
  };
  const invoices = useQuery({
    queryKey: billingKeys.invoiceList(query),
    queryFn: ({ signal }) => fetchInvoices(query, signal),
  });
  const items = invoices.data?.items ?? [];
  const go = (next: Partial<InvoiceFilters>) =>
    navigate(`${paths.invoices}${invoiceFiltersSearch({ ...filters, ...next })}`, { replace: true });
  const euros = (cents: number) => formatEuros(cents, locale);
  const totals = invoiceTotals(items);

  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('invoices.list.title')}
      </Title>
      <Card withBorder padding="sm">
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('invoices.list.date')}
            value={filters.date ?? ''}
            onChange={(event) => go({ date: event.currentTarget.value === '' ? null : event.currentTarget.value })}
          />
          <Button variant="default" onClick={() => go({ date: localIsoDate() })}>
            {t('invoices.list.today')}
          </Button>
          <NativeSelect
            label={t('invoices.list.status')}
            value={filters.status ?? ''}
            onChange={(event) =>
              go({
                status: invoiceStatuses.find((status) => status === event.currentTarget.value) ?? null,
              })
            }
            data={[
              { value: '', label: t('invoices.list.allStatuses') },
              ...invoiceStatuses.map((value: InvoiceStatus) => ({ value, label: t(`invoices.status.${value}`) })),
            ]}
          />
          <InvoicesPatientFilter patientId={filters.patientId} onChange={(patientId) => go({ patientId })} />
          {filters.date !== null || filters.status !== null || filters.patientId !== null ? (
            <Button variant="subtle" onClick={() => go({ date: null, status: null, patientId: null })}>
              {t('common.reset')}
            </Button>
          ) : null}
        </Group>
      </Card>
      {invoices.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : invoices.isError ? (
        <ApiErrorAlert error={invoices.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed" data-testid="invoices-none">
          {t('invoices.list.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover withTableBorder data-testid="invoices-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoices.list.number')}</Table.Th>
                <Table.Th>{t('invoices.list.status')}</Table.Th>
                <Table.Th>{t('invoices.list.actsDate')}</Table.Th>
                <Table.Th>{t('invoices.list.patient')}</Table.Th>
                <Table.Th>{t('invoices.list.order')}</Table.Th>
                <Table.Th ta="right">{t('invoices.list.total')}</Table.Th>
                <Table.Th ta="right">{t('invoices.list.patientShare')}</Table.Th>
                <Table.Th ta="right">{t('invoices.list.paid')}</Table.Th>
                <Table.Th ta="right">{t('invoices.list.remaining')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <InvoiceRow key={item.id} item={item} euros={euros} />
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr data-testid="invoices-totals">
                <Table.Th colSpan={5}>{t('invoices.list.totals', { count: items.length })}</Table.Th>
                <Table.Th ta="right">{euros(totals.totalCents)}</Table.Th>
                <Table.Th ta="right">{euros(totals.patientCents)}</Table.Th>
                <Table.Th ta="right">{euros(totals.patientPaidCents)}</Table.Th>
                <Table.Th ta="right">{euros(totals.patientRemainingCents)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function InvoiceRow({ item, euros }: { item: InvoiceListItem; euros: (cents: number) => string }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="invoices-row" data-invoice-number={item.number ?? ''} data-status={item.status}>
      <Table.Td ff="monospace" fw={600}>
        {item.number ?? t('invoices.card.draftNumber')}
      </Table.Td>
      <Table.Td>
        <InvoiceStatusBadge status={item.status} kind={item.kind} patientRemainingCents={item.patientRemainingCents} />
      </Table.Td>
      <Table.Td>{formatIsoDate(item.actsDate)}</Table.Td>
      <Table.Td>
        <RouterLink href={paths.patient(item.patientId)} size="sm">
          {formatPatientName({ birthName: item.patient.birthName, firstFirstName: item.patient.firstName })}
        </RouterLink>
      </Table.Td>
      <Table.Td>
        <RouterLink href={paths.order(item.orderId)} ff="monospace" size="sm">
          {item.orderNumber}
        </RouterLink>
      </Table.Td>
      <Table.Td ta="right">{euros(item.totalCents)}</Table.Td>
      <Table.Td ta="right">{euros(item.patientCents + item.patientChargedCents)}</Table.Td>
      <Table.Td ta="right">{euros(item.patientPaidCents)}</Table.Td>
      <Table.Td ta="right" fw={item.patientRemainingCents > 0 ? 700 : undefined}>
        {euros(item.patientRemainingCents)}
      </Table.Td>
    </Table.Tr>
  );
}
