import { IconAlertCircle, IconChartBar, IconFiles, IconHistory, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { HomeEntryCard } from './home-entry-card.js';
import { HomeLayout } from './home-layout.js';

/** Qualité (qualiticien): traceability and the quality system (ISO 15189). */
export function HomeQualityPage() {
  const { t } = useTranslation();
  const canAudit = useHasPermission('audit.read');
  return (
    <HomeLayout title={t('home.quality.title')} intro={t('home.quality.intro')}>
      {canAudit ? (
        <HomeEntryCard
          icon={IconHistory}
          title={t('home.cards.audit.title')}
          text={t('home.cards.audit.text')}
          href={paths.audit}
        />
      ) : null}
      <HomeEntryCard
        icon={IconAlertCircle}
        title={t('home.cards.nonConformities.title')}
        text={t('home.cards.nonConformities.text')}
      />
      <HomeEntryCard icon={IconFiles} title={t('home.cards.documents.title')} text={t('home.cards.documents.text')} />
      <HomeEntryCard
        icon={IconChartBar}
        title={t('home.cards.indicators.title')}
        text={t('home.cards.indicators.text')}
      />
      <HomeEntryCard
        icon={IconUsers}
        title={t('home.cards.staffAuthorisations.title')}
        text={t('home.cards.staffAuthorisations.text')}
      />
    </HomeLayout>
  );
}
