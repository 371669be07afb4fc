import { NativeSelect, Select, SimpleGrid, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { calculatedFormulaIds, calculatedFormulas, type CalculatedFormulaId } from '@sillage/core';
import { useTranslation } from 'react-i18next';
import { formulaAnalyteInputs, type AnalyteFormValues } from './analyte-form-values.js';
import type { Analyte } from './catalogue-types.js';

/** The server binds analyte inputs only (a formula with lot parameters, as INR's ISI, is refused). */
function bindableInCatalogue(id: CalculatedFormulaId): boolean {
  return calculatedFormulas[id].inputs.every((input) => input.kind === 'analyte');
}

/**
 * A calculated analyte: one of the formulas implemented in @sillage/core (CKD-EPI, calcium
 * corrigé…), each of its inputs bound to an analyte of the catalogue. Age and sex come from the
 * patient, so they are not bound here.
 */
export function CatalogueFormulaFields({
  form,
  analytes,
}: {
  form: UseFormReturnType<AnalyteFormValues>;
  analytes: readonly Analyte[];
}) {
  const { t } = useTranslation();
  const formulaId = form.values.formulaId;
  const options = analytes
    .filter((analyte) => analyte.code !== form.values.code && analyte.resultType === 'numeric')
    .map((analyte) => ({ value: analyte.code, label: `${analyte.code} — ${analyte.label}` }));

  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('catalogue.formula.id')}
        data={[
          { value: '', label: t('catalogue.formula.none') },
          ...calculatedFormulaIds
            .filter((id) => id === formulaId || bindableInCatalogue(id))
            .map((id) => ({ value: id, label: calculatedFormulas[id].labelFr })),
        ]}
        {...form.getInputProps('formulaId')}
        onChange={(event) => {
          form.setFieldValue('formulaId', event.currentTarget.value);
          form.setFieldValue('formulaInputs', {});
        }}
      />
      {formulaId === '' ? null : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {formulaAnalyteInputs(formulaId).map((input) => (
            <Select
              key={input.name}
              label={`${input.labelFr} (${input.unit})`}
              searchable
              selectFirstOptionOnChange
              data={options}
              {...form.getInputProps(`formulaInputs.${input.name}`)}
              value={form.values.formulaInputs[input.name] ?? null}
              onChange={(value) => form.setFieldValue(`formulaInputs.${input.name}`, value ?? '')}
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
