import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceKind, InvoiceStatus } from './billing-types.js';

const colours: Record<InvoiceStatus, string> = {
  draft: 'gray',
  issued: 'blue',
  sent: 'indigo',
  partially_paid: 'orange',
  paid: 'teal',
  cancelled: 'red',
};

/**
 * `patientRemainingCents`: when the patient owes nothing more on a partly paid invoice, the desk is
 * told the rest is the insurers' (AMO/AMC in tiers payant), not the patient's.
 */
export function InvoiceStatusBadge({
  status,
  kind = 'invoice',
  patientRemainingCents,
}: {
  status: InvoiceStatus;
  kind?: InvoiceKind;
  patientRemainingCents?: number;
}) {
  const { t } = useTranslation();
  const awaitingInsurer = status === 'partially_paid' && patientRemainingCents === 0;
  return (
    <Badge
      color={kind === 'credit_note' ? 'grape' : colours[status]}
      variant="light"
      data-testid="invoice-status"
      data-status={status}
    >
      {kind === 'credit_note'
        ? t('invoices.kind.credit_note')
        : awaitingInsurer
          ? t('invoices.status.awaitingInsurer')
          : t(`invoices.status.${status}`)}
    </Badge>
  );
}
