import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { notifySuccess } from '../api/notify.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { billingKeys, fseExportUrl, markFseSent } from './billing-api.js';
import type { InvoiceView } from './billing-types.js';

/**
 * The FSE data for the lab's certified software. Sillage is not a SESAM-Vitale approved module
 * (issue 5 item 5): it prepares the data, the certified software signs and transmits the FSE,
 * and the desk notes here that it was sent.
 */
export function InvoiceFsePanel({ invoice }: { invoice: InvoiceView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [batch, setBatch] = useState('');
  const sent = useMutation({
    mutationFn: () => markFseSent(invoice.id, batch.trim() === '' ? null : batch.trim()),
    onSuccess: () => {
      notifySuccess(t('invoices.fse.markedSent'));
      void queryClient.invalidateQueries({ queryKey: billingKeys.invoices });
    },
  });
  const active = invoice.number !== null && invoice.status !== 'cancelled';

  return (
    <Stack gap="xs" data-testid="invoice-fse">
      <Alert color="yellow" icon={<IconInfoCircle size={18} />} data-testid="invoice-fse-notice">
        <Text size="sm">{t('invoices.fse.notice')}</Text>
      </Alert>
      <Group align="flex-end" gap="sm">
        <Button
          component="a"
          href={fseExportUrl(invoice.id)}
          download={`fse-${invoice.number ?? invoice.orderNumber}.json`}
          variant="light"
          leftSection={<IconDownload size={16} />}
          data-testid="invoice-fse-download"
        >
          {t('invoices.fse.download')}
        </Button>
        {invoice.fseSentAt !== null ? (
          <Text size="sm" data-testid="invoice-fse-sent">
            {t('invoices.fse.sentAt', { date: formatDateTime(invoice.fseSentAt, locale) })}
          </Text>
        ) : active ? (
          <>
            <TextInput
              label={t('invoices.fse.batch')}
              value={batch}
              onChange={(event) => setBatch(event.currentTarget.value)}
              maxLength={40}
              size="sm"
            />
            <Button
              variant="default"
              leftSection={<IconSend size={16} />}
              onClick={() => sent.mutate()}
              loading={sent.isPending}
            >
              {t('invoices.fse.markSent')}
            </Button>
          </>
        ) : null}
      </Group>
      {sent.isError ? <ApiErrorAlert error={sent.error} /> : null}
    </Stack>
  );
}
