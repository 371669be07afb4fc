import { Button, Card, Group, Pill, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDroplet } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../api/notify.js';
import type { CollectedTube } from '../api/workflow-types.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { dateTimeLocalToIso, toDateTimeLocalValue } from '../lib/local-date-time.js';
import { BarcodeScanInput } from './barcode-scan-input.js';
import { collectSpecimens } from './specimens-api.js';

/**
 * Sampling: the sampler scans each tube drawn (the scanner types the code and Enter), checks the
 * collection time (now by default) and records them together; time and collector are traced tube
 * by tube.
 */
export function SamplingPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const scanRef = useRef<HTMLInputElement>(null);
  const [barcodes, setBarcodes] = useState<string[]>([]);
  const [collectedAt, setCollectedAt] = useState(() => toDateTimeLocalValue(new Date()));
  const [problem, setProblem] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<CollectedTube[]>([]);

  const mutation = useMutation({
    mutationFn: () => collectSpecimens(barcodes, dateTimeLocalToIso(collectedAt) ?? undefined),
    onSuccess: (answer) => {
      notifySuccess(t('specimens.sampling.recorded', { count: answer.items.length }));
      setRecorded((previous) => [...answer.items, ...previous]);
      setBarcodes([]);
      setCollectedAt(toDateTimeLocalValue(new Date()));
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      scanRef.current?.focus();
    },
    onError: (error) => notifyError(error, t('common.unknownError')),
  });

  const add = (barcode: string) => {
    if (barcodes.includes(barcode)) {
      setProblem(t('specimens.sampling.alreadyScanned', { barcode }));
      return;
    }
    setProblem(null);
    setBarcodes((previous) => [...previous, barcode]);
  };

  const submit = () => {
    if (barcodes.length === 0) {
      setProblem(t('specimens.sampling.nothingScanned'));
      return;
    }
    if (dateTimeLocalToIso(collectedAt) === null) {
      setProblem(t('specimens.sampling.timeInvalid'));
      return;
    }
    mutation.mutate();
  };

  return (
    <Stack gap="md" maw={1000}>
      <Title order={1} size="h3">
        {t('specimens.sampling.title')}
      </Title>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <BarcodeScanInput onScan={add} inputRef={scanRef} error={problem} />
            <TextInput
              type="datetime-local"
              label={t('specimens.fields.collectedAt')}
              value={collectedAt}
              onChange={(event) => setCollectedAt(event.currentTarget.value)}
            />
          </SimpleGrid>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('specimens.sampling.scanned', { count: barcodes.length })}
            </Text>
            <Group gap={6} role="list" data-testid="sampling-scanned">
              {barcodes.map((barcode) => (
                <Pill
                  key={barcode}
                  role="listitem"
                  size="md"
                  withRemoveButton
                  onRemove={() => setBarcodes((previous) => previous.filter((code) => code !== barcode))}
                  removeButtonProps={{ 'aria-label': t('specimens.sampling.remove', { barcode }) }}
                  ff="monospace"
                  data-testid="sampling-scanned-barcode"
                >
                  {barcode}
                </Pill>
              ))}
            </Group>
          </div>
          <Group justify="flex-end">
            <Button leftSection={<IconDroplet size={16} />} onClick={submit} loading={mutation.isPending}>
              {t('specimens.sampling.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {recorded.length > 0 ? (
        <Card withBorder padding="md">
          <Title order={2} size="h5" mb="sm">
            {t('specimens.sampling.done')}
          </Title>
          <Table striped data-testid="sampling-recorded">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('specimens.fields.barcode')}</Table.Th>
                <Table.Th>{t('orders.fields.orderNumber')}</Table.Th>
                <Table.Th>{t('specimens.fields.collectedAt')}</Table.Th>
                <Table.Th>{t('specimens.fields.collectedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recorded.map((tube) => (
                <Table.Tr key={`${tube.barcode}-${tube.collectedAt}`}>
                  <Table.Td ff="monospace">{tube.barcode}</Table.Td>
                  <Table.Td ff="monospace">{tube.orderNumber}</Table.Td>
                  <Table.Td>{formatDateTime(tube.collectedAt, locale)}</Table.Td>
                  <Table.Td>{tube.collectedBy ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ) : null}
    </Stack>
  );
}
