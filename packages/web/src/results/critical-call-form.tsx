import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../api/notify.js';
import type { CriticalNotification } from '../api/workflow-types.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { dateTimeLocalToIso, toDateTimeLocalValue } from '../lib/local-date-time.js';
import { requiredField } from '../lib/required-field.js';
import { recordCriticalCall } from './results-api.js';

/**
 * The call of a critical value (ISO 15189:2022 §7.4.1.3): who was called and when; the server
 * stamps who called (the logged-in user). Biological validation waits for this record.
 */
export function CriticalCallForm({
  resultId,
  analyteLabel,
  value,
  onRecorded,
}: {
  resultId: string;
  analyteLabel: string;
  value: string;
  onRecorded: (notification: CriticalNotification) => void;
}) {
  const { t } = useTranslation();
  const [calledPerson, setCalledPerson] = useState('');
  const [calledAt, setCalledAt] = useState(() => toDateTimeLocalValue(new Date()));
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ calledPerson?: string; calledAt?: string }>({});
  const mutation = useMutation({
    mutationFn: (input: { calledPerson: string; calledAt: string }) =>
      recordCriticalCall(resultId, { ...input, comment: comment.trim() === '' ? null : comment.trim() }),
    onSuccess: (notification) => {
      notifySuccess(t('results.criticalCall.recorded', { person: notification.calledPerson }));
      onRecorded(notification);
    },
    onError: (error) => notifyError(error, t('common.unknownError')),
  });

  const submit = () => {
    const iso = dateTimeLocalToIso(calledAt);
    const next: typeof errors = {};
    if (calledPerson.trim() === '') {
      next.calledPerson = t('validation.required');
    }
    if (iso === null) {
      next.calledAt = t('specimens.sampling.timeInvalid');
    }
    setErrors(next);
    if (iso !== null && next.calledPerson === undefined) {
      mutation.mutate({ calledPerson: calledPerson.trim(), calledAt: iso });
    }
  };

  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconPhoneCall size={18} />}
      p="sm"
      data-testid="critical-call-form"
      data-result-id={resultId}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="xs">
          <Text size="sm" fw={700}>
            {t('results.criticalCall.title', { analyte: analyteLabel })} — {value}
          </Text>
          <Group grow align="flex-start">
            <TextInput
              label={t('results.criticalCall.calledPerson')}
              description={t('results.criticalCall.calledPersonHint')}
              value={calledPerson}
              onChange={(event) => setCalledPerson(event.currentTarget.value)}
              error={errors.calledPerson}
              maxLength={200}
              {...requiredField}
            />
            <TextInput
              type="datetime-local"
              label={t('results.criticalCall.calledAt')}
              value={calledAt}
              onChange={(event) => setCalledAt(event.currentTarget.value)}
              error={errors.calledAt}
              {...requiredField}
            />
            <TextInput
              label={t('results.criticalCall.comment')}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              maxLength={1000}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" color="red" loading={mutation.isPending}>
              {t('results.criticalCall.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Alert>
  );
}

/** A recorded call, as the bench and the biologist see it. */
export function CriticalCallRecord({ notification }: { notification: CriticalNotification }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Text size="xs" data-testid="critical-call-record">
      {t('results.criticalCall.record', {
        person: notification.calledPerson,
        at: formatDateTime(notification.calledAt, locale),
        by: notification.calledBy.name,
      })}
      {notification.comment !== null ? ` — ${notification.comment}` : ''}
    </Text>
  );
}
