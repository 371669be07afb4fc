import { Group, MultiSelect, Text, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentCode } from '../api/workflow-types.js';

/** Lower case without accents: `hemolyse` finds « Échantillon hémolysé ». */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The coded comments of one result (issue 3 item 6), keyboard-usable: Tab from the value, type a
 * code or words of the label, ↓/Enter to pick, Backspace to remove. The pills show the labels;
 * a code no longer in the lab's list (deactivated since) stays, shown as itself.
 */
export function ResultCommentCodesPicker({
  analyteCode,
  list,
  value,
  onChange,
  disabled,
}: {
  analyteCode: string;
  list: readonly CommentCode[];
  value: readonly string[];
  onChange: (codes: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const data = useMemo(() => {
    const options = list.map((entry) => ({ value: entry.code, label: entry.label }));
    const missing = value.filter((code) => !list.some((entry) => entry.code === code));
    return [...options, ...missing.map((code) => ({ value: code, label: code }))];
  }, [list, value]);
  const searchable = useMemo(
    () => new Map(data.map((item) => [item.value, folded(`${item.value} ${item.label}`)])),
    [data]
  );
  const filter: OptionsFilter = ({ options, search, limit }) => {
    const words = folded(search).split(/\s+/).filter(Boolean);
    return options
      .filter((item: ComboboxParsedItem) => {
        const text = 'value' in item ? searchable.get(item.value) : undefined;
        return text !== undefined && words.every((word) => text.includes(word));
      })
      .slice(0, limit);
  };
  return (
    <MultiSelect
      size="xs"
      // The analyte's code, not its label: the value input alone answers to the label (e2e, getByLabel).
      aria-label={t('results.entry.commentCodesFor', { analyte: analyteCode })}
      placeholder={value.length === 0 ? t('results.entry.commentCodesPlaceholder') : undefined}
      nothingFoundMessage={t('results.entry.commentCodesNone')}
      data={data}
      value={[...value]}
      onChange={onChange}
      filter={filter}
      renderOption={({ option }) => (
        <Group gap={6} wrap="nowrap">
          <Text size="xs" ff="monospace" c="dimmed">
            {option.value}
          </Text>
          <Text size="xs">{option.label}</Text>
        </Group>
      )}
      searchable
      clearable
      hidePickedOptions
      disabled={disabled}
      comboboxProps={{ withinPortal: true }}
      data-testid="result-comment-codes"
    />
  );
}
