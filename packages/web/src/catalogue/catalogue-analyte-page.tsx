import { Center, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { CatalogueAnalyteForm } from './catalogue-analyte-form.js';
import { CatalogueAnalyteVersions } from './catalogue-analyte-versions.js';
import { catalogueKeys, fetchAnalyte, fetchAnalytes } from './catalogue-api.js';
import { distinctValues } from './catalogue-filters.js';
import { CatalogueReadOnlyNotice } from './catalogue-read-only-notice.js';
import { CatalogueVersionLine } from './catalogue-version-line.js';

/** An analyte: its current version in a form, and a tab of its versions; `code` null creates one. */
export function CatalogueAnalytePage({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const canManage = useHasPermission('catalogue.manage');
  const analyte = useQuery({
    queryKey: catalogueKeys.analyte(code ?? ''),
    queryFn: () => fetchAnalyte(code ?? ''),
    enabled: code !== null,
  });
  const analytes = useQuery({ queryKey: catalogueKeys.analytes, queryFn: fetchAnalytes });
  const failed = [analyte, analytes].find((query) => query.isError);
  const pending = (code !== null && analyte.isPending) || analytes.isPending;
  const items = analytes.data?.items ?? [];
  const form =
    failed !== undefined ? (
      <ApiErrorAlert error={failed.error} />
    ) : pending ? (
      <Center py="lg">
        <Loader aria-label={t('common.loading')} />
      </Center>
    ) : (
      <CatalogueAnalyteForm
        key={analyte.data?.version ?? 'new'}
        analyte={analyte.data ?? null}
        analytes={items}
        chapters={distinctValues(items.map((item) => item.chapter))}
        canManage={canManage}
      />
    );

  return (
    <Stack gap="md">
      <RouterLink href={paths.catalogueAnalytes} size="sm">
        {t('catalogue.analytes.backToList')}
      </RouterLink>
      <Title order={1} size="h3">
        {code === null
          ? t('catalogue.analytes.new')
          : analyte.data === undefined
            ? code
            : `${analyte.data.code} · ${analyte.data.label}`}
      </Title>
      {analyte.data === undefined ? null : <CatalogueVersionLine meta={analyte.data} />}
      {canManage ? null : <CatalogueReadOnlyNotice />}
      {code === null ? (
        form
      ) : (
        <Tabs defaultValue="definition">
          <Tabs.List>
            <Tabs.Tab value="definition">{t('catalogue.analytes.definitionTab')}</Tabs.Tab>
            <Tabs.Tab value="versions">{t('catalogue.versions.tab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="definition" pt="md">
            {form}
          </Tabs.Panel>
          <Tabs.Panel value="versions" pt="md">
            <CatalogueAnalyteVersions code={code} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
