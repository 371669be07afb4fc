import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../api/notify.js';
import type { NonConformity } from '../api/workflow-types.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { requiredField } from '../lib/required-field.js';
import { formatPatientName } from '../patients/patient-display.js';
import { SpecimenReplacementButton, type ReplaceableTube } from '../specimens/specimen-replacement-button.js';
import { updateNonConformity } from './orders-api.js';

/**
 * Rejected tubes waiting for the desk: the patient is to be called back for a new sample
 * (ISO 15189:2022 §7.2.6 / §7.5). The follow-up (called, closed) is written with what was done.
 */
export function NonConformityList({
  items,
  showOrder = true,
}: {
  items: readonly NonConformity[];
  showOrder?: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canWrite = useHasPermission('orders.write');
  const [following, setFollowing] = useState<NonConformity | null>(null);

  if (items.length === 0) {
    return null;
  }
  return (
    <Alert color="red" icon={<IconPhoneCall size={18} />} data-testid="non-conformities" p="sm">
      <Text fw={700} size="sm" mb="xs">
        {t('orders.nonConformity.title', { count: items.length })}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table data-testid="non-conformity-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.nonConformity.patient')}</Table.Th>
              <Table.Th>{t('patients.fields.phone')}</Table.Th>
              {showOrder ? <Table.Th>{t('orders.fields.orderNumber')}</Table.Th> : null}
              <Table.Th>{t('orders.nonConformity.tube')}</Table.Th>
              <Table.Th>{t('orders.nonConformity.reason')}</Table.Th>
              <Table.Th>{t('orders.nonConformity.createdAt')}</Table.Th>
              <Table.Th aria-label={t('common.actions')} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid="non-conformity-row">
                <Table.Td fw={600}>{item.patient === null ? '—' : formatPatientName(item.patient)}</Table.Td>
                <Table.Td ff="monospace">{item.patient?.phone ?? '—'}</Table.Td>
                {showOrder ? (
                  <Table.Td>
                    {item.order === null ? (
                      '—'
                    ) : (
                      <RouterLink href={paths.order(item.order.id)}>{item.order.orderNumber}</RouterLink>
                    )}
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {item.specimen?.barcode ?? '—'}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {item.specimen?.containerLabel ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.reasonLabel}</Text>
                  {item.description !== null ? (
                    <Text size="xs" c="dimmed">
                      {item.description}
                    </Text>
                  ) : null}
                  {item.status === 'in_progress' ? (
                    <Badge size="xs" color="orange" variant="light">
                      {t('orders.nonConformity.status.in_progress')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{formatDateTime(item.createdAt, locale)}</Text>
                  <Text size="xs" c="dimmed">
                    {item.createdBy ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    {canWrite ? (
                      <Button size="compact-xs" variant="white" color="red" onClick={() => setFollowing(item)}>
                        {t('orders.nonConformity.follow')}
                      </Button>
                    ) : null}
                    {item.order !== null && item.specimen !== null ? (
                      <SpecimenReplacementButton orderId={item.order.id} tube={item.specimen as ReplaceableTube} />
                    ) : null}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <NonConformityFollowUpModal item={following} onClose={() => setFollowing(null)} />
    </Alert>
  );
}

function NonConformityFollowUpModal({ item, onClose }: { item: NonConformity | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [resolution, setResolution] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (status: 'in_progress' | 'closed') =>
      updateNonConformity(item?.id ?? '', { status, resolution: resolution.trim() }),
    onSuccess: () => {
      notifySuccess(t('orders.nonConformity.saved'));
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      setResolution('');
      onClose();
    },
    onError: (caught) => notifyError(caught, t('common.unknownError')),
  });
  const save = (status: 'in_progress' | 'closed') => {
    if (resolution.trim() === '') {
      setError(t('validation.required'));
      return;
    }
    setError(null);
    mutation.mutate(status);
  };
  return (
    <Modal opened={item !== null} onClose={onClose} title={t('orders.nonConformity.followTitle')}>
      <Stack gap="sm">
        <Textarea
          label={t('orders.nonConformity.resolution')}
          description={t('orders.nonConformity.resolutionHint')}
          value={resolution}
          onChange={(event) => setResolution(event.currentTarget.value)}
          error={error}
          autosize
          minRows={2}
          maxLength={1000}
          data-autofocus
          {...requiredField}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => save('in_progress')} loading={mutation.isPending}>
            {t('orders.nonConformity.inProgress')}
          </Button>
          <Button color="red" onClick={() => save('closed')} loading={mutation.isPending}>
            {t('orders.nonConformity.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
