import { Badge, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { followLink } from '../app/router.js';

/** A card of a role's home. Without `href` it is an "à venir" placeholder of a later feature. */
export function HomeEntryCard({
  icon: CardIcon,
  title,
  text,
  href,
  shortcut,
}: {
  icon: Icon;
  title: string;
  text: string;
  href?: string;
  shortcut?: string;
}) {
  const { t } = useTranslation();
  const available = href !== undefined;
  const linkProps = available ? { component: 'a' as const, href, onClick: followLink(href) } : {};
  return (
    <Card
      withBorder
      padding="sm"
      {...linkProps}
      style={available ? undefined : { opacity: 0.7 }}
      data-testid={available ? 'home-entry' : 'home-coming-soon'}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon variant="light" color={available ? 'indigo' : 'gray'} size="md">
              <CardIcon size={16} />
            </ThemeIcon>
            <Text fw={600} size="sm">
              {title}
            </Text>
          </Group>
          {available ? (
            shortcut !== undefined ? (
              <Badge variant="outline" color="gray" size="xs">
                {shortcut}
              </Badge>
            ) : null
          ) : (
            <Badge variant="light" color="gray" size="xs">
              {t('common.comingSoon')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {text}
        </Text>
      </Stack>
    </Card>
  );
}
