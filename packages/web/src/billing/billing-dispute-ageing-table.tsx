import { Group, Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type { AgeingBucket } from '@sillage/core';
import { useTranslation } from 'react-i18next';
import { formatEuros } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { ageingBucketColors, ageingBucketKeys, type AgeingLine } from './billing-dispute-filters.js';

/**
 * Balance âgée of the open disputes: one tile per bucket (count and amount); a tile is a toggle
 * button that narrows the list to its bucket (keyboard: Tab, then Space or Enter).
 */
export function BillingDisputeAgeingTable({
  lines,
  selected,
  onSelect,
}: {
  lines: readonly AgeingLine[];
  selected: AgeingBucket | 'all';
  onSelect: (bucket: AgeingBucket | 'all') => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const total = lines.reduce((sum, line) => sum + line.amountCents, 0);
  return (
    <Paper withBorder p="sm" data-testid="disputes-ageing">
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          {t('disputes.ageing.title')}
        </Text>
        <Text size="sm" data-testid="disputes-ageing-total">
          {t('disputes.ageing.total', { amount: formatEuros(total, locale) })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {lines.map((line) => {
          const active = selected === line.bucket;
          const color = `var(--mantine-color-${ageingBucketColors[line.bucket]}-6)`;
          return (
            <UnstyledButton
              key={line.bucket}
              aria-pressed={active}
              onClick={() => onSelect(active ? 'all' : line.bucket)}
              data-testid={`disputes-ageing-${ageingBucketKeys[line.bucket]}`}
              p="xs"
              style={{
                border: `1px solid ${active ? color : 'var(--mantine-color-default-border)'}`,
                borderLeft: `4px solid ${color}`,
                borderRadius: 'var(--mantine-radius-sm)',
                background: active ? `var(--mantine-color-${ageingBucketColors[line.bucket]}-light)` : undefined,
              }}
            >
              <Text size="xs" c="dimmed">
                {t(`disputes.ageing.buckets.${ageingBucketKeys[line.bucket]}`)}
              </Text>
              <Group gap="xs" justify="space-between">
                <Text size="sm" fw={600}>
                  {t('disputes.ageing.count', { count: line.count })}
                </Text>
                <Text size="sm">{formatEuros(line.amountCents, locale)}</Text>
              </Group>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}
