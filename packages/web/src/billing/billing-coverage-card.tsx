import { Alert, Badge, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogTitle } from '../api/api-error.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatIsoDate } from '../lib/typed-date.js';
import { coverageKeys, fetchCoverage, type AmcCoverage, type AmoCoverage } from './billing-coverage-api.js';
import { BillingCoverageFormModal } from './billing-coverage-form-modal.js';
import { BillingStatementLink } from './billing-statement-link.js';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/** `du 01/01/2025 au 31/12/2026`, `depuis le…`, `jusqu’au…`, or `sans limite`. */
function usePeriodText(): (from: string | null, to: string | null) => string {
  const { t } = useTranslation();
  return (from, to) => {
    if (from !== null && to !== null) {
      return t('coverage.period.between', { from: formatIsoDate(from), to: formatIsoDate(to) });
    }
    if (from !== null) {
      return t('coverage.period.since', { from: formatIsoDate(from) });
    }
    return to !== null ? t('coverage.period.until', { to: formatIsoDate(to) }) : t('coverage.period.open');
  };
}

function AmoDetails({ amo }: { amo: AmoCoverage }) {
  const { t } = useTranslation();
  const period = usePeriodText();
  return (
    <Stack gap="xs" data-testid="coverage-amo">
      <Group gap="xs">
        <Text fw={600} size="sm">
          {t('coverage.amo.title')}
        </Text>
        {amo.exoneration !== null ? (
          <Badge color="teal" variant="light" data-testid="coverage-exoneration">
            {t(`coverage.exonerations.${amo.exoneration}`)}
          </Badge>
        ) : null}
        {amo.alsaceMoselle ? (
          <Badge color="indigo" variant="light">
            {t('coverage.amo.alsaceMoselle')}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Field label={t('coverage.amo.organism')}>
          <Text span ff="monospace">{`${amo.regime} / ${amo.caisse} / ${amo.centre}`}</Text>
        </Field>
        <Field label={t('coverage.amo.insuredNir')} testId="coverage-insured-nir">
          <Text span ff="monospace">
            {amo.insuredNir}
          </Text>
        </Field>
        <Field label={t('coverage.amo.beneficiaryRank')}>{amo.beneficiaryRank}</Field>
        <Field label={t('coverage.validity')}>{period(amo.validFrom, amo.validTo)}</Field>
        {amo.exoneration !== null ? (
          <Field label={t('coverage.amo.exonerationValidity')}>
            {period(amo.exonerationValidFrom, amo.exonerationValidTo)}
          </Field>
        ) : null}
      </SimpleGrid>
    </Stack>
  );
}

function AmcDetails({ amc }: { amc: AmcCoverage | null }) {
  const { t } = useTranslation();
  const period = usePeriodText();
  if (amc === null) {
    return (
      <Text size="sm" c="dimmed" data-testid="coverage-amc">
        {t('coverage.amc.none')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="coverage-amc">
      <Group gap="xs">
        <Text fw={600} size="sm">
          {t('coverage.amc.title')}
        </Text>
        <Badge color={amc.tiersPayant ? 'teal' : 'gray'} variant="light">
          {amc.tiersPayant ? t('coverage.amc.tiersPayantYes') : t('coverage.amc.tiersPayantNo')}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Field label={t('coverage.amc.organisme')}>{amc.organisme}</Field>
        <Field label={t('coverage.amc.memberNumber')}>{amc.memberNumber ?? '—'}</Field>
        <Field label={t('coverage.amc.contract')}>{amc.contract ?? '—'}</Field>
        <Field label={t('coverage.amc.rate')}>{t('coverage.amc.rateValue', { rate: amc.ratePercentOfTm })}</Field>
        <Field label={t('coverage.validity')}>{period(amc.validFrom, amc.validTo)}</Field>
      </SimpleGrid>
    </Stack>
  );
}

/**
 * The patient's coverage on the patient page (issue 5 item 3): AMO and AMC as entered by hand
 * (Sillage does not read the carte Vitale), the rights checked today, and the edit modal.
 * Shown to holders of `billing.invoice`, who may also edit it (same permission on the API).
 */
export function BillingCoverageCard({ patientId, readOnly = false }: { patientId: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canSeeStatement = useHasPermission('billing.disputes');
  const [editing, edit] = useDisclosure(false);
  const answer = useQuery({
    queryKey: coverageKeys.patient(patientId),
    queryFn: ({ signal }) => fetchCoverage(patientId, signal),
  });
  const coverage = answer.data?.coverage ?? null;

  return (
    <Card withBorder padding="md" data-testid="coverage-card">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {t('coverage.title')}
        </Title>
        <Group gap="xs">
          {canSeeStatement ? <BillingStatementLink patientId={patientId} /> : null}
          {!readOnly && answer.isSuccess ? (
            <Button
              size="xs"
              leftSection={coverage === null ? <IconPlus size={14} /> : <IconPencil size={14} />}
              onClick={edit.open}
              data-testid="coverage-edit"
            >
              {coverage === null ? t('coverage.enter') : t('coverage.edit')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {answer.isPending ? (
        <Center py="sm">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : answer.isError ? (
        <ApiErrorAlert error={answer.error} />
      ) : (
        <Stack gap="sm">
          {coverage === null ? (
            <Text size="sm" c="dimmed" data-testid="coverage-none">
              {t('coverage.none')}
            </Text>
          ) : (
            <>
              {coverage.issuesToday.map((issue) => (
                <Alert
                  key={`${issue.code}-${issue.path}`}
                  color="orange"
                  data-testid="coverage-issue"
                  data-code={issue.code}
                >
                  <Text size="sm" fw={600}>
                    {catalogTitle(issue.code, locale)}
                  </Text>
                  <Text size="sm">{issue.detail}</Text>
                </Alert>
              ))}
              <AmoDetails amo={coverage.amo} />
              <AmcDetails amc={coverage.amc} />
              <Text size="xs" c="dimmed">
                {t('coverage.updated', {
                  source: t(`coverage.sources.${coverage.source}`),
                  at: formatDateTime(coverage.updatedAt, locale),
                  by: coverage.updatedBy ?? '—',
                })}
              </Text>
            </>
          )}
          <Text size="xs" c="dimmed">
            {answer.data.notice}
          </Text>
        </Stack>
      )}
      {answer.isSuccess ? (
        <BillingCoverageFormModal patientId={patientId} coverage={coverage} opened={editing} onClose={edit.close} />
      ) : null}
    </Card>
  );
}
