import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function HomeLayout({
  title,
  intro,
  top,
  children,
}: {
  title: string;
  intro: string;
  top?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h3">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      </div>
      {top}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {children}
      </SimpleGrid>
    </Stack>
  );
}
