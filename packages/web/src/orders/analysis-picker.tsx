import { Badge, Group, Pill, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisSummary } from '../api/workflow-types.js';
import { TypeaheadInput } from '../lib/typeahead-input.js';
import { orderKeys, searchAnalyses } from './orders-api.js';

function sameCode(analysis: AnalysisSummary, term: string): boolean {
  const folded = term.trim().toUpperCase();
  return analysis.code.toUpperCase() === folded || analysis.mnemonic.toUpperCase() === folded;
}

/**
 * The requested analyses, typed by code or mnemonic as the desk knows them: `NFS` ⏎ `GLY` ⏎
 * `CREA` ⏎, each becoming a chip; a few letters of the label (`créat`) list suggestions;
 * Backspace in the empty box removes the last chip.
 */
export function AnalysisPicker({
  value,
  onChange,
  error,
  autoFocus = false,
}: {
  value: readonly AnalysisSummary[];
  onChange: (next: AnalysisSummary[]) => void;
  error?: string | null;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);

  const add = (analysis: AnalysisSummary) => {
    if (value.some((existing) => existing.code === analysis.code)) {
      setProblem(t('orders.create.analysisDuplicate', { code: analysis.mnemonic }));
      return;
    }
    setProblem(null);
    onChange([...value, analysis]);
  };

  const remove = (code: string) => onChange(value.filter((analysis) => analysis.code !== code));

  return (
    <Stack gap={6}>
      <TypeaheadInput<AnalysisSummary>
        inputId="order-analysis-input"
        label={t('orders.fields.analyses')}
        description={t('orders.create.analysesHint')}
        placeholder={t('orders.create.analysesPlaceholder')}
        queryKey={orderKeys.analysisSearch}
        search={searchAnalyses}
        itemKey={(analysis) => analysis.code}
        exactMatch={sameCode}
        renderItem={(analysis) => (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" ff="monospace" fw={600} w={70}>
              {analysis.mnemonic}
            </Text>
            <Text size="sm" style={{ flex: 1 }}>
              {analysis.label}
            </Text>
            {analysis.fastingRequired ? (
              <Badge size="xs" color="orange" variant="light">
                {t('orders.create.fastingRequired')}
              </Badge>
            ) : null}
          </Group>
        )}
        onPick={add}
        onMiss={(term) => setProblem(t('orders.create.analysisUnknown', { term }))}
        onBackspaceEmpty={() => {
          const last = value[value.length - 1];
          if (last !== undefined) {
            remove(last.code);
          }
        }}
        onTextChange={() => setProblem(null)}
        error={problem ?? error ?? undefined}
        autoFocus={autoFocus}
        required
        testId="order-analysis-input"
      />
      <Group gap={6} role="list" data-testid="order-analysis-chips">
        {value.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('orders.create.noAnalysis')}
          </Text>
        ) : (
          value.map((analysis) => (
            <Pill
              key={analysis.code}
              role="listitem"
              size="md"
              withRemoveButton
              onRemove={() => remove(analysis.code)}
              removeButtonProps={{ 'aria-label': t('orders.create.removeAnalysis', { code: analysis.mnemonic }) }}
              data-testid="order-analysis-chip"
              data-code={analysis.code}
              title={analysis.label}
            >
              {analysis.mnemonic}
              {analysis.fastingRequired ? ` · ${t('orders.create.fastingRequired')}` : ''}
            </Pill>
          ))
        )}
      </Group>
    </Stack>
  );
}
