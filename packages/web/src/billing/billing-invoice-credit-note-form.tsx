import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { notifySuccess } from '../api/notify.js';
import { requiredField } from '../lib/required-field.js';
import { billingKeys, creditInvoice } from './billing-api.js';
import type { InvoiceView } from './billing-types.js';

/**
 * Cancels an issued invoice by a credit note (avoir): an invoice once issued is an accounting
 * document and is never edited (issue 5 item 5); the order can then be invoiced again.
 */
export function InvoiceCreditNoteForm({ invoice, onDone }: { invoice: InvoiceView; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const credit = useMutation({
    mutationFn: () => creditInvoice(invoice.id, reason.trim()),
    onSuccess: (note) => {
      notifySuccess(t('invoices.credit.done', { number: note.number ?? '', invoice: invoice.number ?? '' }));
      void queryClient.invalidateQueries({ queryKey: billingKeys.invoices });
      onDone();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setReasonError(t('invoices.reasonRequired'));
      return;
    }
    setReasonError(null);
    credit.mutate();
  };

  return (
    <form onSubmit={submit} data-testid="credit-note-form" noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('invoices.credit.hint')}
        </Text>
        <TextInput
          label={t('invoices.credit.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={reasonError}
          maxLength={500}
          autoFocus
          {...requiredField}
        />
        {credit.isError ? <ApiErrorAlert error={credit.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={credit.isPending}>
            {t('invoices.credit.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
