import { Alert, Badge, Group, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/i18n.js';
import type { NabmImportSummary } from './billing-nabm-api.js';
import { formatCoefficient } from './billing-nabm-files.js';

function CodeList({ title, codes, testId }: { title: string; codes: readonly string[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={600}>
        {title} ({codes.length})
      </Text>
      {codes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('nabm.summary.noneOfThem')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={160}>
          <Group gap={4}>
            {codes.map((code) => (
              <Badge key={code} variant="outline" color="gray" ff="monospace" size="sm">
                {code}
              </Badge>
            ))}
          </Group>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

/** The differences between the release in force and the files: new, removed, changed coefficients. */
export function BillingNabmSummary({ summary, footer }: { summary: NabmImportSummary; footer?: ReactNode }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const unchanged =
    summary.added.length === 0 && summary.removed.length === 0 && summary.changedCoefficients.length === 0;
  return (
    <Alert
      color={summary.applied ? 'teal' : 'blue'}
      data-testid="nabm-summary"
      data-applied={summary.applied ? 'true' : 'false'}
    >
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {summary.applied ? t('nabm.summary.applied') : t('nabm.summary.dryRun')}
        </Text>
        <Text size="sm">{t('nabm.summary.counts', { acts: summary.actCount, periods: summary.periodCount })}</Text>
        {unchanged ? (
          <Text size="sm">{t('nabm.summary.unchanged')}</Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <CodeList title={t('nabm.summary.added')} codes={summary.added} testId="nabm-added" />
              <CodeList title={t('nabm.summary.removed')} codes={summary.removed} testId="nabm-removed" />
            </SimpleGrid>
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('nabm.summary.changed')} ({summary.changedCoefficients.length})
              </Text>
              {summary.changedCoefficients.length > 0 ? (
                <ScrollArea.Autosize mah={240}>
                  <Table withTableBorder data-testid="nabm-changed" aria-label={t('nabm.summary.changed')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('nabm.summary.code')}</Table.Th>
                        <Table.Th>{t('nabm.summary.before')}</Table.Th>
                        <Table.Th>{t('nabm.summary.after')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {summary.changedCoefficients.map((change) => (
                        <Table.Tr key={change.code}>
                          <Table.Td ff="monospace">{change.code}</Table.Td>
                          <Table.Td>{formatCoefficient(change.from, locale)}</Table.Td>
                          <Table.Td>{formatCoefficient(change.to, locale)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('nabm.summary.noneOfThem')}
                </Text>
              )}
            </Stack>
          </>
        )}
        {footer}
      </Stack>
    </Alert>
  );
}
