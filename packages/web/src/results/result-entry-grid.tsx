import { Badge, Button, Group, Loader, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';
import { notifyError, notifySuccess, notifyWarning } from '../api/notify.js';
import type { CommentCode, CriticalNotification, WorklistSpecimen } from '../api/workflow-types.js';
import { CriticalCallForm, CriticalCallRecord } from './critical-call-form.js';
import { ResultCommentCodesPicker } from './result-comment-codes-picker.js';
import { ResultDeltaText } from './result-delta-text.js';
import { ResultFlagBadge } from './result-flag-badge.js';
import {
  gridReducer,
  isWritable,
  needsSave,
  nextWritableIndex,
  rowsFromSpecimen,
  submissionKey,
  type GridRow,
} from './result-grid-state.js';
import { enterResult, validateSpecimenTechnically } from './results-api.js';

type ValueInput = HTMLInputElement | HTMLSelectElement;

function errorMessage(error: unknown, fallback: string): string {
  if (isApiError(error)) {
    return error.detail === undefined ? error.title : `${error.title} (${error.detail})`;
  }
  return fallback;
}

/**
 * The result grid of one tube, keyboard first: one row per analyte, Enter saves the value and goes
 * down (↑/↓ move without leaving the column), decimal comma or point; Tab reaches the row's coded
 * comments (`commentCodes`: the lab's list), saved with the value. Each saved value comes back
 * with its flag (L/H/LL/HH, critical), the delta against the previous result and the calculated
 * analytes (DFG, corrected calcium…) recomputed by the server.
 */
export function ResultEntryGrid({
  specimen,
  commentCodes = [],
  onValidated,
}: {
  specimen: WorklistSpecimen;
  /** The lab's active coded comments (`GET /api/results/comment-codes`). */
  commentCodes?: readonly CommentCode[];
  onValidated?: () => void;
}) {
  const { t } = useTranslation();
  const [rows, dispatch] = useReducer(gridReducer, specimen, rowsFromSpecimen);
  const inputs = useRef(new Map<string, ValueInput>());
  /** Latest version known per result: the next save's optimistic lock, updated before any render. */
  const versions = useRef(new Map(specimen.results.map((item) => [item.resultId, item.version])));
  /** Saves of one result run one after the other (each needs the version the previous one made). */
  const chains = useRef(new Map<string, Promise<boolean>>());
  const lastSubmitted = useRef(new Map<string, string>());
  const validateButton = useRef<HTMLButtonElement>(null);
  const [validating, setValidating] = useState(false);
  const [calls, setCalls] = useState<Record<string, CriticalNotification>>({});

  const save = (row: GridRow): Promise<boolean> => {
    const previous = chains.current.get(row.resultId) ?? Promise.resolve(true);
    if (!needsSave(row) || lastSubmitted.current.get(row.resultId) === submissionKey(row)) {
      return previous;
    }
    const submitted = row.draft;
    const codes = row.commentCodes;
    lastSubmitted.current.set(row.resultId, submissionKey(row));
    dispatch({ type: 'saving', resultId: row.resultId });
    const next = previous.then(async () => {
      try {
        const answer = await enterResult(row.resultId, {
          value: submitted,
          commentCodes: codes,
          expectedVersion: versions.current.get(row.resultId) ?? row.version,
        });
        versions.current.set(answer.result.id, answer.result.version);
        for (const calculated of answer.recalculated) {
          versions.current.set(calculated.id, calculated.version);
        }
        dispatch({ type: 'saved', answer, submitted });
        return true;
      } catch (error) {
        lastSubmitted.current.delete(row.resultId);
        dispatch({ type: 'failed', resultId: row.resultId, message: errorMessage(error, t('common.unknownError')) });
        return false;
      }
    });
    chains.current.set(row.resultId, next);
    return next;
  };

  const focusRow = (index: number) => {
    const target = rows[index];
    const element = target === undefined ? undefined : inputs.current.get(target.resultId);
    if (element !== undefined) {
      element.focus();
      if (element instanceof HTMLInputElement) {
        element.select();
      }
    } else {
      validateButton.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<ValueInput>, index: number, row: GridRow) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void save(row);
      focusRow(nextWritableIndex(rows, index, 1));
    } else if (event.key === 'ArrowDown' && !(event.currentTarget instanceof HTMLSelectElement)) {
      event.preventDefault();
      const next = nextWritableIndex(rows, index, 1);
      if (next !== -1) {
        focusRow(next);
      }
    } else if (event.key === 'ArrowUp' && !(event.currentTarget instanceof HTMLSelectElement)) {
      event.preventDefault();
      const next = nextWritableIndex(rows, index, -1);
      if (next !== -1) {
        focusRow(next);
      }
    }
  };

  const validate = async () => {
    setValidating(true);
    try {
      const saved = await Promise.all(rows.map((row) => save(row)));
      if (saved.some((ok) => !ok)) {
        notifyWarning(t('results.entry.fixErrors'));
        return;
      }
      const answer = await validateSpecimenTechnically(specimen.barcode);
      dispatch({ type: 'validated', resultIds: answer.validated.map((item) => item.resultId) });
      notifySuccess(t('results.entry.validated', { count: answer.validated.length, barcode: specimen.barcode }));
      onValidated?.();
    } catch (error) {
      notifyError(error, t('common.unknownError'));
    } finally {
      setValidating(false);
    }
  };

  const saving = rows.some((row) => row.saving);
  const criticalRows = rows.filter((row) => row.critical && row.saved !== null);
  const allValidated = rows.every((row) => !isWritable(row) || row.status === 'technically_validated');

  return (
    <Stack gap="sm" data-testid="result-grid" data-barcode={specimen.barcode}>
      <Table.ScrollContainer minWidth={860}>
        <Table withTableBorder verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('results.entry.analyte')}</Table.Th>
              <Table.Th w={170}>{t('results.entry.value')}</Table.Th>
              <Table.Th>{t('results.entry.unit')}</Table.Th>
              <Table.Th>{t('results.entry.interval')}</Table.Th>
              <Table.Th>{t('results.entry.flag')}</Table.Th>
              <Table.Th>{t('results.entry.delta')}</Table.Th>
              <Table.Th miw={240}>{t('results.entry.commentCodes')}</Table.Th>
              <Table.Th>{t('results.entry.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr
                key={row.resultId}
                data-testid="result-row"
                data-analyte={row.analyteCode}
                bg={row.critical ? 'red.0' : undefined}
              >
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {row.analyteLabel}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {row.analyteCode}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ValueCell
                    row={row}
                    register={(element) => {
                      if (element === null) {
                        inputs.current.delete(row.resultId);
                      } else {
                        inputs.current.set(row.resultId, element);
                      }
                    }}
                    onChange={(draft) => dispatch({ type: 'edit', resultId: row.resultId, draft })}
                    onKeyDown={(event) => onKeyDown(event, index, row)}
                    onBlur={() => void save(row)}
                    autoFocus={index === nextWritableIndex(rows, -1, 1)}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.unit ?? ''}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" data-testid="result-interval">
                    {row.interval?.display ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ResultFlagBadge flag={row.flag} critical={row.critical} />
                </Table.Td>
                <Table.Td>
                  <ResultDeltaText delta={row.delta} previous={row.previous} decimals={row.decimals} />
                </Table.Td>
                <Table.Td>
                  {row.calculated ? null : (
                    <ResultCommentCodesPicker
                      analyteCode={row.analyteCode}
                      list={commentCodes}
                      value={row.commentCodes}
                      disabled={!isWritable(row)}
                      onChange={(codes) => {
                        dispatch({ type: 'codes', resultId: row.resultId, codes });
                        // Saved at once with the value already there (nothing is sent without a value).
                        void save({ ...row, commentCodes: codes });
                      }}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {row.saving ? <Loader size={12} aria-label={t('results.entry.saving')} /> : null}
                    <Badge size="xs" variant="light" color={row.status === 'technically_validated' ? 'teal' : 'gray'}>
                      {t(`results.status.${row.status}`)}
                    </Badge>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end">
        <Button
          ref={validateButton}
          leftSection={<IconChecks size={16} />}
          onClick={() => void validate()}
          loading={validating}
          disabled={saving || allValidated}
          data-testid="result-validate-technical"
        >
          {t('results.entry.validateTechnical')}
        </Button>
      </Group>
      {criticalRows.map((row) => {
        const recorded = calls[row.resultId];
        return recorded === undefined ? (
          <CriticalCallForm
            key={row.resultId}
            resultId={row.resultId}
            analyteLabel={row.analyteLabel}
            value={`${row.saved ?? ''} ${row.unit ?? ''}`.trim()}
            onRecorded={(notification) => setCalls((previous) => ({ ...previous, [row.resultId]: notification }))}
          />
        ) : (
          <CriticalCallRecord key={row.resultId} notification={recorded} />
        );
      })}
    </Stack>
  );
}

function ValueCell({
  row,
  register,
  onChange,
  onKeyDown,
  onBlur,
  autoFocus,
}: {
  row: GridRow;
  register: (element: ValueInput | null) => void;
  onChange: (draft: string) => void;
  onKeyDown: (event: KeyboardEvent<ValueInput>) => void;
  onBlur: () => void;
  autoFocus: boolean;
}) {
  const { t } = useTranslation();
  if (!isWritable(row)) {
    return (
      <Group gap={4} wrap="nowrap">
        <Text size="sm" fw={600} data-testid="result-value">
          {row.saved ?? '—'}
        </Text>
        {row.calculated ? (
          <Badge size="xs" variant="outline" color="gray">
            {t('results.entry.calculated')}
          </Badge>
        ) : null}
      </Group>
    );
  }
  if (row.resultType === 'coded') {
    return (
      <NativeSelect
        ref={register}
        size="xs"
        aria-label={row.analyteLabel}
        value={row.draft}
        onChange={(event) => onChange(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        error={row.error}
        autoFocus={autoFocus}
        data={[
          { value: '', label: t('patients.form.choose') },
          ...(row.codedValues ?? []).map((option) => ({ value: option.code, label: option.label })),
        ]}
      />
    );
  }
  return (
    <TextInput
      ref={register}
      size="xs"
      aria-label={row.analyteLabel}
      value={row.draft}
      onChange={(event) => onChange(event.currentTarget.value)}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      error={row.error}
      autoFocus={autoFocus}
      autoComplete="off"
      spellCheck={false}
      inputMode={row.resultType === 'numeric' ? 'decimal' : 'text'}
      maxLength={row.resultType === 'text' ? 2000 : 40}
      data-testid="result-input"
    />
  );
}
