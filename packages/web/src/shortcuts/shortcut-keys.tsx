import { Group, Kbd, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Renders `Alt+N` as <Kbd>Alt</Kbd> + <Kbd>N</Kbd> and `g h` as <Kbd>g</Kbd> then <Kbd>h</Kbd>. */
export function ShortcutKeys({ spec }: { spec: string }) {
  const { t } = useTranslation();
  const strokes = spec.split(' ');
  return (
    <Group gap={4} wrap="nowrap">
      {strokes.map((stroke, strokeIndex) => (
        <Group gap={2} wrap="nowrap" key={`${stroke}-${String(strokeIndex)}`}>
          {strokeIndex > 0 ? (
            <Text span size="xs" c="dimmed" mx={2}>
              {t('shortcuts.then')}
            </Text>
          ) : null}
          {stroke.split('+').map((part, partIndex) => (
            <Group gap={2} wrap="nowrap" key={`${part}-${String(partIndex)}`}>
              {partIndex > 0 ? (
                <Text span size="xs" c="dimmed">
                  +
                </Text>
              ) : null}
              <Kbd size="xs">{part}</Kbd>
            </Group>
          ))}
        </Group>
      ))}
    </Group>
  );
}
