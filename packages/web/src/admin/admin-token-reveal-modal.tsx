import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The new token, shown once: the server keeps only its hash. */
export function AdminTokenRevealModal({
  token,
  name,
  onClose,
}: {
  token: string | null;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title={t('admin.tokens.revealTitle', { name })}
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack gap="sm">
        <Alert color="orange" icon={<IconAlertTriangle size={16} />}>
          {t('admin.tokens.revealWarning')}
        </Alert>
        <Code block fz="sm" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="admin-token-value">
          {token ?? ''}
        </Code>
        <Text size="xs" c="dimmed">
          {t('admin.tokens.usage')}
        </Text>
        <Group justify="flex-end">
          <CopyButton value={token ?? ''}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? 'teal' : 'indigo'} onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('admin.tokens.revealDone')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
