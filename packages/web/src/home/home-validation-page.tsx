import { IconAlertTriangle, IconChecks, IconHistory, IconReportMedical, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { Stack } from '@mantine/core';
import { CriticalValuesPanel } from '../validation/critical-values-panel.js';
import { ValidationQueuePanel } from '../validation/validation-queue-panel.js';
import { HomeEntryCard } from './home-entry-card.js';
import { HomeLayout } from './home-layout.js';

/** Validation (biologiste): the post-analytical phase. */
export function HomeValidationPage() {
  const { t } = useTranslation();
  const canRead = useHasPermission('patients.read');
  const canAudit = useHasPermission('audit.read');
  const canValidate = useHasPermission('results.validate_biological');
  const canReadOrders = useHasPermission('orders.read');
  return (
    <HomeLayout
      title={t('home.validation.title')}
      intro={t('home.validation.intro')}
      top={
        canValidate ? (
          <Stack gap="md">
            <CriticalValuesPanel />
            <ValidationQueuePanel />
          </Stack>
        ) : undefined
      }
    >
      {canRead ? (
        <HomeEntryCard
          icon={IconSearch}
          title={t('home.cards.patientSearch.title')}
          text={t('home.cards.patientSearchMerge.text')}
          href={paths.patientSearch}
          shortcut="F2"
        />
      ) : null}
      {canAudit ? (
        <HomeEntryCard
          icon={IconHistory}
          title={t('home.cards.audit.title')}
          text={t('home.cards.audit.text')}
          href={paths.audit}
        />
      ) : null}
      {canValidate ? null : (
        <HomeEntryCard
          icon={IconChecks}
          title={t('home.cards.biologicalValidation.title')}
          text={t('home.cards.biologicalValidation.text')}
        />
      )}
      {canValidate ? null : (
        <HomeEntryCard
          icon={IconAlertTriangle}
          title={t('home.cards.criticalValues.title')}
          text={t('home.cards.criticalValues.text')}
        />
      )}
      <HomeEntryCard
        icon={IconReportMedical}
        title={t('home.cards.reports.title')}
        text={t('home.cards.reports.text')}
        href={canReadOrders ? paths.orders : undefined}
      />
    </HomeLayout>
  );
}
