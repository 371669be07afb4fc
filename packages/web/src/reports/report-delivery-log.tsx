import { Table, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Delivery, Report } from '../api/workflow-types.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { fetchDeliveries, reportKeys } from './reports-api.js';

/** Every handover of every version, newest first (the log is append-only). */
export function ReportDeliveryLog({ versions }: { versions: readonly Report[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const answers = useQueries({
    queries: versions.map((report) => ({
      queryKey: reportKeys.deliveries(report.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchDeliveries(report.id, signal),
    })),
  });
  const rows: { delivery: Delivery; version: number }[] = answers
    .flatMap((answer, index) =>
      (answer.data?.items ?? []).map((delivery) => ({ delivery, version: versions[index]?.version ?? 0 }))
    )
    .sort((a, b) => b.delivery.deliveredAt.localeCompare(a.delivery.deliveredAt));

  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {t('reports.delivery.log')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.delivery.none')}
        </Text>
      ) : (
        <Table withTableBorder data-testid="report-delivery-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.delivery.at')}</Table.Th>
              <Table.Th>{t('reports.version')}</Table.Th>
              <Table.Th>{t('reports.delivery.channel')}</Table.Th>
              <Table.Th>{t('reports.delivery.recipient')}</Table.Th>
              <Table.Th>{t('reports.delivery.identityShort')}</Table.Th>
              <Table.Th>{t('reports.delivery.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ delivery, version }) => (
              <Table.Tr key={delivery.id} data-testid="report-delivery-row">
                <Table.Td>{formatDateTime(delivery.deliveredAt, locale)}</Table.Td>
                <Table.Td>{t('reports.versionN', { version })}</Table.Td>
                <Table.Td>{t(`reports.channel.${delivery.channel}`)}</Table.Td>
                <Table.Td>
                  {delivery.recipient ?? '—'}
                  {delivery.comment !== null ? (
                    <Text size="xs" c="dimmed">
                      {delivery.comment}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {delivery.identityChecked ? <IconCheck size={16} aria-label={t('common.yes')} /> : t('common.no')}
                </Table.Td>
                <Table.Td>{delivery.deliveredBy?.name ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}
