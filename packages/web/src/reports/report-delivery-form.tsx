import { Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../api/notify.js';
import { deliveryChannels, type DeliveryChannel, type OrderPatient, type Report } from '../api/workflow-types.js';
import { requiredField } from '../lib/required-field.js';
import { formatPatientName } from '../patients/patient-display.js';
import { recordDelivery, reportKeys } from './reports-api.js';

function isChannel(value: string): value is DeliveryChannel {
  return (deliveryChannels as readonly string[]).includes(value);
}

/**
 * Records how the current version left the lab. At the desk the identity of the person collecting
 * it is checked first (secret médical, CSP L1110-4): the server refuses a desk handover without it.
 */
export function ReportDeliveryForm({ report, patient }: { report: Report; patient: OrderPatient }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState<DeliveryChannel>('desk');
  const [recipient, setRecipient] = useState(formatPatientName(patient));
  const [identityChecked, setIdentityChecked] = useState(false);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ recipient?: string; identity?: string }>({});

  const mutation = useMutation({
    mutationFn: () =>
      recordDelivery(report.id, {
        channel,
        recipient: recipient.trim(),
        identityChecked,
        ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
      }),
    onSuccess: () => {
      notifySuccess(t('reports.delivery.saved'));
      setIdentityChecked(false);
      setComment('');
      void queryClient.invalidateQueries({ queryKey: reportKeys.deliveries(report.id) });
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
    },
    onError: (error) => notifyError(error, t('common.unknownError')),
  });

  const submit = () => {
    const next: typeof errors = {};
    if (recipient.trim() === '') {
      next.recipient = t('validation.required');
    }
    if (channel === 'desk' && !identityChecked) {
      next.identity = t('reports.delivery.identityRequired');
    }
    setErrors(next);
    if (Object.keys(next).length === 0) {
      mutation.mutate();
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
      data-testid="report-delivery-form"
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('reports.delivery.title', { version: report.version })}
        </Text>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('reports.delivery.channel')}
            data={deliveryChannels.map((value) => ({ value, label: t(`reports.channel.${value}`) }))}
            value={channel}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isChannel(value)) {
                setChannel(value);
              }
            }}
          />
          <TextInput
            label={t('reports.delivery.recipient')}
            value={recipient}
            onChange={(event) => setRecipient(event.currentTarget.value)}
            error={errors.recipient}
            maxLength={200}
            {...requiredField}
          />
          <TextInput
            label={t('reports.delivery.comment')}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            maxLength={500}
          />
        </Group>
        <Group justify="space-between" align="flex-start">
          <Checkbox
            label={t('reports.delivery.identityChecked')}
            description={channel === 'desk' ? t('reports.delivery.identityHint') : undefined}
            checked={identityChecked}
            onChange={(event) => setIdentityChecked(event.currentTarget.checked)}
            error={errors.identity}
          />
          <Button type="submit" loading={mutation.isPending}>
            {t('reports.delivery.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
