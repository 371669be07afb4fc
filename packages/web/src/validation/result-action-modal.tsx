import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../api/notify.js';
import type { ReviewResult } from '../api/workflow-types.js';
import { requiredField } from '../lib/required-field.js';
import { ResultCommentCodesPicker } from '../results/result-comment-codes-picker.js';
import { useCommentCodes } from '../results/use-comment-codes.js';
import { amendResult, requestRerun } from './validation-api.js';

export interface ResultAction {
  kind: 'rerun' | 'amend';
  result: ReviewResult;
}

/** Send a result back to the bench, or correct a validated one: both need a reason (logged). */
export function ResultActionModal({
  action,
  onClose,
  onDone,
}: {
  action: ResultAction | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={action !== null}
      onClose={onClose}
      title={
        action === null
          ? ''
          : t(action.kind === 'rerun' ? 'biology.rerun.title' : 'biology.amend.title', {
              analyte: action.result.analyteLabel,
            })
      }
    >
      {action === null ? null : (
        <ResultActionForm
          key={`${action.kind}-${action.result.id}`}
          action={action}
          onClose={onClose}
          onDone={onDone}
        />
      )}
    </Modal>
  );
}

function ResultActionForm({
  action,
  onClose,
  onDone,
}: {
  action: ResultAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { kind, result } = action;
  const [value, setValue] = useState(kind === 'amend' ? (result.value ?? '') : '');
  // An amendment is a whole new version: the comments are carried over (editable), not dropped.
  const [comment, setComment] = useState(result.comment ?? '');
  const [commentCodes, setCommentCodes] = useState<string[]>(result.commentCodes);
  const commentCodeList = useCommentCodes();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ value?: string; reason?: string }>({});
  const mutation = useMutation({
    mutationFn: async () => {
      if (kind === 'rerun') {
        await requestRerun(result.id, reason.trim());
      } else {
        await amendResult(result.id, {
          value: value.trim(),
          reason: reason.trim(),
          comment: comment.trim() === '' ? null : comment.trim(),
          commentCodes,
          expectedVersion: result.version,
        });
      }
    },
    onSuccess: () => {
      notifySuccess(
        t(kind === 'rerun' ? 'biology.rerun.done' : 'biology.amend.done', { analyte: result.analyteLabel })
      );
      onDone();
      onClose();
    },
    onError: (error) => notifyError(error, t('common.unknownError')),
  });

  const submit = () => {
    const next: typeof errors = {};
    if (reason.trim() === '') {
      next.reason = t('biology.reasonRequired');
    }
    if (kind === 'amend' && value.trim() === '') {
      next.value = t('validation.required');
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
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('biology.amend.current', { value: `${result.value ?? '—'} ${result.unit ?? ''}`.trim() })}
        </Text>
        {kind === 'amend' ? (
          <TextInput
            label={t('biology.amend.newValue')}
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            error={errors.value}
            autoComplete="off"
            data-autofocus
            {...requiredField}
          />
        ) : null}
        {kind === 'amend' ? (
          <>
            <ResultCommentCodesPicker
              analyteCode={result.analyteCode}
              list={commentCodeList}
              value={commentCodes}
              onChange={setCommentCodes}
            />
            <TextInput
              label={t('biology.amend.comment')}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              maxLength={2000}
              autoComplete="off"
            />
          </>
        ) : null}
        <Textarea
          label={t(kind === 'rerun' ? 'biology.rerun.reason' : 'biology.amend.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={2}
          maxLength={1000}
          data-autofocus={kind === 'rerun' ? true : undefined}
          {...requiredField}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={kind === 'rerun' ? 'orange' : 'indigo'} loading={mutation.isPending}>
            {t(kind === 'rerun' ? 'biology.rerun.submit' : 'biology.amend.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
