import { Badge, Center, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { navigate } from '../app/router.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { catalogueKeys, fetchAnalytes } from './catalogue-api.js';
import { CatalogueFilterSelect } from './catalogue-filter-select.js';
import { distinctValues, filterAnalytes, type AnalyteFilters } from './catalogue-filters.js';
import { CatalogueListHeader } from './catalogue-list-header.js';
import { useListKeyboard } from './catalogue-list-keys.js';
import { resultTypes, type ResultType } from './catalogue-types.js';

export function CatalogueAnalytesPage() {
  const { t } = useTranslation();
  const canManage = useHasPermission('catalogue.manage');
  const analytes = useQuery({ queryKey: catalogueKeys.analytes, queryFn: fetchAnalytes });
  const [filters, setFilters] = useState<AnalyteFilters>({ query: '', chapter: '', resultType: '' });
  const items = useMemo(() => analytes.data?.items ?? [], [analytes.data]);
  const shown = useMemo(() => filterAnalytes(items, filters), [items, filters]);
  const keyboard = useListKeyboard(shown, (analyte) => navigate(paths.catalogueAnalyte(analyte.code)));
  const setFilter = (change: Partial<AnalyteFilters>) => {
    setFilters((current) => ({ ...current, ...change }));
    keyboard.setActiveIndex(0);
  };

  return (
    <Stack gap="md">
      <CatalogueListHeader
        title={t('catalogue.analytes.title')}
        other={{ href: paths.catalogueAnalyses, label: t('catalogue.analyses.title') }}
        create={canManage ? { href: paths.catalogueAnalyteCreate, label: t('catalogue.analytes.new') } : null}
      />
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('catalogue.filters.search')}
          placeholder={t('catalogue.analytes.searchPlaceholder')}
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
          label={t('catalogue.fields.resultType')}
          value={filters.resultType}
          options={resultTypes.map((value) => ({ value, label: t(`catalogue.resultTypes.${value}`) }))}
          onChange={(resultType) => setFilter({ resultType: resultType as ResultType | '' })}
        />
      </Group>
      {analytes.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : analytes.isError ? (
        <ApiErrorAlert error={analytes.error} />
      ) : shown.length === 0 ? (
        <Text c="dimmed">{t('catalogue.analytes.empty')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('catalogue.analytes.count', { count: shown.length })}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover withTableBorder data-testid="catalogue-analytes-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalogue.fields.code')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.label')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.chapter')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.loinc')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.resultType')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.unitUcum')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.intervals')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.version')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((analyte, index) => (
                  <Table.Tr
                    key={analyte.code}
                    aria-selected={index === keyboard.activeIndex}
                    className={index === keyboard.activeIndex ? 'sil-row-active' : undefined}
                    data-testid="catalogue-analyte-row"
                  >
                    <Table.Td ff="monospace">
                      <RouterLink href={paths.catalogueAnalyte(analyte.code)}>{analyte.code}</RouterLink>
                    </Table.Td>
                    <Table.Td>{analyte.label}</Table.Td>
                    <Table.Td>{analyte.chapter}</Table.Td>
                    <Table.Td ff="monospace">{analyte.loinc ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={analyte.formula === null ? 'blue' : 'grape'}>
                        {analyte.formula === null
                          ? t(`catalogue.resultTypes.${analyte.resultType}`)
                          : t('catalogue.analytes.calculated')}
                      </Badge>
                    </Table.Td>
                    <Table.Td ff="monospace">{analyte.unitUcum ?? '—'}</Table.Td>
                    <Table.Td>{analyte.referenceIntervals.length}</Table.Td>
                    <Table.Td>{analyte.version}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
