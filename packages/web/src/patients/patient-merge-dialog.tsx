import { Alert, Button, Card, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths.js';
import { navigate } from '../app/router.js';
import { notifyError, notifySuccess } from '../api/notify.js';
import type { Patient, PatientSummary } from '../api/types.js';
import { requiredField } from '../lib/required-field.js';
import { formatIsoDate } from '../lib/typed-date.js';
import { formatPatientName } from './patient-display.js';
import { PatientIdentityStatusBadge } from './patient-identity-status-badge.js';
import { PatientSearchBox } from './patient-search-box.js';
import { mergePatients, patientQueryKey } from './patients-api.js';

function PatientMergeSide({ title, patient }: { title: string; patient: PatientSummary | Patient }) {
  return (
    <Card withBorder padding="xs" style={{ flex: 1 }}>
      <Text size="xs" c="dimmed">
        {title}
      </Text>
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {formatPatientName(patient)}
        </Text>
        <PatientIdentityStatusBadge status={patient.identityStatus} />
      </Group>
      <Text size="xs" ff="monospace">
        {patient.patientNumber} · {formatIsoDate(patient.birthDate)}
      </Text>
    </Card>
  );
}

/**
 * Merges this record (the duplicate) into another one, the one that is kept. A reason is
 * mandatory: identity merges are traced (audit trail) and reviewed by identitovigilance.
 */
export function PatientMergeDialog({
  source,
  opened,
  onClose,
}: {
  source: Patient;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<PatientSummary | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const close = () => {
    setTarget(null);
    setReason('');
    setReasonError(null);
    onClose();
  };

  const mutation = useMutation({
    mutationFn: (targetId: string) => mergePatients({ sourceId: source.id, targetId, reason: reason.trim() }),
    onSuccess: (kept) => {
      queryClient.setQueryData(patientQueryKey(kept.id), kept);
      void queryClient.invalidateQueries({ queryKey: ['patients'] });
      notifySuccess(t('patients.merge.done', { source: source.patientNumber, target: kept.patientNumber }));
      close();
      navigate(paths.patient(kept.id));
    },
    onError: (error) => notifyError(error, t('common.unknownError')),
  });

  const confirm = () => {
    if (reason.trim() === '') {
      setReasonError(t('patients.merge.reasonRequired'));
      return;
    }
    if (target !== null) {
      mutation.mutate(target.id);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('patients.merge.title')} size="xl">
      <Stack gap="sm">
        <Text size="sm">{t('patients.merge.intro')}</Text>
        {target === null ? (
          <PatientSearchBox
            inputId="patient-merge-search-input"
            label={t('patients.merge.targetLabel')}
            excludeId={source.id}
            limit={10}
            onSelect={setTarget}
            autoFocus
          />
        ) : (
          <>
            <Group align="stretch" gap="sm" wrap="nowrap">
              <PatientMergeSide title={t('patients.merge.sourceTitle')} patient={source} />
              <IconGitMerge size={20} style={{ alignSelf: 'center' }} aria-hidden />
              <PatientMergeSide title={t('patients.merge.targetTitle')} patient={target} />
            </Group>
            <Alert color="orange" p="xs">
              {t('patients.merge.warning', { source: source.patientNumber, target: target.patientNumber })}
            </Alert>
            <Textarea
              label={t('patients.merge.reason')}
              autosize
              minRows={2}
              autoFocus
              value={reason}
              error={reasonError}
              {...requiredField}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setReasonError(null);
              }}
            />
            <Group justify="space-between">
              <Button variant="subtle" onClick={() => setTarget(null)}>
                {t('patients.merge.changeTarget')}
              </Button>
              <Group>
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button
                  color="red"
                  onClick={confirm}
                  loading={mutation.isPending}
                  leftSection={<IconGitMerge size={16} />}
                >
                  {t('patients.merge.confirm')}
                </Button>
              </Group>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
