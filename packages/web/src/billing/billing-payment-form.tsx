import { Button, Group, Stack, TextInput } from '@mantine/core';
import { IconCash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { notifySuccess } from '../api/notify.js';
import { formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { requiredField } from '../lib/required-field.js';
import { formatCentsForInput, parseAmountToCents } from './billing-amount.js';
import { billingKeys, recordPayment } from './billing-api.js';
import { PaymentMethodRadios } from './billing-payment-method-radios.js';
import type { InvoiceView, PaymentMethod } from './billing-types.js';

/**
 * Collects the patient's share at the desk, in one or several payments. The amount is prefilled
 * with what is still due; an amount above it is the server's to refuse (SIL_PAYMENT_EXCEEDS_DUE),
 * and its French message is shown here, nothing recorded.
 */
export function PaymentForm({ invoice, deskCode }: { invoice: InvoiceView; deskCode: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [method, setMethod] = useState<PaymentMethod>('card');
  const [amount, setAmount] = useState(() => formatCentsForInput(invoice.patientRemainingCents));
  const [reference, setReference] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);

  const pay = useMutation({
    mutationFn: (amountCents: number) =>
      recordPayment(invoice.id, {
        deskCode,
        method,
        amountCents,
        reference: reference.trim() === '' ? null : reference.trim(),
      }),
    onSuccess: (answer) => {
      notifySuccess(
        t('invoices.payments.recorded', {
          amount: formatEuros(answer.payment.amountCents, locale),
          remaining: formatEuros(answer.patientRemainingCents, locale),
        })
      );
      setAmount(formatCentsForInput(answer.patientRemainingCents));
      setReference('');
      void queryClient.invalidateQueries({ queryKey: billingKeys.invoices });
      void queryClient.invalidateQueries({ queryKey: billingKeys.cash });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseAmountToCents(amount);
    if (!parsed.ok) {
      setAmountError(t(`invoices.amountErrors.${parsed.error}`));
      return;
    }
    setAmountError(null);
    pay.mutate(parsed.cents);
  };

  return (
    <form onSubmit={submit} data-testid="payment-form" noValidate>
      <Stack gap="sm">
        <PaymentMethodRadios label={t('invoices.payments.method')} value={method} onChange={setMethod} />
        <Group align="flex-start" grow>
          <TextInput
            label={t('invoices.payments.amount')}
            value={amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
            error={amountError}
            inputMode="decimal"
            autoComplete="off"
            {...requiredField}
          />
          <TextInput
            label={t('invoices.payments.reference')}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
            maxLength={60}
            autoComplete="off"
          />
        </Group>
        {pay.isError ? <ApiErrorAlert error={pay.error} /> : null}
        <Group justify="space-between">
          <span />
          <Button type="submit" leftSection={<IconCash size={16} />} loading={pay.isPending}>
            {t('invoices.payments.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
