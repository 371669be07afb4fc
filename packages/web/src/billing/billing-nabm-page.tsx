import { Alert, Button, Card, Group, Input, Progress, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseImport, IconEye } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { notifySuccess } from '../api/notify.js';
import { importNabmRelease, type NabmImportSummary } from './billing-nabm-api.js';
import { decodeNabmFile, looksLikeNabmFile, nabmImportBody } from './billing-nabm-files.js';
import { BillingLineErrorsAlert } from './billing-line-errors-alert.js';
import { BillingNabmSummary } from './billing-nabm-summary.js';

type Phase = 'idle' | 'reading' | 'sending' | 'processing';

interface NabmLineError {
  line: number;
  code: string;
  detail: string;
}

function nabmLineErrorsOf(error: unknown): NabmLineError[] {
  if (!isApiError(error) || !Array.isArray(error.extensions['lineErrors'])) {
    return [];
  }
  return (error.extensions['lineErrors'] as NabmLineError[]).filter(
    (issue) => typeof issue.line === 'number' && typeof issue.detail === 'string'
  );
}

function FileField({
  label,
  description,
  testId,
  onChange,
}: {
  label: string;
  description: string;
  testId: string;
  onChange: (file: File | null) => void;
}) {
  const id = useId();
  return (
    <Input.Wrapper label={label} description={description} id={id}>
      <input
        id={id}
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        data-testid={testId}
        onChange={(event) => onChange(event.currentTarget.files?.[0] ?? null)}
        style={{ display: 'block', marginTop: 4 }}
      />
    </Input.Wrapper>
  );
}

/**
 * `/admin/nabm` (issue 5 item 1): an admin loads a new CNAM release of the NABM. A dry run shows
 * the differences with the release in force (new acts, removed acts, changed coefficients); the
 * import itself is offered only after the dry run of those very files, and is all or nothing.
 */
export function BillingNabmPage() {
  const { t } = useTranslation();
  const [acts, setActs] = useState<File | null>(null);
  const [history, setHistory] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [upload, setUpload] = useState(0);
  const [preview, setPreview] = useState<NabmImportSummary | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ dryRun }: { dryRun: boolean }) => {
      if (acts === null || history === null) {
        throw new Error('files expected');
      }
      setPhase('reading');
      setUpload(0);
      const [actsText, historyText] = await Promise.all(
        [acts, history].map(async (file) => decodeNabmFile(new Uint8Array(await file.arrayBuffer())))
      );
      setPhase('sending');
      const body = nabmImportBody(
        { name: acts.name, text: actsText ?? '' },
        { name: history.name, text: historyText ?? '' },
        dryRun
      );
      return importNabmRelease(body, (fraction) => {
        setUpload(fraction);
        if (fraction >= 1) {
          setPhase('processing');
        }
      });
    },
    onSuccess: (summary) => {
      if (summary.applied) {
        notifySuccess(t('nabm.summary.applied'));
        setPreview(null);
      } else {
        setPreview(summary);
      }
    },
    onSettled: () => setPhase('idle'),
  });
  const chooseActs = (file: File | null) => {
    setActs(file);
    setPreview(null);
    mutation.reset();
  };
  const chooseHistory = (file: File | null) => {
    setHistory(file);
    setPreview(null);
    mutation.reset();
  };
  const lineErrors = nabmLineErrorsOf(mutation.error);
  const busy = mutation.isPending;
  const applied = mutation.data?.applied === true ? mutation.data : null;
  const swapped =
    (acts !== null && looksLikeNabmFile(acts.name, 'IR_BTF_R')) ||
    (history !== null && looksLikeNabmFile(history.name, 'IR_BIO_R'));

  return (
    <Stack gap="md" maw={1000} data-testid="nabm-page">
      <div>
        <Title order={1} size="h3">
          {t('nabm.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('nabm.intro')}
        </Text>
      </div>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Group grow align="flex-start">
            <FileField
              label={t('nabm.actsFile')}
              description={t('nabm.actsFileHint')}
              testId="nabm-acts-file"
              onChange={chooseActs}
            />
            <FileField
              label={t('nabm.historyFile')}
              description={t('nabm.historyFileHint')}
              testId="nabm-history-file"
              onChange={chooseHistory}
            />
          </Group>
          {swapped ? (
            <Alert color="orange" data-testid="nabm-swapped">
              {t('nabm.swapped')}
            </Alert>
          ) : null}
          <Group>
            <Button
              leftSection={<IconEye size={16} />}
              disabled={acts === null || history === null || busy}
              loading={busy && mutation.variables?.dryRun === true}
              onClick={() => mutation.mutate({ dryRun: true })}
              data-testid="nabm-dry-run"
            >
              {t('nabm.dryRun')}
            </Button>
            <Button
              color="orange"
              leftSection={<IconDatabaseImport size={16} />}
              disabled={preview === null || busy}
              loading={busy && mutation.variables?.dryRun === false}
              onClick={() => mutation.mutate({ dryRun: false })}
              data-testid="nabm-import"
            >
              {t('nabm.import')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('nabm.importHint')}
          </Text>
          {busy ? (
            <Stack gap={4} data-testid="nabm-progress">
              <Text size="sm">{t(`nabm.phases.${phase === 'idle' ? 'reading' : phase}`)}</Text>
              <Progress
                value={phase === 'sending' ? Math.round(upload * 100) : phase === 'reading' ? 5 : 100}
                animated={phase !== 'sending'}
                striped={phase !== 'sending'}
                aria-label={t('nabm.progress')}
              />
            </Stack>
          ) : null}
        </Stack>
      </Card>
      {mutation.isError && lineErrors.length > 0 ? (
        <BillingLineErrorsAlert
          error={mutation.error}
          rows={lineErrors}
          label={t('nabm.lineErrors')}
          testId="nabm-line-errors"
          rowTestId="nabm-line-error"
          columns={[
            { header: t('nabm.line'), cell: (row) => row.line },
            { header: t('nabm.code'), cell: (row) => row.code, monospace: true },
            { header: t('nabm.detail'), cell: (row) => row.detail },
          ]}
        />
      ) : mutation.isError ? (
        <ApiErrorAlert error={mutation.error} />
      ) : null}
      {applied !== null ? (
        <BillingNabmSummary summary={applied} />
      ) : preview !== null ? (
        <BillingNabmSummary summary={preview} footer={<Text size="sm">{t('nabm.confirmHint')}</Text>} />
      ) : null}
    </Stack>
  );
}
