import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { invoicePdfUrl } from './billing-api.js';
import { InvoiceStatusBadge } from './billing-invoice-status-badge.js';
import type { InvoiceSummary } from './billing-types.js';

/** Earlier invoices of the order, cancelled, and their credit notes (never deleted). */
export function InvoiceHistory({ items }: { items: readonly InvoiceSummary[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap={4} data-testid="invoice-history">
      <Text size="sm" fw={600}>
        {t('invoices.card.history')}
      </Text>
      {items.map((item) => (
        <Group key={item.id} gap="xs" data-testid="invoice-history-row" data-kind={item.kind}>
          <Text size="sm" ff="monospace">
            {item.number ?? t('invoices.card.draftNumber')}
          </Text>
          <InvoiceStatusBadge
            status={item.status}
            kind={item.kind}
            patientRemainingCents={item.patientRemainingCents}
          />
          <Text size="sm">{formatEuros(item.totalCents, locale)}</Text>
          {item.creditReason !== null && item.kind === 'credit_note' ? (
            <Text size="xs" c="dimmed">
              {item.creditReason}
            </Text>
          ) : null}
          <Anchor href={invoicePdfUrl(item.id)} target="_blank" rel="noopener" size="sm">
            {t('invoices.card.openPdf')}
          </Anchor>
        </Group>
      ))}
    </Stack>
  );
}
