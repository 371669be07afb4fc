import { ActionIcon, Anchor, Code, Collapse, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../api/types.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';

function prettyJson(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  return JSON.stringify(value, null, 2);
}

const columnCount = 8;

/** One audit event; expands to its before/after states, request id and full chain hash. */
export function AuditEventRow({
  event,
  onFilterUser,
  onFilterPatient,
}: {
  event: AuditEvent;
  onFilterUser: (userId: string) => void;
  onFilterPatient: (patientId: string) => void;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const locale = currentLocale();
  const detailsId = `audit-event-${String(event.id)}-details`;

  return (
    <>
      <Table.Tr data-testid="audit-event-row" data-action={event.action}>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            size="sm"
            onClick={() => setExpanded((value) => !value)}
            aria-expanded={expanded}
            aria-controls={detailsId}
            aria-label={t('audit.toggleDetails', { id: event.id })}
          >
            {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td fz="xs" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(event.occurredAt, locale)}
        </Table.Td>
        <Table.Td>
          {event.actorId !== null ? (
            <Tooltip label={t('audit.filterThisUser')}>
              <Anchor component="button" type="button" fz="sm" onClick={() => onFilterUser(event.actorId ?? '')}>
                {event.actorName ?? event.actorId}
              </Anchor>
            </Tooltip>
          ) : (
            <Text size="sm" c="dimmed">
              {t('audit.system')}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Code fz="xs" c="indigo.8" style={{ whiteSpace: 'nowrap' }}>
            {event.action}
          </Code>
        </Table.Td>
        <Table.Td fz="xs">
          {event.entityType}
          {event.entityId !== null ? (
            <Text span ff="monospace" fz="xs" c="dimmed">
              {' '}
              {event.entityId.slice(0, 8)}
            </Text>
          ) : null}
        </Table.Td>
        <Table.Td>
          {event.patientId !== null ? (
            <Tooltip label={t('audit.filterThisPatient')}>
              <Anchor
                component="button"
                type="button"
                ff="monospace"
                fz="xs"
                onClick={() => onFilterPatient(event.patientId ?? '')}
              >
                {event.patientId.slice(0, 8)}
              </Anchor>
            </Tooltip>
          ) : (
            '—'
          )}
        </Table.Td>
        <Table.Td fz="xs">{event.reason ?? '—'}</Table.Td>
        <Table.Td>
          <Tooltip label={event.hash}>
            <Code fz="xs">{event.hash.slice(0, 12)}</Code>
          </Tooltip>
        </Table.Td>
      </Table.Tr>
      <Table.Tr style={expanded ? undefined : { display: 'none' }}>
        <Table.Td colSpan={columnCount} p={0}>
          <Collapse expanded={expanded} id={detailsId}>
            <Stack gap="xs" p="sm" bg="gray.0">
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                <div>
                  <Text size="xs" fw={600}>
                    {t('audit.before')}
                  </Text>
                  <Code block fz="xs" data-testid="audit-event-before">
                    {prettyJson(event.before)}
                  </Code>
                </div>
                <div>
                  <Text size="xs" fw={600}>
                    {t('audit.after')}
                  </Text>
                  <Code block fz="xs" data-testid="audit-event-after">
                    {prettyJson(event.after)}
                  </Code>
                </div>
              </SimpleGrid>
              <Text size="xs">
                {t('audit.eventId')}: <Code fz="xs">{event.id}</Code> · {t('audit.requestId')}:{' '}
                <Code fz="xs">{event.requestId ?? '—'}</Code> · {t('audit.address')}:{' '}
                <Code fz="xs">{event.address ?? '—'}</Code>
              </Text>
              <Text size="xs">
                {t('audit.hash')}:{' '}
                <Code fz="xs" style={{ wordBreak: 'break-all' }} data-testid="audit-event-hash">
                  {event.hash}
                </Code>
              </Text>
            </Stack>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </>
  );
}
