import { Button, Group, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { followLink } from '../app/router.js';

interface HeaderLink {
  href: string;
  label: string;
}

/** Title of a catalogue list, a link to the other list, and « create » for those who may edit. */
export function CatalogueListHeader({
  title,
  other,
  create,
}: {
  title: string;
  other: HeaderLink;
  create: HeaderLink | null;
}) {
  return (
    <Group justify="space-between">
      <Title order={1} size="h3">
        {title}
      </Title>
      <Group gap="xs">
        <Button variant="default" component="a" href={other.href} onClick={followLink(other.href)}>
          {other.label}
        </Button>
        {create === null ? null : (
          <Button
            leftSection={<IconPlus size={16} />}
            component="a"
            href={create.href}
            onClick={followLink(create.href)}
          >
            {create.label}
          </Button>
        )}
      </Group>
    </Group>
  );
}
