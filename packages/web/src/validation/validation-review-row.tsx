import { Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommentCode, ReviewResult } from '../api/workflow-types.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { CriticalCallRecord } from '../results/critical-call-form.js';
import { ResultDeltaText } from '../results/result-delta-text.js';
import { ResultFlagBadge } from '../results/result-flag-badge.js';
import { commentLabelsOf } from '../results/use-comment-codes.js';

/** One result under review, with its antériorités and what was done to it. */
export function ValidationReviewRow({
  result,
  commentCodes,
  selectable,
  selected,
  onSelect,
  onAction,
}: {
  result: ReviewResult;
  /** The lab's coded comments: the review shows their labels, as the report prints them. */
  commentCodes: readonly CommentCode[];
  selectable: boolean;
  selected: boolean;
  onSelect: (checked: boolean) => void;
  onAction: (kind: 'rerun' | 'amend') => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const validated = result.status === 'biologically_validated' || result.status === 'released';
  return (
    <Table.Tr
      data-testid="validation-result-row"
      data-analyte={result.analyteCode}
      data-status={result.status}
      bg={result.critical ? 'red.0' : undefined}
    >
      <Table.Td>
        {selectable ? (
          <Checkbox
            aria-label={t('biology.review.selectResult', { analyte: result.analyteLabel })}
            checked={selected}
            onChange={(event) => onSelect(event.currentTarget.checked)}
          />
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {result.analyteLabel}
        </Text>
        <Text size="xs" c="dimmed">
          {result.analysisLabel}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={700} data-testid="validation-result-value">
          {result.value ?? '—'} {result.unit ?? ''}
        </Text>
        {result.calculated ? (
          <Badge size="xs" variant="outline" color="gray">
            {t('results.entry.calculated')}
          </Badge>
        ) : null}
        {result.amendmentReason !== null ? (
          <Text size="xs" c="orange.8">
            {t('biology.review.amended', { version: result.version, reason: result.amendmentReason })}
          </Text>
        ) : null}
        {result.comment !== null ? (
          <Text size="xs" c="dimmed">
            {result.comment}
          </Text>
        ) : null}
        {commentLabelsOf(result.commentCodes, commentCodes).map((label, index) => (
          <Text key={result.commentCodes[index]} size="xs" c="dimmed" fs="italic" data-testid="validation-comment-code">
            {label}
          </Text>
        ))}
      </Table.Td>
      <Table.Td>
        <ResultFlagBadge flag={result.flag} critical={result.critical} />
      </Table.Td>
      <Table.Td>
        <Text size="xs" data-testid="result-interval">
          {result.interval?.display ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <ResultDeltaText delta={result.delta} previous={null} decimals={result.decimals} />
      </Table.Td>
      <Table.Td>
        {result.previous.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('biology.review.noPrevious')}
          </Text>
        ) : (
          <Stack gap={0} data-testid="validation-previous">
            {result.previous.slice(0, 5).map((previous) => (
              <Group key={`${previous.resultId}-${String(previous.version)}`} gap={4} wrap="nowrap">
                <Text size="xs" fw={600} data-testid="validation-previous-value">
                  {previous.value}
                </Text>
                <ResultFlagBadge flag={previous.flag} critical={false} />
                <Text size="xs" c="dimmed">
                  {formatDate(previous.collectedAt, locale)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        <Badge size="xs" variant="light" color={validated ? 'teal' : 'gray'}>
          {t(`results.status.${result.status}`)}
        </Badge>
        {result.technicalValidation !== null ? (
          <Text size="xs" c="dimmed">
            {t('biology.review.technicalBy', {
              by: result.technicalValidation.by,
              at: formatDateTime(result.technicalValidation.at, locale),
            })}
          </Text>
        ) : null}
        {result.biologicalValidation !== null ? (
          <Text size="xs" c="dimmed">
            {t('biology.review.biologicalBy', {
              by: result.biologicalValidation.by,
              at: formatDateTime(result.biologicalValidation.at, locale),
            })}
          </Text>
        ) : null}
        {result.criticalNotifications.map((notification) => (
          <CriticalCallRecord key={notification.id} notification={notification} />
        ))}
      </Table.Td>
      <Table.Td>
        {result.status === 'technically_validated' ? (
          <Button
            size="compact-xs"
            variant="subtle"
            color="orange"
            onClick={() => onAction('rerun')}
            aria-label={t('biology.rerun.actionFor', { analyte: result.analyteLabel })}
          >
            {t('biology.rerun.action')}
          </Button>
        ) : null}
        {validated && !result.calculated ? (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => onAction('amend')}
            aria-label={t('biology.amend.actionFor', { analyte: result.analyteLabel })}
          >
            {t('biology.amend.action')}
          </Button>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
