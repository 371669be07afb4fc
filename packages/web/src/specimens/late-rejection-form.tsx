import { Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../api/notify.js';
import type { ReceptionResult, SpecimenContext } from '../api/workflow-types.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { rejectAcceptedSpecimen } from './specimens-api.js';

/** Tube statuses a late finding may still reject (core specimen lifecycle: received | in analysis → rejected). */
const rejectable = new Set(['received', 'in_analysis']);

/**
 * A tube accepted at reception found non-conforming later (clot at the bench, haemolysis after
 * centrifugation): rejected with a coded reason; its results are not reported and the desk recalls
 * the patient. The server refuses once a result of the tube is technically validated.
 */
export function LateRejectionForm({
  context,
  onDone,
}: {
  context: SpecimenContext;
  onDone: (result: ReceptionResult) => void;
}) {
  const { t } = useTranslation();
  const canReject = useHasPermission('results.enter');
  const [reasonCode, setReasonCode] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; comment?: string }>({});
  const mutation = useMutation({
    mutationFn: () =>
      rejectAcceptedSpecimen(context.specimen.barcode, {
        reasonCode,
        ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
      }),
    onSuccess: onDone,
    onError: (error) => notifyError(error, t('common.unknownError')),
  });
  if (!canReject || !rejectable.has(context.specimen.status)) {
    return null;
  }
  const submit = () => {
    const next: typeof errors = {};
    if (reasonCode === '') {
      next.reason = t('specimens.reception.reasonRequired');
    } else if (reasonCode === 'AUTRE' && comment.trim() === '') {
      next.comment = t('specimens.reception.commentRequired');
    }
    setErrors(next);
    if (Object.keys(next).length === 0) {
      mutation.mutate();
    }
  };
  return (
    <Card withBorder padding="md" maw={720} data-testid="late-rejection">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t('specimens.lateRejection.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('specimens.lateRejection.hint')}
        </Text>
        <Group align="flex-end">
          <NativeSelect
            label={t('specimens.reception.reason')}
            value={reasonCode}
            onChange={(event) => setReasonCode(event.currentTarget.value)}
            error={errors.reason}
            data={[
              { value: '', label: t('patients.form.choose') },
              ...context.rejectionReasons.map((reason) => ({ value: reason.code, label: reason.label })),
            ]}
            w={320}
            data-testid="late-rejection-reason"
          />
          <TextInput
            label={t('specimens.reception.comment')}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            error={errors.comment}
            maxLength={1000}
            flex={1}
          />
        </Group>
        <Group justify="flex-end">
          <Button
            color="red"
            leftSection={<IconAlertTriangle size={16} />}
            onClick={submit}
            loading={mutation.isPending}
            data-testid="late-rejection-submit"
          >
            {t('specimens.lateRejection.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
