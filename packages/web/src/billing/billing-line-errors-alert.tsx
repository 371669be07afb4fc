import { Alert, Table, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { isApiError } from '../api/api-error.js';

export interface LineErrorColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  monospace?: boolean;
}

/**
 * A file refused whole, with one row per faulty line (returns and NABM imports, all or nothing).
 * The table replaces the problem's `detail`, which is the same list flattened into a sentence.
 */
export function BillingLineErrorsAlert<T>({
  error,
  rows,
  columns,
  label,
  testId,
  rowTestId,
  footer,
}: {
  error: unknown;
  rows: readonly T[];
  columns: readonly LineErrorColumn<T>[];
  label: string;
  testId: string;
  rowTestId: string;
  footer?: ReactNode;
}) {
  return (
    <Alert
      color="red"
      icon={<IconAlertCircle size={18} />}
      data-testid="api-error"
      data-code={isApiError(error) ? error.code : undefined}
    >
      <Text size="sm" fw={600}>
        {isApiError(error) ? error.title : ''}
      </Text>
      <Table mt="xs" withTableBorder data-testid={testId} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header}>{column.header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={index} data-testid={rowTestId}>
              {columns.map((column) => (
                <Table.Td key={column.header} ff={column.monospace === true ? 'monospace' : undefined}>
                  {column.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {footer}
    </Alert>
  );
}
