import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { paths } from './paths.js';
import { navigate } from './router.js';

/** Not found / not allowed: a plain message and the way home. */
export function AppMessagePage({ kind }: { kind: 'notFound' | 'forbidden' }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" align="flex-start" data-testid={`app-${kind}`}>
      <Title order={1} size="h3">
        {t(`app.${kind}.title`)}
      </Title>
      <Text c="dimmed">{t(`app.${kind}.text`)}</Text>
      <Button variant="light" onClick={() => navigate(paths.root)}>
        {t('app.backHome')}
      </Button>
    </Stack>
  );
}
