import {
  Alert,
  Autocomplete,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconHistory } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';
import { notifySuccess, notifyWarning } from '../api/notify.js';
import { paths } from '../app/paths.js';
import { navigate } from '../app/router.js';
import { currentLocale } from '../i18n/i18n.js';
import { requiredField } from '../lib/required-field.js';
import { analyteFormToDefinition, analyteToFormValues, type AnalyteFormValues } from './analyte-form-values.js';
import { catalogueKeys, createAnalyte, updateAnalyte } from './catalogue-api.js';
import { CatalogueCodedValuesEditor } from './catalogue-coded-values-editor.js';
import { useIssueErrors } from './catalogue-form-errors.js';
import { serverIssuesToFormErrors } from './catalogue-form-issue.js';
import { CatalogueFormulaFields } from './catalogue-formula-fields.js';
import { CatalogueIntervalEditor } from './catalogue-interval-editor.js';
import { CatalogueServerError } from './catalogue-server-error.js';
import { deltaKinds, resultTypes, type Analyte, type AnalyteDefinition, type ResultType } from './catalogue-types.js';
import { monospaceInput } from './catalogue-input-styles.js';

type SaveRequest = { definition: AnalyteDefinition; code: string; reason: string };

export function CatalogueAnalyteForm({
  analyte,
  analytes,
  chapters,
  canManage,
}: {
  /** `null` to create an analyte. */
  analyte: Analyte | null;
  analytes: readonly Analyte[];
  chapters: readonly string[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const issueErrors = useIssueErrors();
  const creating = analyte === null;
  const form = useForm<AnalyteFormValues>({ initialValues: analyteToFormValues(analyte, currentLocale()) });
  const mutation = useMutation({
    mutationFn: ({ definition, code, reason }: SaveRequest) =>
      analyte === null
        ? createAnalyte({ ...definition, code, ...(reason === '' ? {} : { reason }) })
        : updateAnalyte(analyte.code, { ...definition, version: analyte.version, reason }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
      notifySuccess(t('catalogue.form.savedVersion', { code: saved.code, version: saved.version }));
      if (creating) {
        navigate(paths.catalogueAnalyte(saved.code));
      }
    },
    onError: (error) => {
      if (isApiError(error)) {
        form.setErrors({ ...form.errors, ...serverIssuesToFormErrors(error.errors, Object.keys(form.values)) });
      }
    },
  });
  const submit = (values: AnalyteFormValues) => {
    mutation.reset();
    const { definition, issues } = analyteFormToDefinition(values, creating);
    if (issues.length > 0) {
      form.setErrors(issueErrors(issues));
      notifyWarning(t('catalogue.form.fixErrors'));
      return;
    }
    mutation.mutate({ definition, code: values.code.trim(), reason: values.reason.trim() });
  };
  const numeric = form.values.resultType === 'numeric';

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="catalogue-analyte-form">
      <Fieldset variant="unstyled" disabled={!canManage}>
        <Stack gap="md">
          <Fieldset legend={t('catalogue.form.identification')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('catalogue.fields.code')}
                disabled={!creating}
                description={creating ? t('catalogue.form.codeHint') : t('catalogue.form.codeReadOnly')}
                styles={monospaceInput}
                autoFocus={creating && canManage}
                {...requiredField}
                {...form.getInputProps('code')}
                onChange={(event) => form.setFieldValue('code', event.currentTarget.value.toUpperCase())}
              />
              <TextInput
                label={t('catalogue.fields.label')}
                autoFocus={!creating && canManage}
                {...requiredField}
                {...form.getInputProps('label')}
              />
              <TextInput
                label={t('catalogue.fields.shortLabel')}
                {...requiredField}
                {...form.getInputProps('shortLabel')}
              />
              <TextInput
                label={t('catalogue.fields.loinc')}
                placeholder="2160-0"
                styles={monospaceInput}
                {...form.getInputProps('loinc')}
              />
              <Autocomplete
                label={t('catalogue.fields.chapter')}
                data={[...chapters]}
                {...requiredField}
                {...form.getInputProps('chapter')}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="catalogue-result-type">
                  {t('catalogue.fields.resultType')}
                </Text>
                <SegmentedControl
                  aria-labelledby="catalogue-result-type"
                  data={resultTypes.map((value) => ({ value, label: t(`catalogue.resultTypes.${value}`) }))}
                  {...form.getInputProps('resultType')}
                  onChange={(value) => form.setFieldValue('resultType', value as ResultType)}
                />
              </Stack>
            </SimpleGrid>
          </Fieldset>
          {numeric ? (
            <Fieldset legend={t('catalogue.form.units')}>
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <TextInput
                  label={t('catalogue.fields.unitUcum')}
                  placeholder="umol/L"
                  styles={monospaceInput}
                  {...form.getInputProps('unitUcum')}
                />
                <TextInput
                  label={t('catalogue.fields.unitConventional')}
                  placeholder="mg/L"
                  styles={monospaceInput}
                  {...form.getInputProps('unitConventional')}
                />
                <TextInput
                  label={t('catalogue.fields.conventionalFactor')}
                  description={t('catalogue.form.factorHint')}
                  inputMode="decimal"
                  {...form.getInputProps('conventionalFactor')}
                />
                <TextInput
                  label={t('catalogue.fields.decimals')}
                  inputMode="numeric"
                  w={120}
                  {...form.getInputProps('decimals')}
                />
              </SimpleGrid>
            </Fieldset>
          ) : null}
          {form.values.resultType === 'coded' ? (
            <Fieldset legend={t('catalogue.codedValues.title')}>
              <CatalogueCodedValuesEditor form={form} editable={canManage} />
            </Fieldset>
          ) : null}
          <Fieldset legend={t('catalogue.intervals.title')}>
            <CatalogueIntervalEditor form={form} withLimits={numeric} editable={canManage} />
          </Fieldset>
          {numeric ? (
            <Fieldset legend={t('catalogue.form.alerts')}>
              <SimpleGrid cols={{ base: 1, sm: 5 }}>
                <TextInput
                  label={t('catalogue.fields.criticalLow')}
                  inputMode="decimal"
                  {...form.getInputProps('criticalLow')}
                />
                <TextInput
                  label={t('catalogue.fields.criticalHigh')}
                  inputMode="decimal"
                  {...form.getInputProps('criticalHigh')}
                />
                <NativeSelect
                  label={t('catalogue.fields.deltaKind')}
                  data={(['none', ...deltaKinds] as const).map((kind) => ({
                    value: kind,
                    label: t(`catalogue.deltaKinds.${kind}`),
                  }))}
                  {...form.getInputProps('deltaKind')}
                />
                {form.values.deltaKind === 'none' ? null : (
                  <>
                    <TextInput
                      label={
                        form.values.deltaKind === 'percent'
                          ? t('catalogue.fields.deltaThresholdPercent')
                          : t('catalogue.fields.deltaThreshold')
                      }
                      inputMode="decimal"
                      {...form.getInputProps('deltaThreshold')}
                    />
                    <TextInput
                      label={t('catalogue.fields.deltaMaxAgeDays')}
                      inputMode="numeric"
                      {...form.getInputProps('deltaMaxAgeDays')}
                    />
                  </>
                )}
              </SimpleGrid>
            </Fieldset>
          ) : null}
          {numeric ? (
            <Fieldset legend={t('catalogue.formula.title')}>
              <CatalogueFormulaFields form={form} analytes={analytes} />
            </Fieldset>
          ) : null}
          {canManage ? (
            <>
              {creating ? null : (
                <>
                  <Alert color="blue" icon={<IconHistory size={16} />} data-testid="catalogue-versioning-notice">
                    {t('catalogue.versions.notice', { next: (analyte?.version ?? 0) + 1 })}
                  </Alert>
                  <Textarea
                    label={t('catalogue.fields.reason')}
                    description={t('catalogue.form.reasonHint', { version: (analyte?.version ?? 0) + 1 })}
                    rows={2}
                    {...requiredField}
                    {...form.getInputProps('reason')}
                  />
                </>
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
