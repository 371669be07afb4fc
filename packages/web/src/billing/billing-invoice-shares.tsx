import { Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import type { InvoiceView } from './billing-types.js';

/**
 * Who pays what (issue 5 item 4): AMO and AMC under tiers payant, the patient's share and what is
 * still due at the desk. The participation forfaitaire is tracked, not collected (CSS L160-13:
 * under tiers payant the AMO deducts it later).
 */
export function InvoiceShares({ invoice }: { invoice: InvoiceView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const euros = (cents: number) => formatEuros(cents, locale);
  const participation = invoice.participationForfaitaire;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <ShareAmount label={t('invoices.shares.total')} value={euros(invoice.totalCents)} testId="invoice-total" />
        <ShareAmount label={t('invoices.shares.amo')} value={euros(invoice.amoCents)} testId="invoice-amo" />
        <ShareAmount label={t('invoices.shares.amc')} value={euros(invoice.amcCents)} testId="invoice-amc" />
        <ShareAmount
          label={t('invoices.shares.patient')}
          value={euros(invoice.patientCents)}
          testId="invoice-patient"
        />
        {invoice.patientChargedCents !== 0 ? (
          <ShareAmount
            label={t('invoices.shares.charged')}
            value={euros(invoice.patientChargedCents)}
            testId="invoice-charged"
          />
        ) : null}
        <ShareAmount label={t('invoices.shares.paid')} value={euros(invoice.patientPaidCents)} testId="invoice-paid" />
        <ShareAmount
          label={t('invoices.shares.remaining')}
          value={euros(invoice.patientRemainingCents)}
          testId="invoice-remaining"
          strong
        />
        {invoice.amoPaidCents !== 0 || invoice.amcPaidCents !== 0 ? (
          <ShareAmount
            label={t('invoices.shares.insurersPaid')}
            value={euros(invoice.amoPaidCents + invoice.amcPaidCents)}
            testId="invoice-insurers-paid"
          />
        ) : null}
      </SimpleGrid>
      <Text size="xs" c="dimmed" data-testid="invoice-participation">
        {participation.cents !== 0
          ? t('invoices.shares.participation', { amount: euros(participation.cents), count: participation.count })
          : t('invoices.shares.noParticipation', { reason: participation.reason ?? '—' })}
      </Text>
      {invoice.amcRefundToPatientCents !== 0 ? (
        <Text size="xs" c="dimmed">
          {t('invoices.shares.amcRefund', { amount: euros(invoice.amcRefundToPatientCents) })}
        </Text>
      ) : null}
    </>
  );
}

function ShareAmount({
  label,
  value,
  testId,
  strong = false,
}: {
  label: string;
  value: string;
  testId: string;
  strong?: boolean;
}) {
  return (
    <Group
      gap={4}
      justify="space-between"
      wrap="nowrap"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 500} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}
