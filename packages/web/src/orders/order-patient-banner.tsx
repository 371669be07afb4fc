import { Card, Group, Text } from '@mantine/core';
import { IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IdentityStatus, Sex } from '../api/types.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { formatIsoDate } from '../lib/typed-date.js';
import { formatPatientName } from '../patients/patient-display.js';
import { PatientIdentityStatusBadge } from '../patients/patient-identity-status-badge.js';

export interface BannerPatient {
  id: string;
  patientNumber: string;
  birthName: string;
  usedName: string | null;
  firstFirstName: string;
  birthDate: string;
  sex: Sex;
  identityStatus?: IdentityStatus;
}

/**
 * The patient's identity traits at the top of every workflow screen (identitovigilance: the user
 * always sees whose record they act on).
 */
export function OrderPatientBanner({ patient }: { patient: BannerPatient }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="xs" bg="indigo.0" data-testid="patient-banner">
      <Group gap="sm" wrap="wrap">
        <IconUser size={18} aria-hidden />
        <RouterLink href={paths.patient(patient.id)} fw={700} data-testid="patient-banner-name">
          {formatPatientName(patient)}
        </RouterLink>
        {patient.identityStatus !== undefined ? <PatientIdentityStatusBadge status={patient.identityStatus} /> : null}
        <Text size="sm">
          {t(`patients.sex.${patient.sex}`)}
          {' · '}
          {t('patients.view.bornOn', { date: formatIsoDate(patient.birthDate) })}
          {patient.usedName !== null ? ` · ${t('patients.view.usedName', { name: patient.usedName })}` : ''}
        </Text>
        <Text size="sm" ff="monospace" c="dimmed">
          {patient.patientNumber}
        </Text>
      </Group>
    </Card>
  );
}
