import { Center, Group, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { knownSections } from '../results/section-label.js';
import { CatalogueAnalysisForm } from './catalogue-analysis-form.js';
import { CatalogueAnalysisVersions } from './catalogue-analysis-versions.js';
import { catalogueKeys, fetchAnalyses, fetchAnalysis, fetchAnalytes, fetchContainers } from './catalogue-api.js';
import { distinctValues } from './catalogue-filters.js';
import { CatalogueReadOnlyNotice } from './catalogue-read-only-notice.js';
import { CatalogueVersionLine } from './catalogue-version-line.js';

/** An analysis: its definition in a form (read-only without catalogue.manage); `code` null creates one. */
export function CatalogueAnalysisPage({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const canManage = useHasPermission('catalogue.manage');
  const analysis = useQuery({
    queryKey: catalogueKeys.analysis(code ?? ''),
    queryFn: () => fetchAnalysis(code ?? ''),
    enabled: code !== null,
  });
  const containers = useQuery({ queryKey: catalogueKeys.containers, queryFn: fetchContainers });
  const analytes = useQuery({ queryKey: catalogueKeys.analytes, queryFn: fetchAnalytes });
  const analyses = useQuery({ queryKey: catalogueKeys.analyses, queryFn: fetchAnalyses });
  const failed = [analysis, containers, analytes, analyses].find((query) => query.isError);
  const pending =
    (code !== null && analysis.isPending) || containers.isPending || analytes.isPending || analyses.isPending;
  const items = analyses.data?.items ?? [];

  return (
    <Stack gap="md">
      <RouterLink href={paths.catalogueAnalyses} size="sm">
        {t('catalogue.analyses.backToList')}
      </RouterLink>
      <Group justify="space-between">
        <Title order={1} size="h3">
          {code === null
            ? t('catalogue.analyses.new')
            : analysis.data === undefined
              ? code
              : `${analysis.data.code} · ${analysis.data.label}`}
        </Title>
      </Group>
      {analysis.data === undefined ? null : <CatalogueVersionLine meta={analysis.data} />}
      {canManage ? null : <CatalogueReadOnlyNotice />}
      {failed !== undefined ? (
        <ApiErrorAlert error={failed.error} />
      ) : pending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : code === null ? (
        <CatalogueAnalysisForm
          key={analysis.data?.version ?? 'new'}
          analysis={analysis.data ?? null}
          containers={containers.data?.items ?? []}
          analytes={analytes.data?.items ?? []}
          chapters={distinctValues(items.map((item) => item.chapter))}
          sections={distinctValues([...knownSections, ...items.map((item) => item.section)])}
          canManage={canManage}
        />
      ) : (
        <Tabs defaultValue="definition">
          <Tabs.List>
            <Tabs.Tab value="definition">{t('catalogue.analytes.definitionTab')}</Tabs.Tab>
            <Tabs.Tab value="versions">{t('catalogue.versions.tab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="definition" pt="md">
            <CatalogueAnalysisForm
              key={analysis.data?.version ?? 'new'}
              analysis={analysis.data ?? null}
              containers={containers.data?.items ?? []}
              analytes={analytes.data?.items ?? []}
              chapters={distinctValues(items.map((item) => item.chapter))}
              sections={distinctValues([...knownSections, ...items.map((item) => item.section)])}
              canManage={canManage}
            />
          </Tabs.Panel>
          <Tabs.Panel value="versions" pt="md">
            <CatalogueAnalysisVersions code={code} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
