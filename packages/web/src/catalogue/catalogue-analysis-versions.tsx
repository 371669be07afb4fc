import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { catalogueKeys, fetchAnalysisVersions } from './catalogue-api.js';
import type { Analysis } from './catalogue-types.js';
import { CatalogueVersionsTable } from './catalogue-versions-table.js';

const frenchNumber = (value: number) => String(value).replace('.', ',');
const hours = (value: number | null) => (value === null ? '—' : `${frenchNumber(value)} h`);

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
  return (
    <CatalogueVersionsTable<Analysis>
      versions={versions}
      notice={t('catalogue.versions.pastOrders')}
      minWidth={1000}
      testId="catalogue-analysis-versions-table"
      columns={[
        {
          header: t('catalogue.versions.billing'),
          monospace: true,
          cell: (version) =>
            version.offNomenclaturePriceCents !== null
              ? t('catalogue.versions.offNomenclature', {
                  price: formatEuros(version.offNomenclaturePriceCents, locale),
                })
              : version.nabmCodes.length === 0
                ? '—'
                : version.nabmCodes.join(', '),
        },
        {
          header: t('catalogue.fields.container'),
          cell: (version) => `${version.containerCode} · ${frenchNumber(version.volumeMl)} mL`,
        },
        {
          header: t('catalogue.versions.stability'),
          cell: (version) => `${hours(version.stabilityHoursRoom)} / ${hours(version.stabilityHoursCold)}`,
        },
        { header: t('catalogue.fields.analytes'), cell: (version) => version.analyteCodes.join(', ') },
      ]}
    />
  );
}
