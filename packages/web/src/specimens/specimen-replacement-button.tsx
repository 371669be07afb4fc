import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPrinter, IconReplace } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../api/notify.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { createReplacementTube, tubeLabelUrl, type ReplacementTube } from './specimens-api.js';

/** What the server says of a non-conformity's tube (0015: its status and replacement, when any). */
export interface ReplaceableTube {
  barcode: string;
  status?: string;
  replacedByBarcode?: string | null;
}

/**
 * The desk redraws a rejected tube once the patient is recalled: a new tube, numbered after the
 * order's last one, carries the same analyses; its label opens to be printed at once.
 */
export function SpecimenReplacementButton({ orderId, tube }: { orderId: string; tube: ReplaceableTube }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canWrite = useHasPermission('orders.write');
  const [created, setCreated] = useState<ReplacementTube | null>(null);
  const mutation = useMutation({
    mutationFn: () => createReplacementTube(tube.barcode),
    onSuccess: (replacement) => {
      setCreated(replacement);
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
    },
    onError: (error) => notifyError(error, t('common.unknownError')),
  });

  const replacedBy = created?.barcode ?? tube.replacedByBarcode ?? null;
  if (replacedBy !== null) {
    return (
      <Stack gap={2} data-testid="replacement-tube">
        <Text size="xs">{t('specimens.replacement.replacedBy', { barcode: replacedBy })}</Text>
        <ReplacementLabelLinks orderId={orderId} barcode={replacedBy} />
        <ReplacementModal orderId={orderId} created={created} onClose={() => setCreated(null)} />
      </Stack>
    );
  }
  if (!canWrite || (tube.status !== undefined && tube.status !== 'rejected')) {
    return null;
  }
  return (
    <Button
      size="compact-xs"
      color="red"
      variant="light"
      leftSection={<IconReplace size={14} />}
      loading={mutation.isPending}
      onClick={() => mutation.mutate()}
      data-testid="create-replacement-tube"
    >
      {t('specimens.replacement.create')}
    </Button>
  );
}

function ReplacementLabelLinks({ orderId, barcode }: { orderId: string; barcode: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Anchor
        size="xs"
        href={tubeLabelUrl(orderId, barcode, 'label50x25')}
        target="_blank"
        rel="noopener"
        data-testid="replacement-label-50x25"
      >
        {t('specimens.replacement.label50x25')}
      </Anchor>
      <Anchor size="xs" href={tubeLabelUrl(orderId, barcode, 'a4')} target="_blank" rel="noopener">
        {t('specimens.replacement.labelA4')}
      </Anchor>
    </Group>
  );
}

function ReplacementModal({
  orderId,
  created,
  onClose,
}: {
  orderId: string;
  created: ReplacementTube | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={created !== null} onClose={onClose} title={t('specimens.replacement.createdTitle')}>
      {created === null ? null : (
        <Stack gap="sm" data-testid="replacement-created">
          <Text size="sm">
            {t('specimens.replacement.created', {
              barcode: created.barcode,
              replaces: created.replacesBarcode,
              container: created.containerLabel,
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('specimens.replacement.analyses', { analyses: created.analyses.join(', ') })}
          </Text>
          <Group justify="flex-end">
            <Button
              component="a"
              href={tubeLabelUrl(orderId, created.barcode, 'label50x25')}
              target="_blank"
              rel="noopener"
              leftSection={<IconPrinter size={16} />}
              data-testid="replacement-print-label"
            >
              {t('specimens.replacement.printLabel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
