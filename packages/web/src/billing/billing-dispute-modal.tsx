import {
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { notifySuccess } from '../api/notify.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { useCurrentUser } from '../auth/current-user-context.js';
import { formatDateTime, formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { requiredField } from '../lib/required-field.js';
import { formatIsoDate, parseTypedDate } from '../lib/typed-date.js';
import {
  disputeKeys,
  disputeResolutions,
  fetchDispute,
  resolveDispute,
  updateDispute,
  type DisputeResolution,
  type DisputeUpdate,
  type DisputeView,
} from './billing-dispute-api.js';
import { BillingDisputeStatusBadge } from './billing-dispute-status-badge.js';
import { BillingStatementLink } from './billing-statement-link.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** Minimum length of a resolution reason (disputes.schemas.ts: 3 to 500 characters). */
const minReasonLength = 3;

function DisputeResolveForm({ dispute, onResolved }: { dispute: DisputeView; onResolved: (d: DisputeView) => void }) {
  const { t } = useTranslation();
  const [resolution, setResolution] = useState<DisputeResolution | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ resolution?: string; reason?: string }>({});
  const mutation = useMutation({
    mutationFn: (input: { resolution: DisputeResolution; reason: string }) =>
      resolveDispute(dispute.id, { ...input, version: dispute.version }),
    onSuccess: (resolved) => {
      notifySuccess(t('disputes.resolve.done'));
      onResolved(resolved);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: { resolution?: string; reason?: string } = {};
    if (resolution === '') {
      next.resolution = t('disputes.resolve.chooseResolution');
    }
    if (reason.trim().length < minReasonLength) {
      next.reason = t('disputes.resolve.reasonTooShort', { min: minReasonLength });
    }
    setErrors(next);
    if (resolution !== '' && next.reason === undefined) {
      mutation.mutate({ resolution, reason: reason.trim() });
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="dispute-resolve-form">
      <Stack gap="sm">
        <Radio.Group
          label={t('disputes.resolve.resolution')}
          value={resolution}
          onChange={(value) => setResolution(value as DisputeResolution)}
          error={errors.resolution}
          {...requiredField}
        >
          <Stack gap={6} mt={6}>
            {disputeResolutions.map((option) => (
              <Radio
                key={option}
                value={option}
                label={t(`disputes.resolutions.${option}`)}
                description={t(`disputes.resolutionHints.${option}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('disputes.resolve.reason')}
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          {...requiredField}
        />
        {mutation.isError ? <ApiErrorAlert error={mutation.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" color="orange" loading={mutation.isPending} data-testid="dispute-resolve-submit">
            {t('disputes.resolve.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DisputeAssignment({ dispute, onUpdated }: { dispute: DisputeView; onUpdated: (d: DisputeView) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [dueText, setDueText] = useState(formatIsoDate(dispute.dueDate));
  const [dueError, setDueError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (update: Omit<DisputeUpdate, 'version'>) =>
      updateDispute(dispute.id, { ...update, version: dispute.version }),
    onSuccess: (updated) => {
      notifySuccess(t('disputes.assign.saved'));
      onUpdated(updated);
    },
  });
  const mine = dispute.assignee?.id === me.id;
  const saveDueDate = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseTypedDate(dueText);
    if (!parsed.ok) {
      setDueError(t('disputes.assign.dueDateInvalid'));
      return;
    }
    setDueError(null);
    mutation.mutate({ dueDate: parsed.iso });
  };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() => mutation.mutate({ assigneeId: mine ? null : me.id })}
          loading={mutation.isPending}
          data-testid="dispute-assign-me"
        >
          {mine ? t('disputes.assign.unassign') : t('disputes.assign.toMe')}
        </Button>
        {!mine && dispute.assignee !== null ? (
          <Button size="xs" variant="subtle" onClick={() => mutation.mutate({ assigneeId: null })}>
            {t('disputes.assign.unassign')}
          </Button>
        ) : null}
      </Group>
      <form onSubmit={saveDueDate} noValidate>
        <Group align="flex-end" gap="xs">
          <TextInput
            size="xs"
            label={t('disputes.fields.dueDate')}
            placeholder={t('coverage.datePlaceholder')}
            maxLength={10}
            value={dueText}
            onChange={(event) => setDueText(event.currentTarget.value)}
            error={dueError}
          />
          <Button size="xs" type="submit" variant="default" loading={mutation.isPending}>
            {t('disputes.assign.saveDueDate')}
          </Button>
        </Group>
      </form>
      {mutation.isError ? <ApiErrorAlert error={mutation.error} /> : null}
    </Stack>
  );
}

function DisputeDetail({ initial }: { initial: DisputeView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: disputeKeys.detail(initial.id),
    queryFn: ({ signal }) => fetchDispute(initial.id, signal),
    initialData: initial,
    staleTime: 0,
  });
  const dispute = detail.data;
  const onChanged = (changed: DisputeView) => {
    queryClient.setQueryData(disputeKeys.detail(changed.id), changed);
    void queryClient.invalidateQueries({ queryKey: disputeKeys.all });
  };

  return (
    <Stack gap="sm" data-testid="dispute-detail" data-status={dispute.status}>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <Fact label={t('disputes.fields.invoice')}>
          <Text span ff="monospace">
            {dispute.invoiceNumber ?? '—'}
          </Text>
        </Fact>
        <Fact label={t('disputes.fields.patient')}>
          <RouterLink href={paths.patient(dispute.patientId)}>{dispute.patientName}</RouterLink>
        </Fact>
        <Fact label={t('disputes.fields.payer')}>{dispute.payer}</Fact>
        <Fact label={t('disputes.fields.rejection')}>
          <Text span ff="monospace" fw={600}>
            {dispute.rejectionCode}
          </Text>
          {dispute.rejectionReason !== null ? ` — ${dispute.rejectionReason}` : ''}
        </Fact>
        <Fact label={t('disputes.fields.amount')}>{formatEuros(dispute.amountCents, locale)}</Fact>
        <Fact label={t('disputes.fields.status')}>
          <BillingDisputeStatusBadge status={dispute.status} />
        </Fact>
        <Fact label={t('disputes.fields.openedOn')}>
          {formatIsoDate(dispute.openedOn)} · {t('disputes.list.days', { count: dispute.ageDays })}
        </Fact>
        <Fact label={t('disputes.fields.dueDate')}>
          <Text span c={dispute.overdue && dispute.status === 'open' ? 'red' : undefined}>
            {formatIsoDate(dispute.dueDate)}
          </Text>
        </Fact>
        <Fact label={t('disputes.fields.assignee')}>{dispute.assignee?.name ?? t('disputes.list.unassigned')}</Fact>
      </SimpleGrid>
      <Group>
        <BillingStatementLink patientId={dispute.patientId} />
      </Group>
      {dispute.status === 'open' ? (
        <>
          <Divider label={t('disputes.assign.title')} labelPosition="left" />
          <DisputeAssignment key={dispute.version} dispute={dispute} onUpdated={onChanged} />
          <Divider label={t('disputes.resolve.title')} labelPosition="left" />
          <DisputeResolveForm dispute={dispute} onResolved={onChanged} />
        </>
      ) : (
        <Alert color="gray" data-testid="dispute-resolution">
          <Text size="sm" fw={600}>
            {t(`disputes.statuses.${dispute.status}`)}
          </Text>
          <Text size="sm">{dispute.resolutionReason ?? '—'}</Text>
          <Text size="xs" c="dimmed">
            {t('disputes.resolve.resolvedBy', {
              at: formatDateTime(dispute.resolvedAt, locale),
              by: dispute.resolvedBy ?? '—',
            })}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}

/** A dispute: its facts, assignment and due date, and its resolution (issue 5 item 7). */
export function BillingDisputeModal({ dispute, onClose }: { dispute: DisputeView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={dispute !== null}
      onClose={onClose}
      size="xl"
      title={
        dispute === null
          ? ''
          : t('disputes.detail.title', { invoice: dispute.invoiceNumber ?? '—', payer: dispute.payer })
      }
    >
      {dispute !== null ? <DisputeDetail key={dispute.id} initial={dispute} /> : null}
    </Modal>
  );
}
