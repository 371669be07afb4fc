import { Alert, Loader, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PatientDuplicateCandidate } from '../api/types.js';
import { PatientDuplicateList } from './patient-duplicate-list.js';

/** Live warning on the creation form: similar patients already exist. */
export function PatientDuplicateAlert({
  candidates,
  isChecking,
}: {
  candidates: readonly PatientDuplicateCandidate[];
  isChecking: boolean;
}) {
  const { t } = useTranslation();
  if (candidates.length === 0) {
    return isChecking ? (
      <Text size="xs" c="dimmed" role="status">
        <Loader size={10} mr={6} />
        {t('patients.duplicates.checking')}
      </Text>
    ) : null;
  }
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle size={18} />}
      title={t('patients.duplicates.title', { count: candidates.length })}
      role="alert"
      data-testid="patient-duplicate-alert"
    >
      <Text size="xs" mb="xs">
        {t('patients.duplicates.intro')}
      </Text>
      <PatientDuplicateList candidates={candidates} />
    </Alert>
  );
}
