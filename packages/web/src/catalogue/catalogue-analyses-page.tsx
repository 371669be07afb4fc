import { Badge, Center, Group, Loader, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { navigate } from '../app/router.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { sectionLabel } from '../results/section-label.js';
import { TubeColourSwatch } from '../specimens/tube-colour-swatch.js';
import { catalogueKeys, fetchAnalyses, fetchContainers } from './catalogue-api.js';
import { CatalogueFilterSelect } from './catalogue-filter-select.js';
import { distinctValues, filterAnalyses, type ActiveFilter, type AnalysisFilters } from './catalogue-filters.js';
import { CatalogueListHeader } from './catalogue-list-header.js';
import { useListKeyboard } from './catalogue-list-keys.js';

const activeFilters: readonly ActiveFilter[] = ['all', 'active', 'inactive'];

export function CatalogueAnalysesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canManage = useHasPermission('catalogue.manage');
  const analyses = useQuery({ queryKey: catalogueKeys.analyses, queryFn: fetchAnalyses });
  const containers = useQuery({ queryKey: catalogueKeys.containers, queryFn: fetchContainers });
  const [filters, setFilters] = useState<AnalysisFilters>({ query: '', chapter: '', section: '', active: 'all' });
  const items = useMemo(() => analyses.data?.items ?? [], [analyses.data]);
  const shown = useMemo(() => filterAnalyses(items, filters), [items, filters]);
  const containerByCode = useMemo(
    () => new Map((containers.data?.items ?? []).map((container) => [container.code, container])),
    [containers.data]
  );
  const keyboard = useListKeyboard(shown, (analysis) => navigate(paths.catalogueAnalysis(analysis.code)));
  const setFilter = (change: Partial<AnalysisFilters>) => {
    setFilters((current) => ({ ...current, ...change }));
    keyboard.setActiveIndex(0);
  };

  return (
    <Stack gap="md">
      <CatalogueListHeader
        title={t('catalogue.analyses.title')}
        other={{ href: paths.catalogueAnalytes, label: t('catalogue.analytes.title') }}
        create={canManage ? { href: paths.catalogueAnalysisCreate, label: t('catalogue.analyses.new') } : null}
      />
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('catalogue.filters.search')}
          placeholder={t('catalogue.analyses.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={filters.query}
          onChange={(event) => setFilter({ query: event.currentTarget.value })}
          onKeyDown={keyboard.onKeyDown}
          autoFocus
          w={320}
        />
        <CatalogueFilterSelect
          label={t('catalogue.fields.chapter')}
          value={filters.chapter}
          options={distinctValues(items.map((item) => item.chapter)).map((value) => ({ value, label: value }))}
          onChange={(chapter) => setFilter({ chapter })}
        />
        <CatalogueFilterSelect
          label={t('catalogue.fields.section')}
          value={filters.section}
          options={distinctValues(items.map((item) => item.section)).map((value) => ({
            value,
            label: sectionLabel(t, value),
          }))}
          onChange={(section) => setFilter({ section })}
        />
        <SegmentedControl
          aria-label={t('catalogue.fields.orderable')}
          value={filters.active}
          data={activeFilters.map((value) => ({ value, label: t(`catalogue.activeFilter.${value}`) }))}
          onChange={(value) => setFilter({ active: value as ActiveFilter })}
        />
      </Group>
      {analyses.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : analyses.isError ? (
        <ApiErrorAlert error={analyses.error} />
      ) : shown.length === 0 ? (
        <Text c="dimmed">{t('catalogue.analyses.empty')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('catalogue.analyses.count', { count: shown.length })}
          </Text>
          <Table.ScrollContainer minWidth={960}>
            <Table striped highlightOnHover withTableBorder data-testid="catalogue-analyses-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalogue.fields.code')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.mnemonic')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.label')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.chapter')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.section')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.nabmCodes')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.container')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.fasting')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.timeWindow')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.orderable')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((analysis, index) => {
                  const container = containerByCode.get(analysis.containerCode);
                  return (
                    <Table.Tr
                      key={analysis.code}
                      aria-selected={index === keyboard.activeIndex}
                      className={index === keyboard.activeIndex ? 'sil-row-active' : undefined}
                      data-testid="catalogue-analysis-row"
                    >
                      <Table.Td ff="monospace">
                        <RouterLink href={paths.catalogueAnalysis(analysis.code)}>{analysis.code}</RouterLink>
                      </Table.Td>
                      <Table.Td ff="monospace">{analysis.mnemonic}</Table.Td>
                      <Table.Td>{analysis.label}</Table.Td>
                      <Table.Td>{analysis.chapter}</Table.Td>
                      <Table.Td>{sectionLabel(t, analysis.section)}</Table.Td>
                      <Table.Td ff="monospace">
                        {analysis.nabmCodes.length > 0
                          ? analysis.nabmCodes.join(', ')
                          : analysis.offNomenclaturePriceCents !== null
                            ? t('catalogue.analyses.offNomenclatureShort', {
                                price: formatEuros(analysis.offNomenclaturePriceCents, locale),
                              })
                            : '—'}
                      </Table.Td>
                      <Table.Td>
                        {container === undefined ? (
                          analysis.containerCode
                        ) : (
                          <TubeColourSwatch colour={container.colour} colourHex={container.colourHex} />
                        )}
                      </Table.Td>
                      <Table.Td>
                        {analysis.fastingRequired ? <Badge color="orange">{t('common.yes')}</Badge> : null}
                      </Table.Td>
                      <Table.Td>
                        {analysis.timeWindowStart === null
                          ? '—'
                          : `${analysis.timeWindowStart}–${analysis.timeWindowEnd ?? ''}`}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={analysis.orderable ? 'teal' : 'gray'} variant="light">
                          {analysis.orderable ? t('catalogue.status.active') : t('catalogue.status.inactive')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
