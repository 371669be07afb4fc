import { Alert, List, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IdentityStatus } from '../api/types.js';

/**
 * The rule of each RNIV identity status (référentiel national d'identitovigilance, EXI SI 07/08):
 * what must have been checked, and whether the INS may be shared.
 */
export function PatientIdentityStatusHint({ status }: { status: IdentityStatus }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={status === 'QUAL' ? 'teal' : 'gray'}
      variant="light"
      icon={<IconInfoCircle size={16} />}
      p="xs"
      data-testid="patient-status-hint"
    >
      <Text size="xs" fw={600}>
        {t(`patients.status.${status}.label`)}
      </Text>
      <Text size="xs">{t(`patients.status.${status}.rule`)}</Text>
      <List size="xs" mt={4}>
        <List.Item>{t('patients.status.ruleShare')}</List.Item>
      </List>
    </Alert>
  );
}
