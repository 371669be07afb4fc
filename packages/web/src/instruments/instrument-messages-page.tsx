import {
  Badge,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconEye, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { notifyError, notifySuccess, notifyWarning } from '../api/notify.js';
import type { ItemList } from '../api/types.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { hasPermission, useCurrentUser } from '../auth/current-user-context.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { messageStatusColor } from './instrument-link-status.js';
import { InstrumentMessageModal } from './instrument-message-modal.js';
import {
  inboundStatuses,
  type InboundSummary,
  type MessageFilters,
  type ProcessingOutcome,
} from './instrument-types.js';
import {
  assignOrphan,
  fetchErrorQueue,
  fetchInstruments,
  fetchMessages,
  fetchOrphans,
  instrumentKeys,
  replayMessage,
} from './instruments-api.js';

function InstrumentMessageTable({
  query,
  onView,
  action,
}: {
  query: UseQueryResult<ItemList<InboundSummary>>;
  onView: (id: number) => void;
  action?: (message: InboundSummary) => ReactNode;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (query.isPending) {
    return (
      <Center py="lg">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    return <ApiErrorAlert error={query.error} />;
  }
  if (query.data.items.length === 0) {
    return <Text c="dimmed">{t('instruments.messages.empty')}</Text>;
  }
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('instruments.messages.receivedAt')}</Table.Th>
          <Table.Th>{t('instruments.fields.code')}</Table.Th>
          <Table.Th>{t('instruments.messages.type')}</Table.Th>
          <Table.Th>{t('instruments.messages.specimens')}</Table.Th>
          <Table.Th>{t('instruments.messages.status')}</Table.Th>
          <Table.Th>{t('instruments.messages.error')}</Table.Th>
          <Table.Th aria-label={t('common.actions')} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {query.data.items.map((message) => (
          <Table.Tr key={message.id}>
            <Table.Td>
              <Text size="sm">{formatDateTime(message.receivedAt, locale)}</Text>
            </Table.Td>
            <Table.Td ff="monospace">{message.instrumentCode}</Table.Td>
            <Table.Td ff="monospace">{message.messageType ?? message.protocol.toUpperCase()}</Table.Td>
            <Table.Td ff="monospace">{message.specimenIds.join(', ') || '—'}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={messageStatusColor(message.status)}>
                {t(`instruments.messageStatuses.${message.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="xs" c="red" title={message.errorDetail ?? undefined}>
                {message.errorCode ?? ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconEye size={14} />}
                  onClick={() => onView(message.id)}
                >
                  {t('instruments.messages.view')}
                </Button>
                {action?.(message)}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function useProcessingResult() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return {
    onSuccess: (outcome: ProcessingOutcome) => {
      void queryClient.invalidateQueries({ queryKey: instrumentKeys.allMessages });
      const summary = t('instruments.messages.outcome', {
        id: outcome.id,
        status: t(`instruments.messageStatuses.${outcome.status}`),
      });
      // A replay that fails again (still unmapped, still unknown) is not a success: say why.
      if (outcome.status === 'processed') {
        notifySuccess(summary);
      } else {
        notifyWarning([summary, outcome.errorCode, outcome.errorDetail].filter((part) => part !== null).join(' — '));
      }
    },
    onError: (error: unknown) => notifyError(error, t('common.unknownError')),
  };
}

function InstrumentOrphanAssign({ message }: { message: InboundSummary }) {
  const { t } = useTranslation();
  const [barcode, setBarcode] = useState('');
  const assign = useMutation({
    mutationFn: () =>
      assignOrphan(message.id, {
        messageSpecimenId: message.specimenIds[0] ?? '',
        barcode: barcode.trim(),
        reason: t('instruments.orphans.reason'),
      }),
    ...useProcessingResult(),
  });
  return (
    <TextInput
      size="xs"
      w={180}
      ff="monospace"
      label={t('instruments.orphans.assign')}
      placeholder={t('instruments.orphans.barcode')}
      value={barcode}
      disabled={assign.isPending || message.specimenIds.length === 0}
      onChange={(event) => setBarcode(event.currentTarget.value)}
      onKeyDown={(event) => {
        // A barcode scanner ends with Enter.
        if (event.key === 'Enter' && barcode.trim() !== '') {
          event.preventDefault();
          assign.mutate();
        }
      }}
    />
  );
}

function InstrumentReplayButton({ message }: { message: InboundSummary }) {
  const { t } = useTranslation();
  const replay = useMutation({ mutationFn: () => replayMessage(message.id, ''), ...useProcessingResult() });
  return (
    <Button
      size="compact-xs"
      variant="light"
      leftSection={<IconRefresh size={14} />}
      loading={replay.isPending}
      onClick={() => replay.mutate()}
    >
      {t('instruments.errors.replay')}
    </Button>
  );
}

const noFilters: MessageFilters = { instrumentId: '', status: '' };

export function InstrumentMessagesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canManage = hasPermission(me, 'instruments.manage');
  const [tab, setTab] = useState<string | null>('log');
  const [filters, setFilters] = useState<MessageFilters>(noFilters);
  const [viewing, setViewing] = useState<number | null>(null);
  const instruments = useQuery({ queryKey: instrumentKeys.list, queryFn: fetchInstruments });
  const log = useQuery({
    queryKey: instrumentKeys.messages(filters),
    queryFn: () => fetchMessages(filters),
    enabled: tab === 'log',
  });
  const errors = useQuery({ queryKey: instrumentKeys.errors, queryFn: fetchErrorQueue, enabled: tab === 'errors' });
  const orphans = useQuery({ queryKey: instrumentKeys.orphans, queryFn: fetchOrphans, enabled: tab === 'orphans' });

  return (
    <Stack gap="md">
      <RouterLink href={paths.instruments} size="sm">
        {t('instruments.backToList')}
      </RouterLink>
      <Title order={1} size="h3">
        {t('instruments.messages.title')}
      </Title>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="log">{t('instruments.messages.logTab')}</Tabs.Tab>
          <Tabs.Tab value="errors">{t('instruments.errors.tab')}</Tabs.Tab>
          <Tabs.Tab value="orphans">{t('instruments.orphans.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="log" pt="sm">
          <Stack gap="sm">
            <Group align="flex-end">
              <NativeSelect
                label={t('instruments.messages.instrumentFilter')}
                value={filters.instrumentId}
                onChange={(event) => setFilters({ ...filters, instrumentId: event.currentTarget.value })}
                data={[
                  { value: '', label: t('instruments.messages.allInstruments') },
                  ...(instruments.data?.items ?? []).map((instrument) => ({
                    value: instrument.id,
                    label: `${instrument.code} · ${instrument.name}`,
                  })),
                ]}
              />
              <NativeSelect
                label={t('instruments.messages.status')}
                value={filters.status}
                onChange={(event) =>
                  setFilters({ ...filters, status: event.currentTarget.value as MessageFilters['status'] })
                }
                data={[
                  { value: '', label: t('instruments.messages.allStatuses') },
                  ...inboundStatuses.map((status) => ({
                    value: status,
                    label: t(`instruments.messageStatuses.${status}`),
                  })),
                ]}
              />
            </Group>
            <InstrumentMessageTable query={log} onView={setViewing} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="errors" pt="sm">
          <InstrumentMessageTable
            query={errors}
            onView={setViewing}
            action={canManage ? (message) => <InstrumentReplayButton message={message} /> : undefined}
          />
        </Tabs.Panel>
        <Tabs.Panel value="orphans" pt="sm">
          <InstrumentMessageTable
            query={orphans}
            onView={setViewing}
            action={canManage ? (message) => <InstrumentOrphanAssign message={message} /> : undefined}
          />
        </Tabs.Panel>
      </Tabs>
      <InstrumentMessageModal messageId={viewing} onClose={() => setViewing(null)} />
    </Stack>
  );
}
