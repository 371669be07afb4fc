import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DisputeStatus } from './billing-dispute-api.js';

const statusColors: Readonly<Record<DisputeStatus, string>> = {
  open: 'orange',
  corrected_resubmitted: 'blue',
  billed_to_patient: 'grape',
  written_off: 'gray',
};

export function BillingDisputeStatusBadge({ status }: { status: DisputeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" data-testid="dispute-status" data-status={status}>
      {t(`disputes.statuses.${status}`)}
    </Badge>
  );
}
