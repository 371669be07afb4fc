import { Badge, Center, Loader, Stack, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import type { ItemList } from '../api/types.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import type { VersionMeta } from './catalogue-types.js';

/** A column of what a catalogue version defines (intervals, billing, tube…), after the common ones. */
export interface CatalogueVersionColumn<T> {
  header: string;
  cell: (version: T) => ReactNode;
  monospace?: boolean;
}

/**
 * Every version of a catalogue entry, newest first: number (and « en vigueur »), when it applied,
 * who wrote it and why (ISO 15189:2022 §7.3.5), then the entry's own columns.
 */
export function CatalogueVersionsTable<T extends VersionMeta>({
  versions,
  notice,
  columns,
  minWidth,
  testId,
}: {
  versions: UseQueryResult<ItemList<T>>;
  notice: string;
  columns: readonly CatalogueVersionColumn<T>[];
  minWidth: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
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
  const sorted = [...versions.data.items].sort((a, b) => b.version - a.version);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {notice}
      </Text>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table withTableBorder striped data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalogue.fields.version')}</Table.Th>
              <Table.Th>{t('catalogue.versions.validFrom')}</Table.Th>
              <Table.Th>{t('catalogue.versions.validTo')}</Table.Th>
              <Table.Th>{t('catalogue.versions.author')}</Table.Th>
              <Table.Th>{t('catalogue.fields.reason')}</Table.Th>
              {columns.map((column) => (
                <Table.Th key={column.header}>{column.header}</Table.Th>
              ))}
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
                {columns.map((column) => (
                  <Table.Td key={column.header} ff={column.monospace === true ? 'monospace' : undefined}>
                    {column.cell(version)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
