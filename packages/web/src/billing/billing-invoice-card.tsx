import { Button, Card, Center, Checkbox, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconFileInvoice, IconFileText, IconReceipt2, IconReceiptRefund } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { isApiError } from '../api/api-error.js';
import { notifySuccess } from '../api/notify.js';
import type { OrderView } from '../api/workflow-types.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import {
  billingKeys,
  createInvoice,
  fetchInvoice,
  fetchInvoices,
  invoicePdfUrl,
  issueInvoice,
  receiptPdfUrl,
} from './billing-api.js';
import { useDeskCode } from './billing-cash-desk.js';
import { InvoiceCreditNoteForm } from './billing-invoice-credit-note-form.js';
import { InvoiceFsePanel } from './billing-invoice-fse-panel.js';
import { InvoiceHistory } from './billing-invoice-history.js';
import { InvoiceLinesTable } from './billing-invoice-lines-table.js';
import { InvoiceShares } from './billing-invoice-shares.js';
import { InvoiceStatusBadge } from './billing-invoice-status-badge.js';
import { PaymentForm } from './billing-payment-form.js';
import { PaymentList } from './billing-payment-list.js';
import { PaymentRefundForm } from './billing-payment-refund-form.js';
import type { InvoiceSummary, InvoiceView } from './billing-types.js';

/** The order's active invoice: one per order; a cancelled one stays in the history with its credit note. */
export function activeInvoiceOf(items: readonly InvoiceSummary[]): InvoiceSummary | undefined {
  return items.find((item) => item.kind === 'invoice' && item.status !== 'cancelled');
}

/**
 * Billing of one order at the desk (issue 5): create the invoice from the order's analyses, its
 * cotation and shares, PDFs, payments and refunds, credit note, FSE data for the certified software.
 */
