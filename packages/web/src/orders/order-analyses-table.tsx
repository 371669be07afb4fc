import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderAnalysis } from '../api/workflow-types.js';
import { sectionLabel } from '../results/section-label.js';

/** Requested analyses and where their results stand. */
export function OrderAnalysesTable({ analyses }: { analyses: readonly OrderAnalysis[] }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder striped data-testid="order-analyses">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('orders.fields.code')}</Table.Th>
          <Table.Th>{t('orders.fields.analysis')}</Table.Th>
          <Table.Th>{t('orders.fields.section')}</Table.Th>
          <Table.Th>{t('specimens.fields.barcode')}</Table.Th>
          <Table.Th>{t('orders.fields.resultsProgress')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {analyses.map((analysis) => {
          const counts = analysis.results;
          const live = counts.total - counts.cancelled;
          const validated = counts.biologicallyValidated + counts.released;
          return (
            <Table.Tr key={analysis.orderAnalysisId} data-testid="order-analysis-row" data-code={analysis.code}>
              <Table.Td ff="monospace" fw={600}>
                {analysis.mnemonic}
              </Table.Td>
              <Table.Td>
                <Text size="sm" td={analysis.cancelled ? 'line-through' : undefined}>
                  {analysis.label}
                </Text>
                {analysis.cancelled ? (
                  <Badge size="xs" color="dark" variant="light">
                    {t('orders.status.cancelled')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{sectionLabel(t, analysis.section)}</Table.Td>
              <Table.Td ff="monospace" fz="xs">
                {analysis.barcodes.join(', ')}
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {t('orders.view.progress', {
                    validated,
                    technical: counts.technicallyValidated,
                    entered: counts.entered,
                    total: live,
                  })}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
