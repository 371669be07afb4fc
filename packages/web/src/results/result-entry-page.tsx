import {
  Button,
  Card,
  Center,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowBack } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import type { WorklistSpecimen } from '../api/workflow-types.js';
import { paths } from '../app/paths.js';
import { navigate } from '../app/router.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { OrderPatientBanner } from '../orders/order-patient-banner.js';
import { UrgencyBadge } from '../orders/order-badges.js';
import { formatPatientName } from '../patients/patient-display.js';
import { BarcodeScanInput } from '../specimens/barcode-scan-input.js';
import { formatAge } from './patient-age.js';
import { ResultEntryGrid } from './result-entry-grid.js';
import { fetchBenchDashboard, fetchWorklist, resultKeys } from './results-api.js';
import { knownSections, sectionLabel } from './section-label.js';
import { useCommentCodes } from './use-comment-codes.js';

/**
 * The bench: the worklist of a section (urgent first, then oldest received, as the server orders
 * it) and the result grid of the chosen tube, found by scanning it or from the list.
 */
export function ResultEntryPage({ section }: { section: string | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const worklist = useQuery({
    queryKey: resultKeys.worklist(section),
    queryFn: ({ signal }) => fetchWorklist(section, signal),
    refetchInterval: 60_000,
  });
  const dashboard = useQuery({
    queryKey: resultKeys.benchDashboard,
    queryFn: ({ signal }) => fetchBenchDashboard(signal),
  });
  const commentCodes = useCommentCodes();
  const [selected, setSelected] = useState<WorklistSpecimen | null>(null);
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  const specimens = worklist.data?.specimens ?? [];
  const sections = [...new Set([...knownSections, ...(dashboard.data?.sections.map((entry) => entry.section) ?? [])])];

  const select = (specimen: WorklistSpecimen) => {
    setScanProblem(null);
    setSelected(specimen);
  };

  const onScan = (barcode: string) => {
    const found = specimens.find((specimen) => specimen.barcode === barcode);
    if (found === undefined) {
      setScanProblem(t('results.worklist.notInList', { barcode }));
    } else {
      select(found);
    }
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('results.entry.title')}
      </Title>
      <Card withBorder padding="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            label={t('results.worklist.section')}
            value={section ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setSelected(null);
              navigate(value === '' ? paths.resultEntry : paths.resultEntryFor(value), { replace: true });
            }}
            data={[
              { value: '', label: t('results.worklist.allSections') },
              ...sections.map((value) => ({ value, label: sectionLabel(t, value) })),
            ]}
          />
          <BarcodeScanInput onScan={onScan} error={scanProblem} autoFocus={selected === null} />
        </SimpleGrid>
      </Card>
      {selected !== null ? (
        <Card withBorder padding="md" data-testid="result-entry-specimen">
          <Stack gap="sm">
            <Group justify="space-between">
              <Group gap="xs">
                <Title order={2} size="h4" ff="monospace">
                  {selected.barcode}
                </Title>
                <UrgencyBadge urgency={selected.urgency} hideRoutine />
                <Text size="sm" c="dimmed">
                  {t('results.worklist.orderAndContainer', {
                    order: selected.orderNumber,
                    container: selected.containerCode,
                  })}
                </Text>
              </Group>
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconArrowBack size={14} />}
                onClick={() => setSelected(null)}
              >
                {t('results.worklist.backToList')}
              </Button>
            </Group>
            <OrderPatientBanner patient={selected.patient} />
            <ResultEntryGrid
              key={selected.specimenId}
              specimen={selected}
              commentCodes={commentCodes}
              onValidated={() => void worklist.refetch()}
            />
          </Stack>
        </Card>
      ) : null}
      <Card withBorder padding="md">
        <Title order={2} size="h5" mb="sm">
          {section === null
            ? t('results.worklist.titleAll')
            : t('results.worklist.title', { section: sectionLabel(t, section) })}
        </Title>
        {worklist.isPending ? (
          <Center py="lg">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : worklist.isError ? (
          <ApiErrorAlert error={worklist.error} />
        ) : specimens.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="worklist-empty">
            {t('results.worklist.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table striped highlightOnHover data-testid="worklist">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('specimens.fields.barcode')}</Table.Th>
                  <Table.Th>{t('orders.fields.urgency')}</Table.Th>
                  <Table.Th>{t('orders.nonConformity.patient')}</Table.Th>
                  <Table.Th>{t('orders.fields.orderNumber')}</Table.Th>
                  <Table.Th>{t('specimens.fields.receivedAt')}</Table.Th>
                  <Table.Th>{t('results.worklist.toEnter')}</Table.Th>
                  <Table.Th aria-label={t('common.actions')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {specimens.map((specimen) => (
                  <Table.Tr
                    key={specimen.specimenId}
                    className={selected?.specimenId === specimen.specimenId ? 'sil-row-active' : undefined}
                    data-testid="worklist-row"
                    data-barcode={specimen.barcode}
                  >
                    <Table.Td ff="monospace" fw={600}>
                      {specimen.barcode}
                    </Table.Td>
                    <Table.Td>
                      <UrgencyBadge urgency={specimen.urgency} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {formatPatientName(specimen.patient)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`patients.sex.${specimen.patient.sex}`)} ·{' '}
                        {formatAge(t, specimen.patient.ageDaysAtCollection)}
                      </Text>
                    </Table.Td>
                    <Table.Td ff="monospace">{specimen.orderNumber}</Table.Td>
                    <Table.Td>{formatDateTime(specimen.receivedAt, locale)}</Table.Td>
                    <Table.Td>
                      {t('results.worklist.openResults', {
                        count: specimen.results.filter((item) => !item.calculated && item.status !== 'entered').length,
                        entered: specimen.results.filter((item) => item.status === 'entered').length,
                      })}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => select(specimen)}
                        aria-label={t('results.worklist.enterFor', { barcode: specimen.barcode })}
                      >
                        {t('results.worklist.enter')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
