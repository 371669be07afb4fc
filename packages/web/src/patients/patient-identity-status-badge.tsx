import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IdentityStatus } from '../api/types.js';

const statusColors: Record<IdentityStatus, string> = { PROV: 'gray', RECUP: 'blue', VALI: 'cyan', QUAL: 'teal' };

export function PatientIdentityStatusBadge({ status }: { status: IdentityStatus }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`patients.status.${status}.label`)} withinPortal>
      <Badge color={statusColors[status]} variant="light" size="sm" data-testid="patient-identity-status">
        {status}
      </Badge>
    </Tooltip>
  );
}
