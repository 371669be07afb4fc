import { Group, Modal, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { documentedShortcuts } from './shortcut-definitions.js';
import { ShortcutKeys } from './shortcut-keys.js';

export function ShortcutsHelpModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="md">
      <Table verticalSpacing={6} fz="sm" data-testid="shortcuts-help">
        <Table.Tbody>
          {documentedShortcuts.map((shortcut) => (
            <Table.Tr key={shortcut.descriptionKey}>
              <Table.Td w="40%">
                <Group gap={6} wrap="nowrap">
                  {shortcut.keys.map((spec, index) => (
                    <Fragment key={spec}>
                      {index > 0 ? (
                        <Text span size="xs" c="dimmed">
                          {t('shortcuts.or')}
                        </Text>
                      ) : null}
                      <ShortcutKeys spec={spec} />
                    </Fragment>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{t(shortcut.descriptionKey)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        {t('shortcuts.typingNote')}
      </Text>
    </Modal>
  );
}
