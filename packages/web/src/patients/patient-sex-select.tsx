import { Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { sexes, type Sex } from '../api/types.js';
import { requiredField } from '../lib/required-field.js';
import type { PatientFormValues } from './patient-form-values.js';

function isSex(value: string | null): value is Sex {
  return value !== null && (sexes as readonly string[]).includes(value);
}

/**
 * Sex (INS trait). Keyboard: type the first letters ("f", "m", "i"), the first match is
 * highlighted, Enter or Tab picks it.
 */
export function PatientSexSelect({ form }: { form: UseFormReturnType<PatientFormValues> }) {
  const { t } = useTranslation();
  return (
    <Select<string>
      label={t('patients.fields.sex')}
      placeholder={t('patients.form.choose')}
      data={sexes.map((sex) => ({ value: sex, label: t(`patients.sex.${sex}`) }))}
      {...form.getInputProps('sex')}
      // The form keeps '' for "not chosen"; the Select speaks null.
      value={form.values.sex === '' ? null : form.values.sex}
      onChange={(value) => form.setFieldValue('sex', isSex(value) ? value : '')}
      searchable
      selectFirstOptionOnChange
      autoSelectOnBlur
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      {...requiredField}
    />
  );
}
