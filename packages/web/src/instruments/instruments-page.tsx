import { Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconList, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { followLink } from '../app/router.js';
import { hasPermission, useCurrentUser } from '../auth/current-user-context.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { InstrumentLinkBadge } from './instrument-link-badge.js';
import { linkStatusRefreshMs } from './instrument-link-status.js';
import { InstrumentProfileFormModal } from './instrument-profile-form-modal.js';
import type { Instrument } from './instrument-types.js';
import { fetchInstruments, instrumentKeys } from './instruments-api.js';

type Editing = { kind: 'closed' } | { kind: 'create' } | { kind: 'edit'; instrument: Instrument };

export function InstrumentsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canManage = hasPermission(me, 'instruments.manage');
  const locale = currentLocale();
  // Live link status: polled, the server keeps it in memory (no database read per poll).
  const instruments = useQuery({
    queryKey: instrumentKeys.list,
    queryFn: fetchInstruments,
    refetchInterval: linkStatusRefreshMs,
  });
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h3">
          {t('instruments.title')}
        </Title>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconList size={16} />}
            component="a"
            href={paths.instrumentMessages}
            onClick={followLink(paths.instrumentMessages)}
          >
            {t('instruments.messages.title')}
          </Button>
          {canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ kind: 'create' })}>
              {t('instruments.new')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {instruments.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : instruments.isError ? (
        <ApiErrorAlert error={instruments.error} />
      ) : instruments.data.items.length === 0 ? (
        <Text c="dimmed">{t('instruments.empty')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="instruments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('instruments.fields.code')}</Table.Th>
              <Table.Th>{t('instruments.fields.name')}</Table.Th>
              <Table.Th>{t('instruments.fields.protocol')}</Table.Th>
              <Table.Th>{t('instruments.fields.address')}</Table.Th>
              <Table.Th>{t('instruments.status.link')}</Table.Th>
              <Table.Th>{t('instruments.status.lastMessage')}</Table.Th>
              <Table.Th>{t('instruments.status.errors')}</Table.Th>
              <Table.Th aria-label={t('common.actions')} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {instruments.data.items.map((instrument) => (
              <Table.Tr key={instrument.id}>
                <Table.Td ff="monospace">
                  <RouterLink href={paths.instrument(instrument.id)}>{instrument.code}</RouterLink>
                </Table.Td>
                <Table.Td>{instrument.name}</Table.Td>
                <Table.Td>{instrument.protocol.toUpperCase()}</Table.Td>
                <Table.Td ff="monospace">
                  {t(`instruments.roles.${instrument.role}`)} {instrument.host}:{instrument.port}
                </Table.Td>
                <Table.Td>
                  <InstrumentLinkBadge status={instrument.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(instrument.status.lastMessageAt, locale)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    c={instrument.status.errorCount > 0 ? 'red' : undefined}
                    title={instrument.status.lastError?.detail}
                  >
                    {instrument.status.errorCount}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canManage ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconPencil size={14} />}
                      onClick={() => setEditing({ kind: 'edit', instrument })}
                    >
                      {t('common.edit')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <InstrumentProfileFormModal
        opened={editing.kind !== 'closed'}
        instrument={editing.kind === 'edit' ? editing.instrument : null}
        onClose={() => setEditing({ kind: 'closed' })}
      />
    </Stack>
  );
}
