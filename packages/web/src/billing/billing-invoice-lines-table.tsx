import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import type { InvoiceLine } from './billing-types.js';

/** The cotation of the invoice: each NABM act, its coefficient and amount, and why it is (not) billed. */
export function InvoiceLinesTable({ lines }: { lines: readonly InvoiceLine[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder data-testid="invoice-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoices.lines.code')}</Table.Th>
            <Table.Th>{t('invoices.lines.label')}</Table.Th>
            <Table.Th>{t('invoices.lines.coefficient')}</Table.Th>
            <Table.Th ta="right">{t('invoices.lines.amount')}</Table.Th>
            <Table.Th ta="right">{t('invoices.lines.patient')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr
              key={line.position}
              c={line.billed ? undefined : 'dimmed'}
              data-testid="invoice-line"
              data-code={line.code}
              data-billed={line.billed}
            >
              <Table.Td ff="monospace">{line.code}</Table.Td>
              <Table.Td>
                <Text size="sm">{line.label}</Text>
                <Text size="xs" c="dimmed">
                  {line.billed ? '' : `${t('invoices.lines.notBilled')} — `}
                  {line.reason}
                </Text>
              </Table.Td>
              <Table.Td>
                {line.coefficient === null
                  ? t('invoices.lines.offNomenclature')
                  : `${line.keyLetter ?? 'B'} ${line.coefficient.toLocaleString(locale)}`}
              </Table.Td>
              <Table.Td ta="right">{line.billed ? formatEuros(line.amountCents, locale) : '—'}</Table.Td>
              <Table.Td ta="right">{line.billed ? formatEuros(line.patientCents, locale) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
