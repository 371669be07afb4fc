import {
  IconBuildingHospital,
  IconFlask,
  IconHistory,
  IconKey,
  IconLock,
  IconPlugConnected,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { HomeEntryCard } from './home-entry-card.js';
import { HomeLayout } from './home-layout.js';

/** Administration (admin): accounts, rights, sites, machine access. */
export function HomeAdministrationPage() {
  const { t } = useTranslation();
  const canManageUsers = useHasPermission('users.manage');
  const canManageSites = useHasPermission('sites.manage');
  const canManageTokens = useHasPermission('tokens.manage');
  const canAudit = useHasPermission('audit.read');
  return (
    <HomeLayout title={t('home.administration.title')} intro={t('home.administration.intro')}>
      {canManageUsers ? (
        <HomeEntryCard
          icon={IconUsers}
          title={t('nav.users')}
          text={t('home.cards.users.text')}
          href={paths.adminUsers}
        />
      ) : null}
      {canManageUsers ? (
        <HomeEntryCard
          icon={IconLock}
          title={t('nav.roles')}
          text={t('home.cards.roles.text')}
          href={paths.adminRoles}
        />
      ) : null}
      {canManageSites ? (
        <HomeEntryCard
          icon={IconBuildingHospital}
          title={t('nav.sites')}
          text={t('home.cards.sites.text')}
          href={paths.adminSites}
        />
      ) : null}
      {canManageTokens ? (
        <HomeEntryCard
          icon={IconKey}
          title={t('nav.tokens')}
          text={t('home.cards.tokens.text')}
          href={paths.adminTokens}
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
      <HomeEntryCard icon={IconFlask} title={t('home.cards.catalog.title')} text={t('home.cards.catalog.text')} />
      <HomeEntryCard
        icon={IconPlugConnected}
        title={t('home.cards.instruments.title')}
        text={t('home.cards.instruments.text')}
      />
    </HomeLayout>
  );
}
