import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import type { DeskMovement } from './billing-types.js';

/** The desk-day's payments and refunds, as the drawer received and gave them. */
export function CashMovementsTable({ movements }: { movements: readonly DeskMovement[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (movements.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="cash-no-movements">
        {t('cashDesk.noMovements')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder striped data-testid="cash-movements">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cashDesk.time')}</Table.Th>
            <Table.Th>{t('cashDesk.invoice')}</Table.Th>
            <Table.Th>{t('cashDesk.kind')}</Table.Th>
            <Table.Th>{t('cashDesk.method')}</Table.Th>
            <Table.Th ta="right">{t('cashDesk.amount')}</Table.Th>
            <Table.Th>{t('cashDesk.by')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {movements.map((movement) => (
            <Table.Tr key={movement.id} data-testid="cash-movement-row" data-method={movement.method}>
              <Table.Td>{formatDateTime(movement.recordedAt, locale)}</Table.Td>
              <Table.Td ff="monospace">{movement.invoiceNumber ?? '—'}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={movement.direction === 'refund' ? 'orange' : 'teal'}>
                  {t(`invoices.payments.direction.${movement.direction}`)}
                </Badge>
                {movement.reason !== null ? (
                  <Text size="xs" c="dimmed">
                    {movement.reason}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {t(`invoices.methods.${movement.method}`)}
                {movement.reference !== null ? (
                  <Text size="xs" c="dimmed">
                    {movement.reference}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right">
                {formatEuros(movement.direction === 'refund' ? -movement.amountCents : movement.amountCents, locale)}
              </Table.Td>
              <Table.Td>{movement.recordedBy ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
