import { Button, Group, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths.js';
import { navigate } from '../app/router.js';
import { isApiError } from '../api/api-error.js';
import { notifyError, notifySuccess } from '../api/notify.js';
import type { PatientCreateInput, PatientDuplicateCandidate, PatientInput } from '../api/types.js';
import { patientFormValidation } from './patient-form-validation.js';
import {
  emptyPatientFormValues,
  formValuesToPatientInput,
  parsePatientSummaries,
  type PatientFormValues,
} from './patient-form-values.js';
import { PatientDuplicateAlert } from './patient-duplicate-alert.js';
import { PatientDuplicateConfirmModal } from './patient-duplicate-confirm-modal.js';
import { PatientIdentityForm } from './patient-identity-form.js';
import { applyServerErrorsToForm } from './patient-server-errors.js';
import { createPatient, patientQueryKey } from './patients-api.js';
import { usePatientDuplicates } from './use-patient-duplicates.js';

interface SuspectedDuplicate {
  input: PatientInput;
  candidates: PatientDuplicateCandidate[];
  message: string;
}

/**
 * Registers a patient. Similar patients are shown live while typing; if the server still suspects
 * a duplicate (409 SIL_PATIENT_DUPLICATE_SUSPECTED), the user confirms and the request is resent
 * with confirmDuplicate: true — the choice is then in the audit trail.
 */
export function PatientCreatePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<PatientFormValues>({
    initialValues: emptyPatientFormValues,
    validate: patientFormValidation(t),
  });
  const duplicates = usePatientDuplicates(form.values);
  const [suspected, setSuspected] = useState<SuspectedDuplicate | null>(null);

  const mutation = useMutation({
    mutationFn: (input: PatientCreateInput) => createPatient(input),
    onSuccess: (patient) => {
      setSuspected(null);
      queryClient.setQueryData(patientQueryKey(patient.id), patient);
      void queryClient.invalidateQueries({ queryKey: ['patients', 'search'] });
      notifySuccess(t('patients.create.created', { number: patient.patientNumber }));
      navigate(paths.patient(patient.id));
    },
    onError: (error, input) => {
      if (isApiError(error) && error.code === 'SIL_PATIENT_DUPLICATE_SUSPECTED') {
        const candidates = parsePatientSummaries(error.extensions['candidates']).map((patient) => ({
          patient,
          reasons: [],
        }));
        setSuspected({ input, candidates, message: error.title });
        return;
      }
      setSuspected(null);
      applyServerErrorsToForm(error, form);
      notifyError(error, t('common.unknownError'));
    },
  });

  const submit = form.onSubmit((values) => {
    const input = formValuesToPatientInput(values);
    if (input !== null) {
      mutation.mutate(input);
    }
  });

  return (
    <Stack gap="md" maw={980}>
      <Title order={1} size="h3">
        {t('patients.create.title')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="patient-create-form">
        <Stack gap="md">
          <PatientIdentityForm form={form} />
          <PatientDuplicateAlert candidates={duplicates.candidates} isChecking={duplicates.isChecking} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => window.history.back()}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending && suspected === null}>
              {t('patients.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <PatientDuplicateConfirmModal
        candidates={suspected?.candidates ?? null}
        message={suspected?.message ?? ''}
        onCancel={() => setSuspected(null)}
        onConfirm={() => {
          if (suspected !== null) {
            mutation.mutate({ ...suspected.input, confirmDuplicate: true });
          }
        }}
        confirming={mutation.isPending}
      />
    </Stack>
  );
}
