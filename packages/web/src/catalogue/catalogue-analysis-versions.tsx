import { Badge, Center, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { formatDateTime, formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { catalogueKeys, fetchAnalysisVersions } from './catalogue-api.js';
import type { Analysis } from './catalogue-types.js';

/**
 * Every version of an analysis, newest first: when it applied, who changed it and why, and what
 * bills and samples it (NABM codes or lab price, tube, stability, analytes). An order keeps the
 * version it was registered with, so its invoice and tubes do not change with the catalogue
 * (ISO 15189:2022 §7.3.5, §8.3 document control).
 */
export function CatalogueAnalysisVersions({ code }: { code: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const versions = useQuery({
    queryKey: catalogueKeys.analysisVersions(code),
    queryFn: () => fetchAnalysisVersions(code),
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
  const sorted: Analysis[] = [...versions.data.items].sort((a, b) => b.version - a.version);
  const hours = (value: number | null) => (value === null ? '—' : `${String(value).replace('.', ',')} h`);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('catalogue.versions.pastOrders')}
      </Text>
      <Table.ScrollContainer minWidth={1000}>
        <Table withTableBorder striped data-testid="catalogue-analysis-versions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalogue.fields.version')}</Table.Th>
              <Table.Th>{t('catalogue.versions.validFrom')}</Table.Th>
              <Table.Th>{t('catalogue.versions.validTo')}</Table.Th>
              <Table.Th>{t('catalogue.versions.author')}</Table.Th>
              <Table.Th>{t('catalogue.fields.reason')}</Table.Th>
              <Table.Th>{t('catalogue.versions.billing')}</Table.Th>
              <Table.Th>{t('catalogue.fields.container')}</Table.Th>
              <Table.Th>{t('catalogue.versions.stability')}</Table.Th>
              <Table.Th>{t('catalogue.fields.analytes')}</Table.Th>
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
                <Table.Td ff="monospace">
                  {version.offNomenclaturePriceCents !== null
                    ? t('catalogue.versions.offNomenclature', {
                        price: formatEuros(version.offNomenclaturePriceCents, locale),
                      })
                    : version.nabmCodes.length === 0
                      ? '—'
                      : version.nabmCodes.join(', ')}
                </Table.Td>
                <Table.Td>
                  {version.containerCode} · {String(version.volumeMl).replace('.', ',')} mL
                </Table.Td>
                <Table.Td>
                  {hours(version.stabilityHoursRoom)} / {hours(version.stabilityHoursCold)}
                </Table.Td>
                <Table.Td>{version.analyteCodes.join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
