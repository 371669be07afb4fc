import { Anchor, Button, Card, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../api/notify.js';
import type { OrderView } from '../api/workflow-types.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { attachPrescription, orderKeys, prescriptionUrl } from './orders-api.js';

/** Same list as the server's prescription-file-type.ts (it checks the bytes, not the name). */
const acceptedTypes = 'application/pdf,image/jpeg,image/png,image/tiff';

/** The scanned prescription(s): upload (PDF or image, 10 MB at most) and open. */
export function OrderPrescriptionsCard({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const canWrite = useHasPermission('orders.write');
  const upload = useMutation({
    mutationFn: (file: File) => attachPrescription(order.id, file),
    onSuccess: (document) => {
      notifySuccess(t('orders.prescription.attached', { name: document.filename }));
      void queryClient.invalidateQueries({ queryKey: orderKeys.detail(order.id) });
    },
    onError: (error) => notifyError(error, t('common.unknownError')),
  });

  return (
    <Card withBorder padding="md" data-testid="order-prescriptions">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {t('orders.prescription.title')}
        </Title>
        {canWrite ? (
          <FileButton
            onChange={(file) => {
              if (file !== null) {
                upload.mutate(file);
              }
            }}
            accept={acceptedTypes}
            inputProps={
              {
                'aria-label': t('orders.prescription.attach'),
                'data-testid': 'order-prescription-file',
              } as ComponentProps<'input'>
            }
          >
            {(props) => (
              <Button {...props} variant="light" leftSection={<IconPaperclip size={16} />} loading={upload.isPending}>
                {t('orders.prescription.attach')}
              </Button>
            )}
          </FileButton>
        ) : null}
      </Group>
      {order.prescriptions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('orders.prescription.none')}
        </Text>
      ) : (
        <Stack gap={4}>
          {order.prescriptions.map((document) => (
            <Group key={document.id} gap="xs" data-testid="order-prescription">
              <Anchor href={prescriptionUrl(order.id, document.id)} target="_blank" rel="noopener" size="sm">
                {document.filename}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t('orders.prescription.meta', {
                  size: Math.max(1, Math.round(document.size / 1024)),
                  date: formatDateTime(document.uploadedAt, locale),
                  by: document.uploadedBy ?? '—',
                })}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
