import { ActionIcon, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AnalyteFormValues } from './analyte-form-values.js';
import { ageUnits } from './catalogue-age-band.js';
import { emptyIntervalRow, type IntervalSexChoice } from './catalogue-interval-form.js';

const sexChoices: readonly IntervalSexChoice[] = ['all', 'F', 'M'];

/**
 * Reference intervals by sex and age band, one row each. Ages are typed as a value and a unit
 * (days for neonates); the minimum is included, the maximum excluded, a blank maximum has no bound.
 */
export function CatalogueIntervalEditor({
  form,
  withLimits,
  editable,
}: {
  form: UseFormReturnType<AnalyteFormValues>;
  withLimits: boolean;
  /** False for read-only users: no add / remove buttons. */
  editable: boolean;
}) {
  const { t } = useTranslation();
  const rows = form.values.referenceIntervals;
  const unitOptions = ageUnits.map((unit) => ({ value: unit, label: t(`catalogue.ageUnits.${unit}`) }));
  const field = (index: number, name: string) => form.getInputProps(`referenceIntervals.${index}.${name}`);
  const aria = (key: 'sex' | 'ageMin' | 'ageMax' | 'ageUnit' | 'low' | 'high' | 'text' | 'source', index: number) =>
    t('catalogue.intervals.cellLabel', { field: t(`catalogue.intervals.${key}`), row: index + 1 });

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('catalogue.intervals.hint')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm">{t('catalogue.intervals.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table data-testid="catalogue-interval-table" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('catalogue.intervals.sex')}</Table.Th>
                <Table.Th>{t('catalogue.intervals.ageMin')}</Table.Th>
                <Table.Th>{t('catalogue.intervals.ageMax')}</Table.Th>
                {withLimits ? (
                  <>
                    <Table.Th>{t('catalogue.intervals.low')}</Table.Th>
                    <Table.Th>{t('catalogue.intervals.high')}</Table.Th>
                  </>
                ) : null}
                <Table.Th>{t('catalogue.intervals.text')}</Table.Th>
                <Table.Th>{t('catalogue.intervals.source')}</Table.Th>
                <Table.Th aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((_row, index) => (
                <Table.Tr key={index} data-testid="catalogue-interval-row">
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={aria('sex', index)}
                      w={150}
                      data={sexChoices.map((sex) => ({ value: sex, label: t(`catalogue.sexes.${sex}`) }))}
                      {...field(index, 'sex')}
                    />
                  </Table.Td>
                  {(['ageMin', 'ageMax'] as const).map((limit) => (
                    <Table.Td key={limit}>
                      <Group gap={4} wrap="nowrap" align="flex-start">
                        <TextInput
                          aria-label={aria(limit, index)}
                          inputMode="decimal"
                          w={70}
                          placeholder={limit === 'ageMax' ? '∞' : undefined}
                          {...field(index, limit)}
                        />
                        <NativeSelect
                          aria-label={aria('ageUnit', index)}
                          data={unitOptions}
                          w={100}
                          {...field(index, `${limit}Unit`)}
                        />
                      </Group>
                    </Table.Td>
                  ))}
                  {withLimits ? (
                    <>
                      <Table.Td>
                        <TextInput
                          aria-label={aria('low', index)}
                          inputMode="decimal"
                          w={90}
                          {...field(index, 'low')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={aria('high', index)}
                          inputMode="decimal"
                          w={90}
                          {...field(index, 'high')}
                        />
                      </Table.Td>
                    </>
                  ) : null}
                  <Table.Td>
                    <TextInput aria-label={aria('text', index)} {...field(index, 'text')} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={aria('source', index)} miw={200} {...field(index, 'source')} />
                  </Table.Td>
                  <Table.Td>
                    {editable ? (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('catalogue.intervals.remove', { row: index + 1 })}
                        onClick={() => form.removeListItem('referenceIntervals', index)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editable ? (
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('referenceIntervals', emptyIntervalRow())}
          >
            {t('catalogue.intervals.add')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
