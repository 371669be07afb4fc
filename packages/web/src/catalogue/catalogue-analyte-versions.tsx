import { Badge, Center, Loader, Stack, Table, Text } from '@mantine/core';
import { formatReferenceInterval } from '@sillage/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { daysToAgeLimit } from './catalogue-age-band.js';
import { catalogueKeys, fetchAnalyteVersions } from './catalogue-api.js';
import type { Analyte, ReferenceInterval } from './catalogue-types.js';

function useAgeText(): (days: number) => string {
  const { t } = useTranslation();
  return (days) => {
    const limit = daysToAgeLimit(days);
    if (limit.unit === 'years' && limit.value === 1) {
      return t('catalogue.ageUnitsCount.oneYear');
    }
    return t(`catalogue.ageUnitsCount.${limit.unit}`, { count: limit.value });
  };
}

/** One interval as a line: « F, 18 ans – ∞ : 3,5 – 5,1 (source) ». */
function IntervalLine({ interval, decimals }: { interval: ReferenceInterval; decimals: number }) {
  const { t } = useTranslation();
  const ageText = useAgeText();
  const band = `${ageText(interval.ageMinDays)} – ${interval.ageMaxDays === null ? '∞' : ageText(interval.ageMaxDays)}`;
  return (
    <Text size="xs">
      {t(`catalogue.sexes.${interval.sex ?? 'all'}`)}, {band} : <b>{formatReferenceInterval(interval, decimals)}</b>
    </Text>
  );
}

/**
 * Every version of an analyte, newest first: when it applied, why it changed, who changed it, and
 * its intervals. A result keeps the version it was validated with, so its report shows that
 * version's ranges (ISO 15189:2022 §7.3.5).
 */
export function CatalogueAnalyteVersions({ code }: { code: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const versions = useQuery({
    queryKey: catalogueKeys.analyteVersions(code),
    queryFn: () => fetchAnalyteVersions(code),
  });
  if (versions.isPending) {
    return (
      <Center py="lg">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (versions.isError) {
    return <ApiErrorAlert error={versions.error} />;
  }
  const sorted: Analyte[] = [...versions.data.items].sort((a, b) => b.version - a.version);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('catalogue.versions.pastResults')}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder striped data-testid="catalogue-versions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalogue.fields.version')}</Table.Th>
              <Table.Th>{t('catalogue.versions.validFrom')}</Table.Th>
              <Table.Th>{t('catalogue.versions.validTo')}</Table.Th>
              <Table.Th>{t('catalogue.versions.author')}</Table.Th>
              <Table.Th>{t('catalogue.fields.reason')}</Table.Th>
              <Table.Th>{t('catalogue.intervals.title')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((version) => (
              <Table.Tr key={version.id} data-testid="catalogue-version-row">
                <Table.Td>
                  {version.version}{' '}
                  {version.validTo === null ? (
                    <Badge size="xs" color="teal">
                      {t('catalogue.versions.inForce')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{formatDateTime(version.validFrom, locale)}</Table.Td>
                <Table.Td>{formatDateTime(version.validTo, locale)}</Table.Td>
                <Table.Td>{version.createdByName ?? t('catalogue.versions.system')}</Table.Td>
                <Table.Td>{version.changeReason ?? '—'}</Table.Td>
                <Table.Td>
                  {version.referenceIntervals.length === 0
                    ? '—'
                    : version.referenceIntervals.map((interval, index) => (
                        <IntervalLine key={index} interval={interval} decimals={version.decimals} />
                      ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
