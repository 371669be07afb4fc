import { ActionIcon, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Groups the base32 secret by 4 so it can be typed into an authenticator app. */
export function groupSecret(secret: string): string {
  return secret
    .replace(/\s+/g, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();
}

function CopyValueButton({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
          <ActionIcon variant="subtle" onClick={copy} aria-label={t('common.copy')}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** The TOTP secret and otpauth:// URL to enter into an authenticator app (RFC 6238, Key URI format). */
export function TotpSecretDisplay({ secret, otpauthUrl }: { secret: string; otpauthUrl: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm">{t('auth.totp.enrolIntro')}</Text>
      <div>
        <Text size="xs" c="dimmed">
          {t('auth.totp.secret')}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Code fz="md" data-testid="totp-secret">
            {groupSecret(secret)}
          </Code>
          <CopyValueButton value={secret} />
        </Group>
      </div>
      <div>
        <Text size="xs" c="dimmed">
          {t('auth.totp.otpauthUrl')}
        </Text>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="totp-otpauth-url">
            {otpauthUrl}
          </Code>
          <CopyValueButton value={otpauthUrl} />
        </Group>
      </div>
    </Stack>
  );
}
