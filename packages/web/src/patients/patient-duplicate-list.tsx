import { Anchor, Badge, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths.js';
import type { PatientDuplicateCandidate } from '../api/types.js';
import { formatIsoDate } from '../lib/typed-date.js';
import { duplicateReasonLabel } from './patient-duplicate-reason.js';
import { PatientIdentityStatusBadge } from './patient-identity-status-badge.js';

/** Candidates of a suspected duplicate; links open in a new tab so the form being typed stays. */
export function PatientDuplicateList({ candidates }: { candidates: readonly PatientDuplicateCandidate[] }) {
  const { t } = useTranslation();
  return (
    <Table verticalSpacing={4} fz="xs" data-testid="patient-duplicate-candidates">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('patients.fields.patientNumber')}</Table.Th>
          <Table.Th>{t('patients.fields.birthName')}</Table.Th>
          <Table.Th>{t('patients.fields.usedName')}</Table.Th>
          <Table.Th>{t('patients.fields.firstFirstName')}</Table.Th>
          <Table.Th>{t('patients.fields.birthDate')}</Table.Th>
          <Table.Th>{t('patients.fields.sex')}</Table.Th>
          <Table.Th>{t('patients.fields.identityStatus')}</Table.Th>
          <Table.Th>{t('patients.duplicates.reasons')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {candidates.map(({ patient, reasons }) => (
          <Table.Tr key={patient.id}>
            <Table.Td>
              <Anchor href={paths.patient(patient.id)} target="_blank" rel="noopener" fz="xs">
                {patient.patientNumber}
              </Anchor>
            </Table.Td>
            <Table.Td>{patient.birthName}</Table.Td>
            <Table.Td>{patient.usedName ?? '—'}</Table.Td>
            <Table.Td>{patient.firstFirstName}</Table.Td>
            <Table.Td>{formatIsoDate(patient.birthDate)}</Table.Td>
            <Table.Td>{t(`patients.sex.${patient.sex}`)}</Table.Td>
            <Table.Td>
              <PatientIdentityStatusBadge status={patient.identityStatus} />
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {reasons.map((reason) => (
                  <Badge key={reason} size="xs" variant="outline" color="orange" tt="none">
                    {duplicateReasonLabel(t, reason)}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
