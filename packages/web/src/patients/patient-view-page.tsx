import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFilePlus, IconGitMerge, IconHistory, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths.js';
import { followLink } from '../app/router.js';
import { RouterLink } from '../app/router-link.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { formatIsoDate } from '../lib/typed-date.js';
import { BillingCoverageCard } from '../billing/billing-coverage-card.js';
import { PatientOrdersCard } from '../orders/patient-orders-card.js';
import { formatPatientName } from './patient-display.js';
import { PatientIdentityDetails } from './patient-identity-details.js';
import { PatientIdentityStatusBadge } from './patient-identity-status-badge.js';
import { PatientMergeDialog } from './patient-merge-dialog.js';
import { usePatient } from './use-patient.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';

export function PatientViewPage({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const patient = usePatient(patientId);
  const canWrite = useHasPermission('patients.write');
  const canMerge = useHasPermission('patients.merge');
  const canAudit = useHasPermission('audit.read');
  const canOrder = useHasPermission('orders.write');
  const canReadOrders = useHasPermission('orders.read');
  const canBill = useHasPermission('billing.invoice');
  const [mergeOpened, merge] = useDisclosure(false);

  if (patient.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (patient.isError) {
    return (
      <ApiErrorAlert error={patient.error}>
        <RouterLink href={paths.patientSearch}>{t('patients.view.backToSearch')}</RouterLink>
      </ApiErrorAlert>
    );
  }

  const record = patient.data;
  const merged = record.mergedIntoId !== null;
  return (
    <Stack gap="md" maw={1100} data-testid="patient-view">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={1} size="h3" data-testid="patient-name">
              {formatPatientName(record)}
            </Title>
            <PatientIdentityStatusBadge status={record.identityStatus} />
          </Group>
          <Text size="sm" c="dimmed">
            <Text span ff="monospace" data-testid="patient-number">
              {record.patientNumber}
            </Text>
            {' · '}
            {t(`patients.sex.${record.sex}`)}
            {' · '}
            {t('patients.view.bornOn', { date: formatIsoDate(record.birthDate) })}
            {record.usedName !== null ? ` · ${t('patients.view.usedName', { name: record.usedName })}` : ''}
          </Text>
        </div>
        <Group gap="xs">
          {canAudit ? (
            <Button
              component="a"
              href={paths.auditForPatient(record.id)}
              onClick={followLink(paths.auditForPatient(record.id))}
              variant="default"
              leftSection={<IconHistory size={16} />}
            >
              {t('patients.view.auditLink')}
            </Button>
          ) : null}
          {canMerge && !merged ? (
            <Button variant="default" color="red" leftSection={<IconGitMerge size={16} />} onClick={merge.open}>
              {t('patients.merge.action')}
            </Button>
          ) : null}
          {canWrite && !merged ? (
            <Button
              component="a"
              href={paths.patientEdit(record.id)}
              onClick={followLink(paths.patientEdit(record.id))}
              leftSection={<IconPencil size={16} />}
            >
              {t('common.edit')}
            </Button>
          ) : null}
          {canOrder && !merged ? (
            <Button
              component="a"
              href={paths.orderCreateFor(record.id)}
              onClick={followLink(paths.orderCreateFor(record.id))}
              color="teal"
              leftSection={<IconFilePlus size={16} />}
              data-testid="patient-new-order"
            >
              {t('orders.create.action')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {merged && record.mergedIntoId !== null ? (
        <Alert color="orange" title={t('patients.view.mergedTitle')} data-testid="patient-merged">
          <RouterLink href={paths.patient(record.mergedIntoId)}>{t('patients.view.mergedLink')}</RouterLink>
        </Alert>
      ) : null}
      <PatientIdentityDetails patient={record} />
      {canBill ? <BillingCoverageCard patientId={record.id} readOnly={merged} /> : null}
      {canReadOrders ? <PatientOrdersCard patientId={record.id} /> : null}
      {canMerge ? <PatientMergeDialog source={record} opened={mergeOpened} onClose={merge.close} /> : null}
    </Stack>
  );
}
