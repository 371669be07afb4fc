import { Button } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The patient statement (relevé de compte) PDF, issue 5 item 7: served by the API, access logged. */
export const statementPdfUrl = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/statement.pdf`;

/** Opens the patient statement in a new tab (same-origin cookie session). Permission `billing.disputes`. */
export function BillingStatementLink({ patientId, size = 'xs' }: { patientId: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={statementPdfUrl(patientId)}
      target="_blank"
      rel="noopener"
      size={size}
      variant="default"
      leftSection={<IconFileInvoice size={14} />}
      data-testid="patient-statement-link"
    >
      {t('disputes.statement')}
    </Button>
  );
}
