import { Alert, Button, Card, Group, Input, Stack, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { disputeKeys } from './billing-dispute-api.js';
import { BillingLineErrorsAlert } from './billing-line-errors-alert.js';
import { importReturnsFile } from './billing-returns-api.js';
import { returnsFormatOf, returnsLineErrorsOf } from './billing-returns-file.js';

/**
 * Import of a reimbursement returns file (RETURNS-FORMAT.md): all or nothing. A refused file shows
 * the server's problem for each line; an accepted one says how many payments and rejections it
 * held, the rejections becoming the disputes listed below.
 */
export function BillingReturnsImportCard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the native file input after an import.
  const [inputKey, setInputKey] = useState(0);
  const mutation = useMutation({
    mutationFn: async (chosen: File) => {
      const text = await chosen.text();
      return importReturnsFile({ name: chosen.name, text, format: returnsFormatOf(chosen.name, text) });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: disputeKeys.all });
      setFile(null);
      setInputKey((key) => key + 1);
    },
  });
  const lineErrors = returnsLineErrorsOf(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file !== null) {
      mutation.mutate(file);
    }
  };

  return (
    <Card withBorder padding="md" data-testid="returns-import">
      <Title order={2} size="h5" mb="xs">
        {t('disputes.returns.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('disputes.returns.intro')}
      </Text>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <Input.Wrapper label={t('disputes.returns.file')} id={inputId}>
              <input
                key={inputKey}
                id={inputId}
                type="file"
                accept=".csv,.json,.txt,text/csv,application/json"
                data-testid="returns-file"
                onChange={(event) => {
                  setFile(event.currentTarget.files?.[0] ?? null);
                  mutation.reset();
                }}
                style={{ display: 'block', marginTop: 4 }}
              />
            </Input.Wrapper>
            <Button
              type="submit"
              disabled={file === null}
              loading={mutation.isPending}
              leftSection={<IconFileImport size={16} />}
              data-testid="returns-import-submit"
            >
              {t('disputes.returns.import')}
            </Button>
          </Group>
          {mutation.isSuccess ? (
            <Alert color="teal" data-testid="returns-import-result">
              <Text size="sm" fw={600}>
                {t('disputes.returns.imported', { filename: mutation.data.filename })}
              </Text>
              <Text size="sm">
                {t('disputes.returns.summary', {
                  lines: mutation.data.lineCount,
                  payments: mutation.data.paymentCount,
                  paid: formatEuros(mutation.data.paidTotalCents, locale),
                  rejections: mutation.data.rejectionCount,
                  disputes: mutation.data.disputeIds.length,
                })}
              </Text>
            </Alert>
          ) : null}
          {mutation.isError && lineErrors.length > 0 ? (
            <BillingLineErrorsAlert
              error={mutation.error}
              rows={lineErrors}
              label={t('disputes.returns.lineErrors')}
              testId="returns-line-errors"
              rowTestId="returns-line-error"
              columns={[
                { header: t('disputes.returns.line'), cell: (row) => row.line },
                { header: t('disputes.returns.field'), cell: (row) => row.field ?? '—', monospace: true },
                { header: t('disputes.returns.problem'), cell: (row) => row.message },
              ]}
              footer={
                <Text size="sm" mt="xs">
                  {t('disputes.returns.nothingImported')}
                </Text>
              }
            />
          ) : mutation.isError ? (
            <ApiErrorAlert error={mutation.error} />
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
