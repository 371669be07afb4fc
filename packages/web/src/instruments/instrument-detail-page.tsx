import { Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { hasPermission, useCurrentUser } from '../auth/current-user-context.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { InstrumentLinkBadge } from './instrument-link-badge.js';
import { linkStatusRefreshMs } from './instrument-link-status.js';
import { InstrumentMappingEditor } from './instrument-mapping-editor.js';
import { fetchInstrument, instrumentKeys } from './instruments-api.js';

export function InstrumentDetailPage({ instrumentId }: { instrumentId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locale = currentLocale();
  const instrument = useQuery({
    queryKey: instrumentKeys.detail(instrumentId),
    queryFn: () => fetchInstrument(instrumentId),
    refetchInterval: linkStatusRefreshMs,
  });

  if (instrument.isPending) {
    return (
      <Center py="lg">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (instrument.isError) {
    return <ApiErrorAlert error={instrument.error} />;
  }
  const { status } = instrument.data;
  return (
    <Stack gap="md">
      <RouterLink href={paths.instruments} size="sm">
        {t('instruments.backToList')}
      </RouterLink>
      <Group justify="space-between">
        <Title order={1} size="h3">
          {instrument.data.code} · {instrument.data.name}
        </Title>
        <InstrumentLinkBadge status={status} />
      </Group>
      <Group gap="xl">
        <Text size="sm">
          {t('instruments.status.lastMessage')} : {formatDateTime(status.lastMessageAt, locale)}
        </Text>
        <Text size="sm">
          {t('instruments.status.received')} : {status.messagesReceived}
        </Text>
        <Text size="sm">
          {t('instruments.status.sent')} : {status.messagesSent}
        </Text>
        <Text size="sm" c={status.errorCount > 0 ? 'red' : undefined}>
          {t('instruments.status.errors')} : {status.errorCount}
        </Text>
      </Group>
      {status.recentErrors.length > 0 ? (
        <Stack gap={2}>
          {status.recentErrors.map((error) => (
            <Text key={`${error.at}-${error.code}`} size="xs" c="red" ff="monospace">
              {formatDateTime(error.at, locale)} {error.code} — {error.detail}
            </Text>
          ))}
        </Stack>
      ) : null}
      <Title order={2} size="h4">
        {t('instruments.mappings.title')}
      </Title>
      <InstrumentMappingEditor
        instrumentId={instrumentId}
        mappings={instrument.data.mappings}
        canManage={hasPermission(me, 'instruments.manage')}
      />
    </Stack>
  );
}
