import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PatientDuplicateCandidate } from '../api/types.js';
import { PatientDuplicateList } from './patient-duplicate-list.js';

/** The server refused with SIL_PATIENT_DUPLICATE_SUSPECTED: show who, and let the user decide. */
export function PatientDuplicateConfirmModal({
  candidates,
  message,
  onCancel,
  onConfirm,
  confirming,
}: {
  candidates: readonly PatientDuplicateCandidate[] | null;
  message: string;
  onCancel: () => void;
  onConfirm: () => void;
  confirming: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={candidates !== null} onClose={onCancel} title={t('patients.duplicates.confirmTitle')} size="xl">
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        {candidates !== null && candidates.length > 0 ? <PatientDuplicateList candidates={candidates} /> : null}
        <Text size="xs" c="dimmed">
          {t('patients.duplicates.confirmHint')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="orange" onClick={onConfirm} loading={confirming}>
            {t('patients.duplicates.createAnyway')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
