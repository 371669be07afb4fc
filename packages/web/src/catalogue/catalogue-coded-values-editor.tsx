import { ActionIcon, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AnalyteFormValues } from './analyte-form-values.js';
import { monospaceInput } from './catalogue-input-styles.js';

/** The list of a coded result (ABO group, RAI…): code, label, and whether it flags the result abnormal. */
export function CatalogueCodedValuesEditor({
  form,
  editable,
}: {
  form: UseFormReturnType<AnalyteFormValues>;
  /** False for read-only users: no add / remove buttons. */
  editable: boolean;
}) {
  const { t } = useTranslation();
  const rows = form.values.codedValues;
  const aria = (key: 'code' | 'label' | 'abnormal', index: number) =>
    t('catalogue.intervals.cellLabel', { field: t(`catalogue.codedValues.${key}`), row: index + 1 });
  const listError = form.errors['codedValues'];

  return (
    <Stack gap="xs">
      {rows.length === 0 ? <Text size="sm">{t('catalogue.codedValues.empty')}</Text> : null}
      {typeof listError === 'string' ? (
        <Text size="sm" c="red">
          {listError}
        </Text>
      ) : null}
      {rows.length === 0 ? null : (
        <Table data-testid="catalogue-coded-values" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalogue.codedValues.code')}</Table.Th>
              <Table.Th>{t('catalogue.codedValues.label')}</Table.Th>
              <Table.Th>{t('catalogue.codedValues.abnormal')}</Table.Th>
              <Table.Th aria-label={t('common.actions')} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((_value, index) => (
              <Table.Tr key={index}>
                <Table.Td>
                  <TextInput
                    aria-label={aria('code', index)}
                    styles={monospaceInput}
                    w={140}
                    {...form.getInputProps(`codedValues.${index}.code`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={aria('label', index)} {...form.getInputProps(`codedValues.${index}.label`)} />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={aria('abnormal', index)}
                    {...form.getInputProps(`codedValues.${index}.abnormal`, { type: 'checkbox' })}
                  />
                </Table.Td>
                <Table.Td>
                  {editable ? (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('catalogue.codedValues.remove', { row: index + 1 })}
                      onClick={() => form.removeListItem('codedValues', index)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable ? (
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('codedValues', { code: '', label: '', abnormal: false })}
          >
            {t('catalogue.codedValues.add')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
