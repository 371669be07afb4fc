import { Button, Group, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { notifySuccess } from '../api/notify.js';
import { AppConfirmDialog } from '../app/app-confirm-dialog.js';
import { formatEuros } from '../i18n/format.js';
import { formatIsoDate } from '../lib/typed-date.js';
import { currentLocale } from '../i18n/i18n.js';
import { billingKeys, closeDeskDay } from './billing-api.js';
import { countedCents, emptyCountedTexts, previewCount, type CountedTexts } from './billing-cash-count.js';
import type { DeskDay } from './billing-types.js';

/**
 * The daily closing (issue 5 item 6): the amounts counted per method are typed, the difference
 * with what the movements say is shown live, and the closing — final, one per desk and day — is
 * archived by the server with its Z report.
 */
export function CashCountForm({ day }: { day: DeskDay }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [counted, setCounted] = useState<CountedTexts>(emptyCountedTexts);
  const [cashFloat, setCashFloat] = useState('');
  const [comment, setComment] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [incomplete, setIncomplete] = useState(false);
  const preview = previewCount(day.expected, counted, cashFloat);
  const euros = (cents: number | null) => (cents === null ? '—' : formatEuros(cents, locale));

  const close = useMutation({
    mutationFn: () =>
      closeDeskDay({
        deskCode: day.deskCode,
        date: day.date,
        counted: countedCents(preview) ?? emptyAmounts,
        cashFloatCents: preview.cashFloatCents ?? 0,
        comment: comment.trim() === '' ? null : comment.trim(),
      }),
    onSuccess: (closing) => {
      setConfirming(false);
      notifySuccess(t('cashDesk.closedDone', { desk: closing.deskCode, date: formatIsoDate(closing.date) }));
      void queryClient.invalidateQueries({ queryKey: billingKeys.cash });
    },
    onError: () => setConfirming(false),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIncomplete(!preview.complete);
    if (preview.complete) {
      setConfirming(true);
    }
  };

  return (
    <form onSubmit={submit} data-testid="cash-count-form" noValidate>
      <Stack gap="sm">
        <Table withTableBorder data-testid="cash-count">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cashDesk.method')}</Table.Th>
              <Table.Th ta="right">{t('cashDesk.movementCount')}</Table.Th>
              <Table.Th ta="right">{t('cashDesk.expected')}</Table.Th>
              <Table.Th>{t('cashDesk.counted')}</Table.Th>
              <Table.Th ta="right">{t('cashDesk.difference')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.lines.map((line) => (
              <Table.Tr key={line.method} data-testid="cash-count-row" data-method={line.method}>
                <Table.Td>{t(`invoices.methods.${line.method}`)}</Table.Td>
                <Table.Td ta="right">
                  {day.expected.lines.find((candidate) => candidate.method === line.method)?.movementCount ?? 0}
                </Table.Td>
                <Table.Td ta="right" data-testid="cash-expected">
                  {euros(line.expectedCents)}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('cashDesk.countedFor', { method: t(`invoices.methods.${line.method}`) })}
                    value={counted[line.method]}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setCounted((previous) => ({ ...previous, [line.method]: value }));
                    }}
                    error={line.error === null ? undefined : t(`invoices.amountErrors.${line.error}`)}
                    inputMode="decimal"
                    autoComplete="off"
                    size="xs"
                    w={140}
                  />
                </Table.Td>
                <Table.Td
                  ta="right"
                  c={line.differenceCents === null || line.differenceCents === 0 ? undefined : 'red'}
                  data-testid="cash-difference"
                >
                  {euros(line.differenceCents)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('cashDesk.total')}</Table.Th>
              <Table.Th ta="right">{day.expected.movementCount}</Table.Th>
              <Table.Th ta="right">{euros(preview.expectedTotalCents)}</Table.Th>
              <Table.Th>{euros(preview.countedTotalCents)}</Table.Th>
              <Table.Th ta="right" data-testid="cash-difference-total">
                {euros(preview.differenceTotalCents)}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
        <Group align="flex-start" grow>
          <TextInput
            label={t('cashDesk.cashFloat')}
            description={t('cashDesk.cashFloatHint')}
            value={cashFloat}
            onChange={(event) => setCashFloat(event.currentTarget.value)}
            error={preview.cashFloatError === null ? undefined : t(`invoices.amountErrors.${preview.cashFloatError}`)}
            inputMode="decimal"
            autoComplete="off"
          />
          <Textarea
            label={t('cashDesk.comment')}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={1}
          />
        </Group>
        {incomplete && !preview.complete ? (
          <Text size="sm" c="red">
            {t('cashDesk.countIncomplete')}
          </Text>
        ) : null}
        {close.isError ? <ApiErrorAlert error={close.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" color="red" leftSection={<IconLock size={16} />}>
            {t('cashDesk.close')}
          </Button>
        </Group>
      </Stack>
      <AppConfirmDialog
        opened={confirming}
        title={t('cashDesk.closeConfirmTitle', { desk: day.deskCode })}
        message={t('cashDesk.closeConfirm', {
          date: formatIsoDate(day.date),
          difference: euros(preview.differenceTotalCents),
        })}
        confirmLabel={t('cashDesk.closeConfirmAction')}
        loading={close.isPending}
        onConfirm={() => close.mutate()}
        onCancel={() => setConfirming(false)}
      />
    </form>
  );
}

const emptyAmounts = { cash: 0, card: 0, cheque: 0, transfer: 0 };
