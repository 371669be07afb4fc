import { formatDecimalFr } from '@sillage/core';
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeltaView, PreviousResult } from '../api/workflow-types.js';
import { formatDate } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';

function signed(text: string): string {
  return text.startsWith('-') ? `−${text.slice(1)}` : `+${text}`;
}

/**
 * The delta check against the patient's previous result (delta-check.ts): the change, the previous
 * value and its date, and a red "delta" badge when the rule's threshold is exceeded.
 */
export function ResultDeltaText({
  delta,
  previous,
  decimals,
}: {
  delta: DeltaView | null;
  previous: PreviousResult | null;
  decimals: number;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (delta === null && previous === null) {
    return null;
  }
  if (delta === null) {
    return (
      <Text size="xs" c="dimmed" data-testid="result-previous">
        {t('results.previousShort', {
          value: previous?.value ?? '',
          date: formatDate(previous?.collectedAt, locale),
        })}
      </Text>
    );
  }
  const change =
    delta.rule.kind === 'percent' && delta.deltaPercent !== null
      ? `${signed(formatDecimalFr(delta.deltaPercent, 1))} %`
      : signed(formatDecimalFr(delta.delta, decimals));
  return (
    <Group gap={4} wrap="nowrap" data-testid="result-delta" data-exceeded={delta.exceeded}>
      {delta.exceeded ? (
        <Badge color="grape" variant="filled" size="sm">
          {t('results.deltaExceeded')}
        </Badge>
      ) : null}
      <Text size="xs" c={delta.exceeded ? 'grape.8' : 'dimmed'}>
        {t('results.delta', {
          change,
          value: formatDecimalFr(delta.previousValue, decimals),
          date: formatDate(delta.previousAt, locale),
        })}
      </Text>
    </Group>
  );
}
