import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One label/value pair of the identity panel, as a description list entry. */
export function PatientTrait({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}
