import { Anchor, Table, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatIsoDate } from '../lib/typed-date.js';
import { closingPdfUrl } from './billing-api.js';
import type { ClosingView } from './billing-types.js';

/** Past closings of the site's desks, each with its archived Z report. */
export function CashClosingsTable({ closings }: { closings: readonly ClosingView[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (closings.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('cashDesk.noClosings')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withTableBorder striped data-testid="cash-closings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cashDesk.date')}</Table.Th>
            <Table.Th>{t('cashDesk.desk')}</Table.Th>
            <Table.Th ta="right">{t('cashDesk.expected')}</Table.Th>
            <Table.Th ta="right">{t('cashDesk.counted')}</Table.Th>
            <Table.Th ta="right">{t('cashDesk.difference')}</Table.Th>
            <Table.Th>{t('cashDesk.closedBy')}</Table.Th>
            <Table.Th aria-label={t('common.actions')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {closings.map((closing) => (
            <Table.Tr
              key={closing.id}
              data-testid="cash-closing-row"
              data-desk={closing.deskCode}
              data-date={closing.date}
            >
              <Table.Td>{formatIsoDate(closing.date)}</Table.Td>
              <Table.Td ff="monospace">
                {closing.siteCode} · {closing.deskCode}
              </Table.Td>
              <Table.Td ta="right">{formatEuros(closing.figures.expectedTotalCents, locale)}</Table.Td>
              <Table.Td ta="right">{formatEuros(closing.figures.countedTotalCents, locale)}</Table.Td>
              <Table.Td ta="right" c={closing.figures.differenceTotalCents === 0 ? undefined : 'red'}>
                {formatEuros(closing.figures.differenceTotalCents, locale)}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{formatDateTime(closing.closedAt, locale)}</Text>
                <Text size="xs" c="dimmed">
                  {closing.closedBy ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor href={closingPdfUrl(closing.id)} target="_blank" rel="noopener" size="sm">
                  <IconFileText size={14} aria-hidden /> {t('cashDesk.zReport')}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
