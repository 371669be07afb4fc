import { Text } from '@mantine/core';
import { formatReferenceInterval } from '@sillage/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { daysToAgeLimit } from './catalogue-age-band.js';
import { catalogueKeys, fetchAnalyteVersions } from './catalogue-api.js';
import type { Analyte, ReferenceInterval } from './catalogue-types.js';
import { CatalogueVersionsTable } from './catalogue-versions-table.js';

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
  const versions = useQuery({
    queryKey: catalogueKeys.analyteVersions(code),
    queryFn: () => fetchAnalyteVersions(code),
  });
  return (
    <CatalogueVersionsTable<Analyte>
      versions={versions}
      notice={t('catalogue.versions.pastResults')}
      minWidth={900}
      testId="catalogue-versions-table"
      columns={[
        {
          header: t('catalogue.intervals.title'),
          cell: (version) =>
            version.referenceIntervals.length === 0
              ? '—'
              : version.referenceIntervals.map((interval, index) => (
                  <IntervalLine key={index} interval={interval} decimals={version.decimals} />
                )),
        },
      ]}
    />
  );
}
