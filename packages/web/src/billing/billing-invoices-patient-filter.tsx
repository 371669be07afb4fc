import { Button, Group, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../api/types.js';
import { TypeaheadInput } from '../lib/typeahead-input.js';
import { formatIsoDate } from '../lib/typed-date.js';
import { formatPatientName } from '../patients/patient-display.js';
import { fetchPatient, patientQueryKey, patientSearchQueryKey, searchPatients } from '../patients/patients-api.js';

const searchSome = async (term: string, signal?: AbortSignal) => (await searchPatients(term, 8, signal)).items;

/** The patient of the invoices list: found like at the desk (name and birth date, NIR, number). */
export function InvoicesPatientFilter({
  patientId,
  onChange,
}: {
  patientId: string | null;
  onChange: (patientId: string | null) => void;
}) {
  const { t } = useTranslation();
  const patient = useQuery({
    queryKey: patientQueryKey(patientId ?? ''),
    queryFn: ({ signal }) => fetchPatient(patientId ?? '', signal),
    enabled: patientId !== null,
  });

  if (patientId !== null) {
    return (
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('invoices.list.patient')}
        </Text>
        <Group gap="xs" wrap="nowrap" data-testid="invoices-patient-filter">
          <Text size="sm" fw={600}>
            {patient.data === undefined ? '…' : formatPatientName(patient.data)}
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<IconX size={14} />}
            onClick={() => onChange(null)}
          >
            {t('invoices.list.allPatients')}
          </Button>
        </Group>
      </div>
    );
  }

  return (
    <TypeaheadInput<PatientSummary>
      inputId="invoices-patient-input"
      label={t('invoices.list.patient')}
      placeholder={t('invoices.list.patientPlaceholder')}
      queryKey={(term) => patientSearchQueryKey(term, 8)}
      search={searchSome}
      minLength={3}
      itemKey={(item) => item.id}
      renderItem={(item) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            {formatPatientName(item)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatIsoDate(item.birthDate)} · {item.patientNumber}
          </Text>
        </Group>
      )}
      onPick={(item) => onChange(item.id)}
    />
  );
}
