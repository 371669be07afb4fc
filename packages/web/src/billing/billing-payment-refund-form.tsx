import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { notifySuccess } from '../api/notify.js';
import { formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { requiredField } from '../lib/required-field.js';
import { parseAmountToCents } from './billing-amount.js';
import { billingKeys, recordRefund } from './billing-api.js';
import { PaymentMethodRadios } from './billing-payment-method-radios.js';
import type { InvoiceView, PaymentMethod } from './billing-types.js';

/** Gives money back to the patient, with its reason (kept in the audit trail and on the Z report). */
export function PaymentRefundForm({
  invoice,
  deskCode,
  onDone,
}: {
  invoice: InvoiceView;
  deskCode: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});

  const refund = useMutation({
    mutationFn: (amountCents: number) =>
      recordRefund(invoice.id, { deskCode, method, amountCents, reference: null, reason: reason.trim() }),
    onSuccess: (answer) => {
      notifySuccess(t('invoices.refunds.recorded', { amount: formatEuros(answer.payment.amountCents, locale) }));
      void queryClient.invalidateQueries({ queryKey: billingKeys.invoices });
      void queryClient.invalidateQueries({ queryKey: billingKeys.cash });
      onDone();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseAmountToCents(amount);
    const next = {
      ...(parsed.ok ? {} : { amount: t(`invoices.amountErrors.${parsed.error}`) }),
      ...(reason.trim().length >= 3 ? {} : { reason: t('invoices.reasonRequired') }),
    };
    setErrors(next);
    if (parsed.ok && next.reason === undefined) {
      refund.mutate(parsed.cents);
    }
  };

  return (
    <form onSubmit={submit} data-testid="refund-form" noValidate>
      <Stack gap="sm">
        <PaymentMethodRadios label={t('invoices.refunds.method')} value={method} onChange={setMethod} />
        <Group align="flex-start" grow>
          <TextInput
            label={t('invoices.refunds.amount')}
            value={amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
            error={errors.amount}
            inputMode="decimal"
            autoComplete="off"
            autoFocus
            {...requiredField}
          />
          <TextInput
            label={t('invoices.refunds.reason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
            maxLength={500}
            {...requiredField}
          />
        </Group>
        {refund.isError ? <ApiErrorAlert error={refund.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={refund.isPending}>
            {t('invoices.refunds.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
