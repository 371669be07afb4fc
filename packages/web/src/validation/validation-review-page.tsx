import { Alert, Button, Card, Center, Checkbox, Group, Loader, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconChecks, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { notifyError, notifySuccess } from '../api/notify.js';
import type { ReviewResult } from '../api/workflow-types.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { UrgencyBadge } from '../orders/order-badges.js';
import { OrderPatientBanner } from '../orders/order-patient-banner.js';
import { CriticalCallForm } from '../results/critical-call-form.js';
import { useCommentCodes } from '../results/use-comment-codes.js';
import { ValidationReviewRow } from './validation-review-row.js';
import { ResultActionModal, type ResultAction } from './result-action-modal.js';
import { fetchReview, validateBiologically, validationKeys } from './validation-api.js';

/** Results the biologist may validate now (technically validated, not yet biologically). */
function isSelectable(result: ReviewResult): boolean {
  return result.status === 'technically_validated';
}

/**
 * Not yet at the biologist's stage: shown on demand only, so the ready results stand out. A
 * correction (back to `entered` until validated again) stays in sight.
 */
function isNotReady(result: ReviewResult): boolean {
  const early = result.status === 'pending' || result.status === 'entered' || result.status === 'cancelled';
  return early && result.amendmentReason === null;
}

/** A critical version without its call record: biological validation waits for it. */
function awaitsCall(result: ReviewResult): boolean {
  return (
    result.critical &&
    result.status !== 'pending' &&
    !result.criticalNotifications.some((notification) => notification.resultVersion === result.version)
  );
}

function byChapter(results: readonly ReviewResult[]): [string, ReviewResult[]][] {
  const chapters = new Map<string, ReviewResult[]>();
  for (const result of results) {
    chapters.set(result.chapter, [...(chapters.get(result.chapter) ?? []), result]);
  }
  return [...chapters.entries()];
}

/**
 * The biologist's review of one order: each result with its flag, delta and last five previous
 * results, the critical-value calls; validate a selection (partial report) or everything, send a
 * result back to the bench with a reason, or correct a validated one (new version, reason).
 */
export function ValidationReviewPage({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const commentCodes = useCommentCodes();
  const review = useQuery({
    queryKey: validationKeys.review(orderId),
    queryFn: ({ signal }) => fetchReview(orderId, signal),
  });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [action, setAction] = useState<ResultAction | null>(null);
  const [showNotReady, setShowNotReady] = useState(false);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: validationKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['orders'] });
  };

  const validate = useMutation({
    mutationFn: (resultIds: string[]) => validateBiologically(orderId, resultIds),
    onSuccess: (answer) => {
      setSelected(new Set());
      notifySuccess(
        t(answer.reportKind === 'complete' ? 'biology.review.validatedComplete' : 'biology.review.validatedPartial', {
          count: answer.validated.length,
          remaining: answer.remaining,
        })
      );
      refresh();
    },
    onError: (error) => notifyError(error, t('common.unknownError')),
  });

  if (review.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (review.isError) {
    return (
      <ApiErrorAlert error={review.error}>
        <RouterLink href={paths.homeValidation}>{t('biology.review.backToQueue')}</RouterLink>
      </ApiErrorAlert>
    );
  }

  const data = review.data;
  const selectable = data.results.filter(isSelectable);
  const toCall = data.results.filter(awaitsCall);
  const notReady = data.results.filter(isNotReady).length;
  const shown = data.results.filter((result) => showNotReady || !isNotReady(result));
  const toggle = (resultId: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) {
      next.add(resultId);
    } else {
      next.delete(resultId);
    }
    setSelected(next);
  };

  return (
    <Stack gap="md" data-testid="validation-review">
      <Group justify="space-between" align="flex-start">
        <Group gap="xs">
          <Title order={1} size="h3">
            {t('biology.review.title', { number: data.orderNumber })}
          </Title>
          <UrgencyBadge urgency={data.urgency} hideRoutine />
        </Group>
        <Group gap="xs">
          <RouterLink href={paths.order(data.orderId)} size="sm">
            {t('biology.review.openOrder')}
          </RouterLink>
          <RouterLink href={paths.homeValidation} size="sm">
            {t('biology.review.backToQueue')}
          </RouterLink>
        </Group>
      </Group>
      <OrderPatientBanner patient={data.patient} />
      {data.clinicalInfo !== null ? (
        <Alert color="blue" icon={<IconInfoCircle size={18} />} p="xs">
          <Text size="sm">
            <Text span fw={600}>
              {t('orders.fields.clinicalInfo')} :{' '}
            </Text>
            {data.clinicalInfo}
          </Text>
        </Alert>
      ) : null}
      {toCall.map((result) => (
        <CriticalCallForm
          key={`${result.id}-${String(result.version)}`}
          resultId={result.id}
          analyteLabel={result.analyteLabel}
          value={`${result.value ?? ''} ${result.unit ?? ''}`.trim()}
          onRecorded={refresh}
        />
      ))}
      <Card withBorder padding="sm">
        <Group justify="space-between" mb="xs">
          <Checkbox
            label={t('biology.review.selectAll')}
            checked={selectable.length > 0 && selectable.every((result) => selected.has(result.id))}
            indeterminate={selected.size > 0 && selected.size < selectable.length}
            disabled={selectable.length === 0}
            onChange={(event) =>
              setSelected(event.currentTarget.checked ? new Set(selectable.map((result) => result.id)) : new Set())
            }
          />
          <Group gap="xs">
            <Button
              variant="light"
              leftSection={<IconChecks size={16} />}
              disabled={selected.size === 0}
              loading={validate.isPending}
              onClick={() => validate.mutate([...selected])}
            >
              {t('biology.review.validateSelection')}
            </Button>
            <Button
              leftSection={<IconChecks size={16} />}
              disabled={selectable.length === 0}
              loading={validate.isPending}
              onClick={() => validate.mutate(selectable.map((result) => result.id))}
            >
              {t('biology.review.validateAll')}
            </Button>
          </Group>
        </Group>
        <Table.ScrollContainer minWidth={1100}>
          <Table withTableBorder verticalSpacing={4} data-testid="validation-review-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36} aria-label={t('biology.review.select')} />
                <Table.Th>{t('results.entry.analyte')}</Table.Th>
                <Table.Th>{t('results.entry.value')}</Table.Th>
                <Table.Th>{t('results.entry.flag')}</Table.Th>
                <Table.Th>{t('results.entry.interval')}</Table.Th>
                <Table.Th>{t('results.entry.delta')}</Table.Th>
                <Table.Th>{t('biology.review.previous')}</Table.Th>
                <Table.Th>{t('results.entry.status')}</Table.Th>
                <Table.Th aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            {byChapter(shown).map(([chapter, results]) => (
              <Table.Tbody key={chapter}>
                <Table.Tr>
                  <Table.Th colSpan={9} bg="gray.1">
                    {chapter}
                  </Table.Th>
                </Table.Tr>
                {results.map((result) => (
                  <ValidationReviewRow
                    key={result.id}
                    result={result}
                    commentCodes={commentCodes}
                    selectable={isSelectable(result)}
                    selected={selected.has(result.id)}
                    onSelect={(checked) => toggle(result.id, checked)}
                    onAction={(kind) => setAction({ kind, result })}
                  />
                ))}
              </Table.Tbody>
            ))}
          </Table>
        </Table.ScrollContainer>
        {notReady > 0 ? (
          <Switch
            mt="xs"
            size="xs"
            label={t('biology.review.showNotReady', { count: notReady })}
            checked={showNotReady}
            onChange={(event) => setShowNotReady(event.currentTarget.checked)}
          />
        ) : null}
      </Card>
      <ResultActionModal action={action} onClose={() => setAction(null)} onDone={refresh} />
    </Stack>
  );
}
