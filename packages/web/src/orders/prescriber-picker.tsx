import { Button, Card, Group, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prescriber } from '../api/workflow-types.js';
import { TypeaheadInput } from '../lib/typeahead-input.js';
import { orderKeys, searchPrescribers } from './orders-api.js';
import { formatPrescriberName } from './prescriber-display.js';

/** The prescriber, found by name (accents ignored) or RPPS number; optional (walk-in patients). */
export function PrescriberPicker({
  value,
  onChange,
}: {
  value: Prescriber | null;
  onChange: (prescriber: Prescriber | null) => void;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);

  if (value !== null) {
    return (
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('orders.fields.prescriber')}
        </Text>
        <Card withBorder padding="xs" data-testid="order-prescriber">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text size="sm" fw={600}>
                {t('orders.create.doctor', { name: formatPrescriberName(value) })}
              </Text>
              <Text size="xs" c="dimmed">
                {[value.specialty, value.rpps === null ? null : `RPPS ${value.rpps}`].filter(Boolean).join(' · ')}
              </Text>
            </div>
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              leftSection={<IconX size={14} />}
              onClick={() => onChange(null)}
            >
              {t('orders.create.changePrescriber')}
            </Button>
          </Group>
        </Card>
      </div>
    );
  }

  return (
    <TypeaheadInput<Prescriber>
      inputId="order-prescriber-input"
      label={t('orders.fields.prescriber')}
      description={t('orders.create.prescriberHint')}
      queryKey={orderKeys.prescriberSearch}
      search={searchPrescribers}
      minLength={2}
      itemKey={(prescriber) => prescriber.id}
      exactMatch={(prescriber, term) => prescriber.rpps !== null && prescriber.rpps === term.replace(/\s/g, '')}
      renderItem={(prescriber) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            {formatPrescriberName(prescriber)}
          </Text>
          <Text size="xs" c="dimmed">
            {[prescriber.specialty, prescriber.rpps === null ? null : `RPPS ${prescriber.rpps}`]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Group>
      )}
      onPick={(prescriber) => {
        setProblem(null);
        onChange(prescriber);
      }}
      onMiss={(term) => setProblem(t('orders.create.prescriberUnknown', { term }))}
      onTextChange={() => setProblem(null)}
      error={problem ?? undefined}
      testId="order-prescriber-input"
    />
  );
}
