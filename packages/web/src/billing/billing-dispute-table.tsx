import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatIsoDate } from '../lib/typed-date.js';
import type { DisputeView } from './billing-dispute-api.js';
import { ageingBucketColors } from './billing-dispute-filters.js';
import { BillingDisputeStatusBadge } from './billing-dispute-status-badge.js';

/** The disputes, one row each; "Traiter" opens the detail / resolve modal. */
export function BillingDisputeTable({
  items,
  onOpen,
}: {
  items: readonly DisputeView[];
  onOpen: (dispute: DisputeView) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table
        striped
        highlightOnHover
        withTableBorder
        data-testid="disputes-table"
        aria-label={t('disputes.list.title')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('disputes.fields.invoice')}</Table.Th>
            <Table.Th>{t('disputes.fields.patient')}</Table.Th>
            <Table.Th>{t('disputes.fields.payer')}</Table.Th>
            <Table.Th>{t('disputes.fields.rejection')}</Table.Th>
            <Table.Th ta="right">{t('disputes.fields.amount')}</Table.Th>
            <Table.Th>{t('disputes.fields.age')}</Table.Th>
            <Table.Th>{t('disputes.fields.dueDate')}</Table.Th>
            <Table.Th>{t('disputes.fields.assignee')}</Table.Th>
            <Table.Th>{t('disputes.fields.status')}</Table.Th>
            <Table.Th aria-label={t('common.actions')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((dispute) => (
            <Table.Tr
              key={dispute.id}
              data-testid="dispute-row"
              data-dispute-id={dispute.id}
              data-invoice={dispute.invoiceNumber ?? ''}
              data-status={dispute.status}
            >
              <Table.Td ff="monospace">{dispute.invoiceNumber ?? '—'}</Table.Td>
              <Table.Td>
                <RouterLink href={paths.patient(dispute.patientId)}>{dispute.patientName}</RouterLink>
              </Table.Td>
              <Table.Td>{dispute.payer}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" fw={600}>
                  {dispute.rejectionCode}
                </Text>
                {dispute.rejectionReason !== null ? (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {dispute.rejectionReason}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right">{formatEuros(dispute.amountCents, locale)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm" data-testid="dispute-age">
                    {t('disputes.list.days', { count: dispute.ageDays })}
                  </Text>
                  {dispute.status === 'open' ? (
                    <Badge size="xs" variant="dot" color={ageingBucketColors[dispute.ageingBucket]}>
                      {dispute.ageingBucket}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {t('disputes.list.openedOn', { date: formatIsoDate(dispute.openedOn) })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={dispute.overdue && dispute.status === 'open' ? 'red' : undefined}>
                  {formatIsoDate(dispute.dueDate)}
                </Text>
                {dispute.overdue && dispute.status === 'open' ? (
                  <Badge size="xs" color="red" variant="light">
                    {t('disputes.list.overdue')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{dispute.assignee?.name ?? <Text c="dimmed">{t('disputes.list.unassigned')}</Text>}</Table.Td>
              <Table.Td>
                <BillingDisputeStatusBadge status={dispute.status} />
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant={dispute.status === 'open' ? 'filled' : 'subtle'}
                  onClick={() => onOpen(dispute)}
                  aria-label={t('disputes.list.openAria', {
                    invoice: dispute.invoiceNumber ?? dispute.id,
                    payer: dispute.payer,
                  })}
                  data-testid="dispute-open"
                >
                  {dispute.status === 'open' ? t('disputes.list.handle') : t('disputes.list.view')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
