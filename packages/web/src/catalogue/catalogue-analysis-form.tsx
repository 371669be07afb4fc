import {
  Autocomplete,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';
import { notifySuccess, notifyWarning } from '../api/notify.js';
import { paths } from '../app/paths.js';
import { navigate } from '../app/router.js';
import { currentLocale } from '../i18n/i18n.js';
import { requiredField } from '../lib/required-field.js';
import { TubeColourSwatch } from '../specimens/tube-colour-swatch.js';
import { analysisFormToDefinition, analysisToFormValues, type AnalysisFormValues } from './analysis-form-values.js';
import { catalogueKeys, createAnalysis, updateAnalysis } from './catalogue-api.js';
import { useIssueErrors } from './catalogue-form-errors.js';
import { serverIssuesToFormErrors } from './catalogue-form-issue.js';
import { CatalogueServerError } from './catalogue-server-error.js';
import type { Analysis, AnalysisDefinition, Analyte, Container } from './catalogue-types.js';
import { monospaceInput } from './catalogue-input-styles.js';

export interface AnalysisFormProps {
  /** `null` to create an analysis. */
  analysis: Analysis | null;
  containers: readonly Container[];
  analytes: readonly Analyte[];
  chapters: readonly string[];
  sections: readonly string[];
  canManage: boolean;
}

type SaveRequest = { definition: AnalysisDefinition; code: string; reason: string };

export function CatalogueAnalysisForm({
  analysis,
  containers,
  analytes,
  chapters,
  sections,
  canManage,
}: AnalysisFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const issueErrors = useIssueErrors();
  const creating = analysis === null;
  const form = useForm<AnalysisFormValues>({ initialValues: analysisToFormValues(analysis, currentLocale()) });
  const mutation = useMutation({
    mutationFn: ({ definition, code, reason }: SaveRequest) =>
      analysis === null
        ? createAnalysis({ ...definition, code, ...(reason === '' ? {} : { reason }) })
        : updateAnalysis(analysis.code, { ...definition, version: analysis.version, reason }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
      notifySuccess(t('catalogue.form.savedVersion', { code: saved.code, version: saved.version }));
      if (creating) {
        navigate(paths.catalogueAnalysis(saved.code));
      }
    },
    onError: (error) => {
      if (isApiError(error)) {
        form.setErrors({ ...form.errors, ...serverIssuesToFormErrors(error.errors, Object.keys(form.values)) });
      }
    },
  });
  const submit = (values: AnalysisFormValues) => {
    mutation.reset();
    const { definition, issues } = analysisFormToDefinition(values, containers, creating);
    if (issues.length > 0) {
      form.setErrors(issueErrors(issues));
      notifyWarning(t('catalogue.form.fixErrors'));
      return;
    }
    mutation.mutate({ definition, code: values.code.trim(), reason: values.reason.trim() });
  };
  const container = containers.find((candidate) => candidate.code === form.values.containerCode);
  const analyteOptions = analytes.map((analyte) => ({
    value: analyte.code,
    label: `${analyte.code} — ${analyte.label}`,
  }));

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="catalogue-analysis-form">
      <Fieldset variant="unstyled" disabled={!canManage}>
        <Stack gap="md">
          <Fieldset legend={t('catalogue.form.identification')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('catalogue.fields.code')}
                disabled={!creating}
                description={creating ? t('catalogue.form.codeHint') : t('catalogue.form.codeReadOnly')}
                styles={monospaceInput}
                data-autofocus={creating || undefined}
                autoFocus={creating && canManage}
                {...requiredField}
                {...form.getInputProps('code')}
                onChange={(event) => form.setFieldValue('code', event.currentTarget.value.toUpperCase())}
              />
              <TextInput
                label={t('catalogue.fields.mnemonic')}
                styles={monospaceInput}
                autoFocus={!creating && canManage}
                {...requiredField}
                {...form.getInputProps('mnemonic')}
                onChange={(event) => form.setFieldValue('mnemonic', event.currentTarget.value.toUpperCase())}
              />
              <TextInput label={t('catalogue.fields.label')} {...requiredField} {...form.getInputProps('label')} />
              <Autocomplete
                label={t('catalogue.fields.chapter')}
                data={[...chapters]}
                {...requiredField}
                {...form.getInputProps('chapter')}
              />
              <Autocomplete
                label={t('catalogue.fields.section')}
                data={[...sections]}
                {...requiredField}
                {...form.getInputProps('section')}
              />
              <Switch
                mt="xl"
                label={t('catalogue.fields.orderableLong')}
                {...form.getInputProps('orderable', { type: 'checkbox' })}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('catalogue.form.billing')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TagsInput
                label={t('catalogue.fields.nabmCodes')}
                description={t('catalogue.form.nabmHint')}
                splitChars={[',', ' ', ';']}
                {...form.getInputProps('nabmCodes')}
              />
              <TextInput
                label={t('catalogue.fields.offNomenclaturePrice')}
                description={t('catalogue.form.offNomenclatureHint')}
                rightSection="€"
                inputMode="decimal"
                {...form.getInputProps('offNomenclaturePrice')}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('catalogue.form.specimen')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('catalogue.fields.container')}
                searchable
                selectFirstOptionOnChange
                data={containers.map((candidate) => ({
                  value: candidate.code,
                  label: `${candidate.label} (${candidate.colour}, ${candidate.capacityMl} mL)`,
                }))}
                description={
                  container === undefined ? undefined : (
                    <TubeColourSwatch colour={container.colour} colourHex={container.colourHex} />
                  )
                }
                {...requiredField}
                {...form.getInputProps('containerCode')}
                onChange={(value) => form.setFieldValue('containerCode', value ?? '')}
              />
              <TextInput
                label={t('catalogue.fields.volumeMl')}
                inputMode="decimal"
                rightSection="mL"
                {...requiredField}
                {...form.getInputProps('volumeMl')}
              />
              <Switch
                mt="xl"
                label={t('catalogue.fields.shareable')}
                {...form.getInputProps('shareable', { type: 'checkbox' })}
              />
              <TextInput
                label={t('catalogue.fields.stabilityHoursRoom')}
                description={t('catalogue.form.stabilityHint')}
                inputMode="decimal"
                rightSection="h"
                {...form.getInputProps('stabilityHoursRoom')}
              />
              <TextInput
                label={t('catalogue.fields.stabilityHoursCold')}
                description={t('catalogue.form.stabilityHint')}
                inputMode="decimal"
                rightSection="h"
                {...form.getInputProps('stabilityHoursCold')}
              />
              <Switch
                mt="xl"
                label={t('catalogue.fields.fastingRequired')}
                {...form.getInputProps('fastingRequired', { type: 'checkbox' })}
              />
              <TextInput
                label={t('catalogue.fields.timeWindowStart')}
                placeholder="07:00"
                styles={monospaceInput}
                {...form.getInputProps('timeWindowStart')}
              />
              <TextInput
                label={t('catalogue.fields.timeWindowEnd')}
                placeholder="10:00"
                styles={monospaceInput}
                {...form.getInputProps('timeWindowEnd')}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('catalogue.fields.analytes')}>
            <MultiSelect
              label={t('catalogue.form.analytesInOrder')}
              description={t('catalogue.form.analytesHint')}
              searchable
              selectFirstOptionOnChange
              data={analyteOptions}
              {...requiredField}
              {...form.getInputProps('analyteCodes')}
            />
          </Fieldset>
          {canManage ? (
            <>
              {creating ? null : (
                <Textarea
                  label={t('catalogue.fields.reason')}
                  description={t('catalogue.form.reasonHint', { version: (analysis?.version ?? 0) + 1 })}
                  rows={2}
                  {...requiredField}
                  {...form.getInputProps('reason')}
                />
              )}
              {mutation.isError ? <CatalogueServerError error={mutation.error} /> : null}
              <Group justify="flex-end">
                <Button type="submit" loading={mutation.isPending}>
                  {creating ? t('common.create') : t('catalogue.form.saveVersion')}
                </Button>
              </Group>
            </>
          ) : null}
        </Stack>
      </Fieldset>
    </form>
  );
}
