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

export function InvoiceStatusBadge({ status, kind = 'invoice' }: { status: InvoiceStatus; kind?: InvoiceKind }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={kind === 'credit_note' ? 'grape' : colours[status]}
      variant="light"
      data-testid="invoice-status"
      data-status={status}
    >
      {kind === 'credit_note' ? t('invoices.kind.credit_note') : t(`invoices.status.${status}`)}
    </Badge>
  );
}
