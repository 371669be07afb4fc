import { Center, Loader, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../app/router.js';
import { useCurrentUser } from '../auth/current-user-context.js';
import { homesForRoles } from './home-definitions.js';

/** `/` sends each user to the home of their first role (workflow order). */
export function HomeRedirect() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const target = homesForRoles(me.roles)[0]?.path;
  useEffect(() => {
    if (target !== undefined) {
      navigate(target, { replace: true });
    }
  }, [target]);
  if (target === undefined) {
    return <Text c="dimmed">{t('home.noRole')}</Text>;
  }
  return (
    <Center>
      <Loader size="sm" aria-label={t('common.loading')} />
    </Center>
  );
}
