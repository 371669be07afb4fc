import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import type { ClosingFigures } from './billing-types.js';

/** A closed day's figures as archived in the Z report: expected, counted and the difference per method. */
export function CashFiguresTable({ figures }: { figures: ClosingFigures }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const euros = (cents: number) => formatEuros(cents, locale);
  return (
    <Table withTableBorder data-testid="cash-closing-figures">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('cashDesk.method')}</Table.Th>
          <Table.Th ta="right">{t('cashDesk.received')}</Table.Th>
          <Table.Th ta="right">{t('cashDesk.refunded')}</Table.Th>
          <Table.Th ta="right">{t('cashDesk.expected')}</Table.Th>
          <Table.Th ta="right">{t('cashDesk.counted')}</Table.Th>
          <Table.Th ta="right">{t('cashDesk.difference')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {figures.lines.map((line) => (
          <Table.Tr key={line.method} data-method={line.method}>
            <Table.Td>{t(`invoices.methods.${line.method}`)}</Table.Td>
            <Table.Td ta="right">{euros(line.receivedCents)}</Table.Td>
            <Table.Td ta="right">{euros(line.refundedCents)}</Table.Td>
            <Table.Td ta="right">{euros(line.expectedCents)}</Table.Td>
            <Table.Td ta="right">{euros(line.countedCents)}</Table.Td>
            <Table.Td ta="right" c={line.differenceCents === 0 ? undefined : 'red'}>
              {euros(line.differenceCents)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{t('cashDesk.total')}</Table.Th>
          <Table.Th colSpan={2}>
            <Text size="xs" c="dimmed">
              {t('cashDesk.floatShown', { amount: euros(figures.cashFloatCents) })}
            </Text>
          </Table.Th>
          <Table.Th ta="right">{euros(figures.expectedTotalCents)}</Table.Th>
          <Table.Th ta="right">{euros(figures.countedTotalCents)}</Table.Th>
          <Table.Th ta="right" data-testid="cash-closing-difference">
            {euros(figures.differenceTotalCents)}
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
