import { Fieldset, Grid, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { identityStatuses } from '../api/types.js';
import { requiredField } from '../lib/required-field.js';
import { formatIsoDate, parseTypedDate } from '../lib/typed-date.js';
import { firstOfFirstNames, type PatientFormValues } from './patient-form-values.js';
import { PatientIdentityStatusHint } from './patient-identity-status-hint.js';
import { PatientSexSelect } from './patient-sex-select.js';

/**
 * The French identity traits (RNIV; INS traits: birth name, birth first names and first
 * first-name, birth date, sex, birthplace INSEE code), the INS and its status, then contacts.
 * Shared by creation and edition.
 */
export function PatientIdentityForm({ form }: { form: UseFormReturnType<PatientFormValues> }) {
  const { t } = useTranslation();

  const normalizeBirthDateOnBlur = () => {
    const parsed = parseTypedDate(form.values.birthDate);
    if (parsed.ok) {
      form.setFieldValue('birthDate', formatIsoDate(parsed.iso));
    }
    form.validateField('birthDate');
  };

  return (
    <Stack gap="md">
      <Fieldset legend={t('patients.form.identitySection')} variant="filled">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('patients.fields.birthName')}
              autoComplete="off"
              autoFocus
              {...requiredField}
              {...form.getInputProps('birthName')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('patients.fields.usedName')} autoComplete="off" {...form.getInputProps('usedName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('patients.fields.birthFirstNames')}
              description={t('patients.form.birthFirstNamesHint')}
              autoComplete="off"
              {...requiredField}
              {...form.getInputProps('birthFirstNames')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('patients.fields.firstFirstName')}
              description={t('patients.form.firstFirstNameHint')}
              // A hint, not a prefill: a prefilled field under a typing user's cursor gets doubled.
              placeholder={firstOfFirstNames(form.values.birthFirstNames)}
              autoComplete="off"
              {...requiredField}
              {...form.getInputProps('firstFirstName')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('patients.fields.birthDate')}
              placeholder={t('patients.form.datePlaceholder')}
              description={t('patients.form.birthDateHint')}
              inputMode="numeric"
              autoComplete="off"
              {...requiredField}
              {...form.getInputProps('birthDate')}
              onBlur={normalizeBirthDateOnBlur}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <PatientSexSelect form={form} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('patients.fields.birthplaceInsee')}
              description={t('patients.form.birthplaceHint')}
              maxLength={5}
              autoComplete="off"
              {...form.getInputProps('birthplaceInsee')}
            />
          </Grid.Col>
        </Grid>
      </Fieldset>

      <Fieldset legend={t('patients.form.insSection')} variant="filled">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('patients.fields.ins')}
              description={t('patients.form.insHint')}
              autoComplete="off"
              maxLength={21}
              {...form.getInputProps('insNumber')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={t('patients.fields.identityStatus')}
              data={identityStatuses.map((status) => ({
                value: status,
                label: `${status} — ${t(`patients.status.${status}.label`)}`,
              }))}
              {...form.getInputProps('identityStatus')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <PatientIdentityStatusHint status={form.values.identityStatus} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput
              label={t('patients.fields.identityDocument')}
              description={t('patients.form.identityDocumentHint')}
              autoComplete="off"
              {...form.getInputProps('identityDocument')}
            />
          </Grid.Col>
        </Grid>
      </Fieldset>

      <Fieldset legend={t('patients.form.contactSection')} variant="filled">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('patients.fields.phone')}
              type="tel"
              autoComplete="off"
              {...form.getInputProps('phone')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('patients.fields.email')}
              type="email"
              autoComplete="off"
              {...form.getInputProps('email')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('patients.fields.address')}
              autosize
              minRows={2}
              maxRows={4}
              {...form.getInputProps('address')}
            />
          </Grid.Col>
        </Grid>
      </Fieldset>
    </Stack>
  );
}
