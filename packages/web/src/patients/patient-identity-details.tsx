import { Badge, Card, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../api/types.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatIsoDate } from '../lib/typed-date.js';
import { formatInsNumber } from './patient-display.js';
import { PatientIdentityStatusBadge } from './patient-identity-status-badge.js';
import { PatientTrait } from './patient-trait.js';

function orDash(value: string | null): string {
  return value === null || value === '' ? '—' : value;
}

export function PatientIdentityDetails({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Title order={2} size="h5" mb="sm">
          {t('patients.form.identitySection')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" verticalSpacing="sm" m={0}>
          <PatientTrait label={t('patients.fields.birthName')} testId="patient-birth-name">
            {patient.birthName}
          </PatientTrait>
          <PatientTrait label={t('patients.fields.usedName')}>{orDash(patient.usedName)}</PatientTrait>
          <PatientTrait label={t('patients.fields.birthFirstNames')}>{patient.birthFirstNames}</PatientTrait>
          <PatientTrait label={t('patients.fields.firstFirstName')}>{patient.firstFirstName}</PatientTrait>
          <PatientTrait label={t('patients.fields.birthDate')} testId="patient-birth-date">
            {formatIsoDate(patient.birthDate)}
          </PatientTrait>
          <PatientTrait label={t('patients.fields.sex')}>{t(`patients.sex.${patient.sex}`)}</PatientTrait>
          <PatientTrait label={t('patients.fields.birthplaceInsee')}>{orDash(patient.birthplaceInsee)}</PatientTrait>
          <PatientTrait label={t('patients.fields.identityDocument')}>{orDash(patient.identityDocument)}</PatientTrait>
        </SimpleGrid>
      </Card>

      <Card withBorder padding="md">
        <Title order={2} size="h5" mb="sm">
          {t('patients.form.insSection')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" verticalSpacing="sm" m={0}>
          <PatientTrait label={t('patients.fields.identityStatus')}>
            <Group gap={6} component="span">
              <PatientIdentityStatusBadge status={patient.identityStatus} />
              <Text span size="sm">
                {t(`patients.status.${patient.identityStatus}.label`)}
              </Text>
            </Group>
          </PatientTrait>
          <PatientTrait label={t('patients.fields.ins')} testId="patient-ins">
            {patient.ins === null ? (
              '—'
            ) : (
              <Group gap={6} component="span" wrap="nowrap">
                <Text span ff="monospace" size="sm">
                  {formatInsNumber(patient.ins.number)}
                </Text>
                <Badge size="xs" variant="outline" color="gray">
                  {patient.ins.kind}
                </Badge>
              </Group>
            )}
          </PatientTrait>
          <PatientTrait label={t('patients.view.insSharing')}>
            {patient.ins === null ? (
              '—'
            ) : (
              <Tooltip label={t('patients.status.ruleShare')} multiline w={280}>
                <Badge
                  color={patient.insShareable ? 'teal' : 'gray'}
                  variant={patient.insShareable ? 'filled' : 'light'}
                  data-testid="patient-ins-shareable"
                  data-shareable={patient.insShareable}
                >
                  {patient.insShareable ? t('patients.view.insShareable') : t('patients.view.insNotShareable')}
                </Badge>
              </Tooltip>
            )}
          </PatientTrait>
          <PatientTrait label={t('patients.view.insOid')}>
            <Text span ff="monospace" size="xs">
              {patient.ins?.oid ?? '—'}
            </Text>
          </PatientTrait>
        </SimpleGrid>
      </Card>

      <Card withBorder padding="md">
        <Title order={2} size="h5" mb="sm">
          {t('patients.form.contactSection')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" verticalSpacing="sm" m={0}>
          <PatientTrait label={t('patients.fields.phone')}>{orDash(patient.phone)}</PatientTrait>
          <PatientTrait label={t('patients.fields.email')}>{orDash(patient.email)}</PatientTrait>
          <PatientTrait label={t('patients.fields.address')}>
            <span style={{ whiteSpace: 'pre-line' }}>{orDash(patient.address)}</span>
          </PatientTrait>
          <PatientTrait label={t('patients.view.recordDates')}>
            <Text span size="xs">
              {t('patients.view.createdAt', { date: formatDateTime(patient.createdAt, locale) })}
              <br />
              {t('patients.view.updatedAt', {
                date: formatDateTime(patient.updatedAt, locale),
                version: patient.version,
              })}
            </Text>
          </PatientTrait>
        </SimpleGrid>
      </Card>
    </Stack>
  );
}
