import {
  IconBarcode,
  IconClipboardCheck,
  IconFlask,
  IconMicroscope,
  IconSearch,
  IconSettings,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { HomeBenchDashboard } from './home-bench-dashboard.js';
import { HomeEntryCard } from './home-entry-card.js';
import { HomeLayout } from './home-layout.js';

/** Paillasse (technicien): the analytical phase. */
export function HomeBenchPage() {
  const { t } = useTranslation();
  const canRead = useHasPermission('patients.read');
  const canReadResults = useHasPermission('results.read');
  const canEnter = useHasPermission('results.enter');
  const canReceive = useHasPermission('specimens.receive');
  return (
    <HomeLayout
      title={t('home.bench.title')}
      intro={t('home.bench.intro')}
      top={canReadResults ? <HomeBenchDashboard /> : undefined}
    >
      {canRead ? (
        <HomeEntryCard
          icon={IconSearch}
          title={t('home.cards.patientSearch.title')}
          text={t('home.cards.patientSearch.text')}
          href={paths.patientSearch}
          shortcut="F2"
        />
      ) : null}
      <HomeEntryCard
        icon={IconBarcode}
        title={t('home.cards.specimenReception.title')}
        text={t('home.cards.specimenReception.text')}
        href={canReceive ? paths.reception : undefined}
      />
      <HomeEntryCard
        icon={IconMicroscope}
        title={t('home.cards.worklists.title')}
        text={t('home.cards.worklists.text')}
        href={canReadResults ? paths.resultEntry : undefined}
      />
      <HomeEntryCard
        icon={IconClipboardCheck}
        title={t('home.cards.resultEntry.title')}
        text={t('home.cards.resultEntry.text')}
        href={canEnter ? paths.resultEntry : undefined}
      />
      <HomeEntryCard icon={IconFlask} title={t('home.cards.internalQc.title')} text={t('home.cards.internalQc.text')} />
      <HomeEntryCard icon={IconSettings} title={t('home.cards.reagents.title')} text={t('home.cards.reagents.text')} />
    </HomeLayout>
  );
}