export function BillingInvoiceCard({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const listQuery = { orderId: order.id };
  const invoices = useQuery({
    queryKey: billingKeys.invoiceList(listQuery),
    queryFn: ({ signal }) => fetchInvoices(listQuery, signal),
  });
  const items = invoices.data?.items ?? [];
  const active = activeInvoiceOf(items);
  const history = items.filter((item) => item !== active);

  // No AMO coverage to bill (not insured, rights not open): the patient pays every act, no FSE.
  const [patientPays, setPatientPays] = useState(false);
  const create = useMutation({
    mutationFn: (draft: boolean) => createInvoice(order.id, draft, patientPays ? 'patient' : 'coverage'),
    onSuccess: (invoice) => {
      notifySuccess(
        invoice.number === null ? t('invoices.card.drafted') : t('invoices.card.issued', { number: invoice.number })
      );
      queryClient.setQueryData(billingKeys.invoice(invoice.id), invoice);
      void queryClient.invalidateQueries({ queryKey: billingKeys.invoices });
    },
  });

  return (
    <Card withBorder padding="md" data-testid="order-invoice">
      <Title order={2} size="h5" mb="sm">
        {t('invoices.card.title')}
      </Title>
      {invoices.isPending ? (
        <Center py="sm">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : invoices.isError ? (
        <ApiErrorAlert error={invoices.error} />
      ) : active === undefined ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" data-testid="invoice-none">
            {history.length > 0 ? t('invoices.card.reinvoice') : t('invoices.card.none')}
          </Text>
          <Group gap="xs">
            <Button
              leftSection={<IconFileInvoice size={16} />}
              onClick={() => create.mutate(false)}
              loading={create.isPending && create.variables === false}
            >
              {t('invoices.card.create')}
            </Button>
            <Button
              variant="default"
              onClick={() => create.mutate(true)}
              loading={create.isPending && create.variables === true}
            >
              {t('invoices.card.createDraft')}
            </Button>
          </Group>
          <Checkbox
            label={t('invoices.card.patientPays')}
            description={t('invoices.card.patientPaysHint')}
            checked={patientPays}
            onChange={(event) => setPatientPays(event.currentTarget.checked)}
          />
          {create.isError ? (
            <ApiErrorAlert error={create.error}>
              {isApiError(create.error) && create.error.code.startsWith('SIL_COVERAGE') ? (
                <RouterLink href={paths.patient(order.patient.id)} size="sm">
                  {t('invoices.card.enterCoverage')}
                </RouterLink>
              ) : null}
            </ApiErrorAlert>
          ) : null}
        </Stack>
      ) : (
        <ActiveInvoice invoiceId={active.id} />
      )}
      {history.length > 0 ? (
        <>
          <Divider my="sm" />
          <InvoiceHistory items={history} />
        </>
      ) : null}
    </Card>
  );
}

type OpenForm = 'none' | 'refund' | 'credit';

function ActiveInvoice({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const invoice = useQuery({
    queryKey: billingKeys.invoice(invoiceId),
    queryFn: ({ signal }) => fetchInvoice(invoiceId, signal),
  });
  if (invoice.isPending) {
    return (
      <Center py="sm">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (invoice.isError) {
    return <ApiErrorAlert error={invoice.error} />;
  }
  return <InvoiceDetail invoice={invoice.data} />;
}

function InvoiceDetail({ invoice }: { invoice: InvoiceView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const canCash = useHasPermission('billing.cash');
  const [deskCode] = useDeskCode();
  const [openForm, setOpenForm] = useState<OpenForm>('none');
  const issued = invoice.number !== null;

  const issue = useMutation({
    mutationFn: () => issueInvoice(invoice.id),
    onSuccess: (answer) => {
      notifySuccess(t('invoices.card.issued', { number: answer.number ?? '' }));
      queryClient.setQueryData(billingKeys.invoice(answer.id), answer);
      void queryClient.invalidateQueries({ queryKey: billingKeys.invoices });
    },
  });

  return (
    <Stack
      gap="sm"
      data-testid="invoice-detail"
      data-invoice-id={invoice.id}
      data-invoice-number={invoice.number ?? ''}
      data-status={invoice.status}
    >
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Text fw={700} ff="monospace" data-testid="invoice-number">
              {invoice.number ?? t('invoices.card.draftNumber')}
            </Text>
            <InvoiceStatusBadge status={invoice.status} patientRemainingCents={invoice.patientRemainingCents} />
          </Group>
          <Text size="xs" c="dimmed">
            {issued
              ? t('invoices.card.issuedAt', { date: formatDateTime(invoice.issuedAt, locale) })
              : t('invoices.card.draftHint')}
          </Text>
        </div>
        <Group gap="xs">
          {!issued ? (
            <Button onClick={() => issue.mutate()} loading={issue.isPending}>
              {t('invoices.card.issue')}
            </Button>
          ) : null}
          <Button
            component="a"
            href={invoicePdfUrl(invoice.id)}
            target="_blank"
            rel="noopener"
            variant="light"
            leftSection={<IconFileText size={16} />}
            data-testid="invoice-pdf"
          >
            {t('invoices.card.openPdf')}
          </Button>
          {issued ? (
            <Button
              component="a"
              href={receiptPdfUrl(invoice.id)}
              target="_blank"
              rel="noopener"
              variant="light"
              leftSection={<IconReceipt2 size={16} />}
              data-testid="invoice-receipt"
            >
              {t('invoices.card.openReceipt')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {issue.isError ? <ApiErrorAlert error={issue.error} /> : null}
      <InvoiceLinesTable lines={invoice.lines} />
      <InvoiceShares invoice={invoice} />
      {invoice.notes.length > 0 ? (
        <Stack gap={2}>
          {invoice.notes.map((note) => (
            <Text key={note} size="xs" c="dimmed">
              {note}
            </Text>
          ))}
        </Stack>
      ) : null}
      {issued ? (
        <>
          <Divider label={t('invoices.payments.title')} labelPosition="left" />
          <PaymentList payments={invoice.payments} />
          {canCash ? (
            <>
              <Text size="xs" c="dimmed">
                {t('invoices.payments.deskHint', { desk: deskCode })}{' '}
                <RouterLink href={paths.cashDesk} size="xs">
                  {t('invoices.payments.changeDesk')}
                </RouterLink>
              </Text>
              {invoice.patientRemainingCents > 0 ? (
                <PaymentForm key={invoice.version} invoice={invoice} deskCode={deskCode} />
              ) : (
                <Text size="sm" data-testid="invoice-settled">
                  {t('invoices.payments.nothingDue')}
                </Text>
              )}
            </>
          ) : null}
          {openForm === 'refund' ? (
            <PaymentRefundForm invoice={invoice} deskCode={deskCode} onDone={() => setOpenForm('none')} />
          ) : null}
          {openForm === 'credit' ? (
            <InvoiceCreditNoteForm invoice={invoice} onDone={() => setOpenForm('none')} />
          ) : null}
          {openForm === 'none' ? (
            <Group gap="xs">
              {canCash && invoice.patientPaidCents > 0 ? (
                <Button
                  variant="subtle"
                  color="orange"
                  leftSection={<IconReceiptRefund size={16} />}
                  onClick={() => setOpenForm('refund')}
                >
                  {t('invoices.refunds.action')}
                </Button>
              ) : null}
              <Button variant="subtle" color="red" onClick={() => setOpenForm('credit')}>
                {t('invoices.credit.action')}
              </Button>
            </Group>
          ) : null}
          <Divider />
          <InvoiceFsePanel invoice={invoice} />
        </>
      ) : null}
    </Stack>
  );
}
