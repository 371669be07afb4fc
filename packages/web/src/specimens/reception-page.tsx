import { Alert, Badge, Card, Center, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { notifySuccess } from '../api/notify.js';
import type { ReceptionResult, SpecimenContext } from '../api/workflow-types.js';
import { paths } from '../app/paths.js';
import { RouterLink } from '../app/router-link.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { BarcodeScanInput } from './barcode-scan-input.js';
import { LateRejectionForm } from './late-rejection-form.js';
import { ReceptionChecklist } from './reception-checklist.js';
import { fetchSpecimenContext, specimenKeys } from './specimens-api.js';

/**
 * Reception of the tubes at the lab (bench or desk for external samples): scan, check, decide.
 * Each tube is decided alone: refusing one does not hold the others of the order.
 */
export function ReceptionPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const scanRef = useRef<HTMLInputElement>(null);
  const [barcode, setBarcode] = useState<string | null>(null);
  const [decided, setDecided] = useState<ReceptionResult[]>([]);
  const context = useQuery({
    queryKey: specimenKeys.context(barcode ?? ''),
    queryFn: ({ signal }) => fetchSpecimenContext(barcode ?? '', signal),
    enabled: barcode !== null,
    staleTime: 0,
    gcTime: 0,
  });

  const done = (result: ReceptionResult) => {
    notifySuccess(
      result.status === 'rejected'
        ? t('specimens.reception.rejected', { barcode: result.barcode })
        : t('specimens.reception.accepted', { barcode: result.barcode })
    );
    setDecided((previous) => [result, ...previous]);
    setBarcode(null);
    void queryClient.invalidateQueries({ queryKey: ['orders'] });
    scanRef.current?.focus();
  };

  return (
    <Stack gap="md" maw={1200}>
      <Title order={1} size="h3">
        {t('specimens.reception.title')}
      </Title>
      <Card withBorder padding="md" maw={520}>
        <BarcodeScanInput
          onScan={(scanned) => {
            setBarcode(scanned);
            void queryClient.invalidateQueries({ queryKey: specimenKeys.context(scanned) });
          }}
          inputRef={scanRef}
        />
      </Card>
      {barcode === null ? null : context.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : context.isError ? (
        <ApiErrorAlert error={context.error} />
      ) : context.data.canReceive ? (
        <ReceptionChecklist key={context.data.specimen.barcode} context={context.data} onDone={done} />
      ) : (
        <>
          <AlreadyDecided context={context.data} />
          <LateRejectionForm key={context.data.specimen.barcode} context={context.data} onDone={done} />
        </>
      )}
      {decided.length > 0 ? <DecidedTubes results={decided} /> : null}
    </Stack>
  );
}

function AlreadyDecided({ context }: { context: SpecimenContext }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { specimen } = context;
  return (
    <Alert color="orange" icon={<IconInfoCircle size={18} />} data-testid="reception-already-decided">
      <Text size="sm" fw={600}>
        {t('specimens.reception.alreadyDecided', {
          barcode: specimen.barcode,
          status: t(`specimens.status.${specimen.status}`),
        })}
      </Text>
      <Text size="sm">
        {t('specimens.reception.decidedBy', {
          date: formatDateTime(specimen.receivedAt, locale),
          by: specimen.receivedBy ?? '—',
        })}
      </Text>
      {specimen.rejectionReason !== null ? <Text size="sm">{specimen.rejectionReason}</Text> : null}
      <RouterLink href={paths.order(context.order.id)} size="sm">
        {t('orders.view.title', { number: context.order.orderNumber })}
      </RouterLink>
    </Alert>
  );
}

function DecidedTubes({ results }: { results: readonly ReceptionResult[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb="sm">
        {t('specimens.reception.decidedTitle')}
      </Title>
      <Table striped data-testid="reception-decided">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('specimens.fields.barcode')}</Table.Th>
            <Table.Th>{t('orders.fields.orderNumber')}</Table.Th>
            <Table.Th>{t('specimens.fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.map((result) => (
            <Table.Tr key={result.barcode} data-testid="reception-decided-row" data-status={result.status}>
              <Table.Td ff="monospace">{result.barcode}</Table.Td>
              <Table.Td>
                <RouterLink href={paths.order(result.orderId)} ff="monospace">
                  {result.orderNumber}
                </RouterLink>
              </Table.Td>
              <Table.Td>
                <Badge color={result.status === 'rejected' ? 'red' : 'teal'} variant="light">
                  {t(`specimens.status.${result.status}`)}
                </Badge>
                {result.nonConformityId !== null ? (
                  <Text size="xs" c="red">
                    {t('specimens.reception.recallOpened')}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
