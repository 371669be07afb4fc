import { Alert, Button, Card, Center, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFileText, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatIsoDate, localIsoDate } from '../lib/typed-date.js';
import { billingKeys, closingPdfUrl, fetchClosings, fetchDeskDay } from './billing-api.js';
import { CashClosingsTable } from './billing-cash-closings-table.js';
import { CashCountForm } from './billing-cash-count-form.js';
import { normaliseDeskCode, useDeskCode } from './billing-cash-desk.js';
import { CashFiguresTable } from './billing-cash-figures-table.js';
import { CashMovementsTable } from './billing-cash-movements-table.js';
import type { ClosingView, DeskDay } from './billing-types.js';

/**
 * The cash desk (issue 5 item 6): the day's payments at this desk, the count against what is
 * expected per method, the final closing with its Z report, and the past closings.
 */
export function BillingCashPage() {
  const { t } = useTranslation();
  const [deskCode, setDeskCode] = useDeskCode();
  const [deskText, setDeskText] = useState(deskCode);
  const [deskError, setDeskError] = useState<string | null>(null);
  const [date, setDate] = useState(localIsoDate);
  const day = useQuery({
    queryKey: billingKeys.deskDay(deskCode, date),
    queryFn: ({ signal }) => fetchDeskDay(deskCode, date, signal),
  });
  const closings = useQuery({
    queryKey: billingKeys.closings(),
    queryFn: ({ signal }) => fetchClosings(undefined, signal),
  });

  const applyDesk = () => {
    const code = normaliseDeskCode(deskText);
    if (code === null) {
      setDeskError(t('cashDesk.deskInvalid'));
      return;
    }
    setDeskError(null);
    setDeskText(code);
    setDeskCode(code);
  };

  return (
    <Stack gap="md" maw={1200}>
      <Title order={1} size="h3">
        {t('cashDesk.title')}
      </Title>
      <Card withBorder padding="sm">
        <Group align="flex-start">
          <TextInput
            label={t('cashDesk.desk')}
            description={t('cashDesk.deskHint')}
            value={deskText}
            onChange={(event) => setDeskText(event.currentTarget.value)}
            onBlur={applyDesk}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                applyDesk();
              }
            }}
            error={deskError}
            maxLength={16}
            w={220}
          />
          <TextInput
            type="date"
            label={t('cashDesk.date')}
            description={t('cashDesk.dateHint')}
            value={date}
            max={localIsoDate()}
            onChange={(event) => {
              if (event.currentTarget.value !== '') {
                setDate(event.currentTarget.value);
              }
            }}
          />
        </Group>
      </Card>
      {day.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : day.isError ? (
        <ApiErrorAlert error={day.error} />
      ) : (
        <CashDayCard day={day.data} closing={closings.data?.items.find((item) => item.id === day.data.closingId)} />
      )}
      <Card withBorder padding="md">
        <Title order={2} size="h5" mb="sm">
          {t('cashDesk.closings')}
        </Title>
        {closings.isError ? (
          <ApiErrorAlert error={closings.error} />
        ) : closings.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : (
          <CashClosingsTable closings={closings.data.items} />
        )}
      </Card>
    </Stack>
  );
}

function CashDayCard({ day, closing }: { day: DeskDay; closing: ClosingView | undefined }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card
      withBorder
      padding="md"
      data-testid="cash-day"
      data-desk={day.deskCode}
      data-date={day.date}
      data-closed={day.closed}
    >
      <Title order={2} size="h5" mb="sm">
        {t('cashDesk.dayTitle', { desk: day.deskCode, date: formatIsoDate(day.date) })}
      </Title>
      <Stack gap="md">
        <CashMovementsTable movements={day.movements} />
        {day.closed ? (
          <Stack gap="sm">
            <Alert color="gray" icon={<IconLock size={18} />} data-testid="cash-day-closed">
              <Text size="sm" fw={600}>
                {t('cashDesk.closed')}
              </Text>
              {closing !== undefined ? (
                <Text size="sm">
                  {t('cashDesk.closedAt', {
                    date: formatDateTime(closing.closedAt, locale),
                    by: closing.closedBy ?? '—',
                  })}
                </Text>
              ) : null}
            </Alert>
            {closing !== undefined ? <CashFiguresTable figures={closing.figures} /> : null}
            {closing !== undefined && closing.comment !== null ? <Text size="sm">{closing.comment}</Text> : null}
            {day.closingId !== null ? (
              <Group>
                <Button
                  component="a"
                  href={closingPdfUrl(day.closingId)}
                  target="_blank"
                  rel="noopener"
                  variant="light"
                  leftSection={<IconFileText size={16} />}
                  data-testid="cash-z-report"
                >
                  {t('cashDesk.zReport')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        ) : (
          <CashCountForm key={`${day.deskCode}-${day.date}`} day={day} />
        )}
      </Stack>
    </Card>
  );
}
