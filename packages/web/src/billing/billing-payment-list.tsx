import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import type { PaymentView } from './billing-types.js';

/** Payments and refunds of an invoice, as recorded (append-only). */
export function PaymentList({ payments }: { payments: readonly PaymentView[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (payments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('invoices.payments.none')}
      </Text>
    );
  }
  return (
    <Table withTableBorder data-testid="invoice-payments">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('invoices.payments.recordedAt')}</Table.Th>
          <Table.Th>{t('invoices.payments.kind')}</Table.Th>
          <Table.Th>{t('invoices.payments.method')}</Table.Th>
          <Table.Th ta="right">{t('invoices.payments.amountShort')}</Table.Th>
          <Table.Th>{t('invoices.payments.desk')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {payments.map((payment) => (
          <Table.Tr key={payment.id} data-testid="invoice-payment-row" data-direction={payment.direction}>
            <Table.Td>
              <Text size="xs">{formatDateTime(payment.recordedAt, locale)}</Text>
              <Text size="xs" c="dimmed">
                {payment.recordedBy ?? ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={payment.direction === 'refund' ? 'orange' : 'teal'}>
                {t(`invoices.payments.direction.${payment.direction}`)}
              </Badge>
              {payment.reason !== null ? (
                <Text size="xs" c="dimmed">
                  {payment.reason}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              {t(`invoices.methods.${payment.method}`)}
              {payment.reference !== null ? (
                <Text size="xs" c="dimmed">
                  {payment.reference}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td ta="right">
              {formatEuros(payment.direction === 'refund' ? -payment.amountCents : payment.amountCents, locale)}
            </Table.Td>
            <Table.Td ff="monospace">{payment.deskCode}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
