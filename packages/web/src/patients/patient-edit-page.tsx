import { Alert, Button, Center, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths.js';
import { navigate } from '../app/router.js';
import { isApiError } from '../api/api-error.js';
import { notifyError, notifySuccess } from '../api/notify.js';
import type { Patient, PatientUpdateInput } from '../api/types.js';
import { requiredField } from '../lib/required-field.js';
import { formatPatientName } from './patient-display.js';
import { patientFormValidation } from './patient-form-validation.js';
import {
  changedPatientFields,
  formValuesToPatientInput,
  patientToFormValues,
  patientToInput,
  type PatientFormValues,
} from './patient-form-values.js';
import { PatientIdentityForm } from './patient-identity-form.js';
import { applyServerErrorsToForm } from './patient-server-errors.js';
import { patientQueryKey, updatePatient } from './patients-api.js';
import { usePatient } from './use-patient.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';

function PatientEditForm({ patient, onReload }: { patient: Patient; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm<PatientFormValues>({
    initialValues: patientToFormValues(patient),
    validate: patientFormValidation(t),
  });

  const mutation = useMutation({
    mutationFn: (input: PatientUpdateInput) => updatePatient(patient.id, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(patientQueryKey(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['patients', 'search'] });
      notifySuccess(t('patients.edit.saved'));
      navigate(paths.patient(updated.id));
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'SIL_CONFLICT') {
        setConflict(true);
        return;
      }
      if (isApiError(error) && error.code === 'SIL_REASON_REQUIRED') {
        setReasonError(error.title);
        return;
      }
      applyServerErrorsToForm(error, form);
      notifyError(error, t('common.unknownError'));
    },
  });

  const submit = form.onSubmit((values) => {
    const after = formValuesToPatientInput(values);
    if (after === null) {
      return;
    }
    const changes = changedPatientFields(patientToInput(patient), after);
    if (Object.keys(changes).length === 0) {
      notifySuccess(t('patients.edit.noChange'));
      return;
    }
    if (reason.trim() === '') {
      setReasonError(t('patients.edit.reasonRequired'));
      return;
    }
    // Optimistic concurrency: the server refuses with SIL_CONFLICT if someone saved in between.
    mutation.mutate({ ...changes, version: patient.version, reason: reason.trim() });
  });

  return (
    <form onSubmit={submit} noValidate data-testid="patient-edit-form">
      <Stack gap="md">
        {conflict ? (
          <Alert color="red" role="alert" title={t('patients.edit.conflictTitle')}>
            <Text size="sm" mb="xs">
              {t('patients.edit.conflictText')}
            </Text>
            <Button size="xs" variant="white" color="red" onClick={onReload}>
              {t('patients.edit.reload')}
            </Button>
          </Alert>
        ) : null}
        <PatientIdentityForm form={form} />
        <Textarea
          label={t('patients.edit.reason')}
          description={t('patients.edit.reasonHint')}
          autosize
          minRows={2}
          value={reason}
          error={reasonError}
          {...requiredField}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setReasonError(null);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => navigate(paths.patient(patient.id))}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={conflict}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Edits the identity; sends only the changed traits, the version read, and the reason. */
export function PatientEditPage({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const patient = usePatient(patientId);
  const [formKey, setFormKey] = useState(0);

  if (patient.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (patient.isError) {
    return <ApiErrorAlert error={patient.error} />;
  }
  const reload = () => {
    void patient.refetch().then(() => setFormKey((key) => key + 1));
  };
  return (
    <Stack gap="md" maw={980}>
      <div>
        <Title order={1} size="h3">
          {t('patients.edit.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {formatPatientName(patient.data)} · {patient.data.patientNumber}
        </Text>
      </div>
      <PatientEditForm
        key={`${String(formKey)}-${String(patient.data.version)}`}
        patient={patient.data}
        onReload={reload}
      />
    </Stack>
  );
}
