import { Center, Loader, Modal, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { InstrumentRawText } from './instrument-raw-text.js';
import { decodedTextLines } from './instrument-raw-view.js';
import { fetchMessage, instrumentKeys } from './instruments-api.js';

function InstrumentMessageBody({ messageId }: { messageId: number }) {
  const { t } = useTranslation();
  // Reading a message is traced by the server (the bytes may carry patient data).
  const message = useQuery({ queryKey: instrumentKeys.message(messageId), queryFn: () => fetchMessage(messageId) });
  if (message.isPending) {
    return (
      <Center py="lg">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (message.isError) {
    return <ApiErrorAlert error={message.error} />;
  }
  return (
    <Stack gap="sm">
      {message.data.errorCode !== null ? (
        <Text size="sm" c="red">
          {message.data.errorCode} — {message.data.errorDetail}
        </Text>
      ) : null}
      <Tabs defaultValue="raw">
        <Tabs.List>
          <Tabs.Tab value="raw">{t('instruments.messages.raw')}</Tabs.Tab>
          <Tabs.Tab value="text">{t('instruments.messages.text')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="raw" pt="sm">
          <InstrumentRawText rawView={message.data.rawView} label={t('instruments.messages.raw')} />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="sm">
          <InstrumentRawText rawView={decodedTextLines(message.data.text)} label={t('instruments.messages.text')} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export function InstrumentMessageModal({ messageId, onClose }: { messageId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={messageId !== null}
      onClose={onClose}
      size="xl"
      title={messageId === null ? '' : t('instruments.messages.detailTitle', { id: messageId })}
    >
      {messageId !== null ? <InstrumentMessageBody messageId={messageId} /> : null}
    </Modal>
  );
}
