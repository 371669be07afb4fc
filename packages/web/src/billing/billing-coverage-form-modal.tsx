import { Button, Divider, Group, Modal, NativeSelect, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { exonerations } from '@sillage/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogTitle, isApiError } from '../api/api-error.js';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { notifySuccess } from '../api/notify.js';
import { currentLocale } from '../i18n/i18n.js';
import { requiredField } from '../lib/required-field.js';
import { coverageKeys, saveCoverage, type CoverageInput, type CoverageView } from './billing-coverage-api.js';
import {
  coverageFieldOfApiPath,
  coverageFormToInput,
  coverageToFormValues,
  type CoverageFormValues,
} from './billing-coverage-form-values.js';

function BillingCoverageForm({
  patientId,
  coverage,
  onDone,
}: {
  patientId: string;
  coverage: CoverageView | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const form = useForm<CoverageFormValues>({ initialValues: coverageToFormValues(coverage) });
  const [serverError, setServerError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (input: CoverageInput) => saveCoverage(patientId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: coverageKeys.patient(patientId) });
      notifySuccess(t('coverage.saved'));
      onDone();
    },
    onError: (error) => {
      setServerError(error);
      if (!isApiError(error)) {
        return;
      }
      // Field issues of the server (zod messages are French; NIR problems come as an error code).
      for (const issue of error.errors) {
        const field = coverageFieldOfApiPath(issue.path);
        if (field !== null) {
          form.setFieldError(
            field,
            issue.message.startsWith('SIL_') ? catalogTitle(issue.message, locale) : issue.message
          );
        }
      }
    },
  });

  const submit = form.onSubmit((values) => {
    setServerError(null);
    const result = coverageFormToInput(values, coverage?.version ?? null);
    if (!result.ok) {
      form.setErrors(
        Object.fromEntries(Object.entries(result.errors).map(([path, error]) => [path, t(`coverage.errors.${error}`)]))
      );
      return;
    }
    mutation.mutate(result.input);
  });
  const dateProps = { placeholder: t('coverage.datePlaceholder'), maxLength: 10 };

  return (
    <form onSubmit={submit} noValidate data-testid="coverage-form">
      <Stack gap="sm">
        {serverError !== null ? <ApiErrorAlert error={serverError} /> : null}
        <Text fw={600} size="sm">
          {t('coverage.amo.title')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('coverage.amo.regime')}
            maxLength={2}
            data-autofocus
            {...requiredField}
            {...form.getInputProps('amo.regime')}
          />
          <TextInput
            label={t('coverage.amo.caisse')}
            maxLength={3}
            {...requiredField}
            {...form.getInputProps('amo.caisse')}
          />
          <TextInput
            label={t('coverage.amo.centre')}
            maxLength={4}
            {...requiredField}
            {...form.getInputProps('amo.centre')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('coverage.amo.insuredNir')}
            description={t('coverage.amo.insuredNirHint')}
            maxLength={25}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...requiredField}
            {...form.getInputProps('amo.insuredNir')}
          />
          <TextInput
            label={t('coverage.amo.beneficiaryRank')}
            description={t('coverage.amo.beneficiaryRankHint')}
            maxLength={2}
            {...requiredField}
            {...form.getInputProps('amo.beneficiaryRank')}
          />
          <NativeSelect
            label={t('coverage.source')}
            data={(['manual', 'attestation'] as const).map((source) => ({
              value: source,
              label: t(`coverage.sources.${source}`),
            }))}
            {...form.getInputProps('source')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('coverage.amo.validFrom')} {...dateProps} {...form.getInputProps('amo.validFrom')} />
          <TextInput label={t('coverage.amo.validTo')} {...dateProps} {...form.getInputProps('amo.validTo')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('coverage.amo.exoneration')}
            data={[
              { value: '', label: t('coverage.exonerations.none') },
              ...exonerations.map((exoneration) => ({
                value: exoneration,
                label: t(`coverage.exonerations.${exoneration}`),
              })),
            ]}
            {...form.getInputProps('amo.exoneration')}
          />
          {form.values.amo.exoneration !== '' ? (
            <>
              <TextInput
                label={t('coverage.amo.exonerationValidFrom')}
                {...dateProps}
                {...form.getInputProps('amo.exonerationValidFrom')}
              />
              <TextInput
                label={t('coverage.amo.exonerationValidTo')}
                {...dateProps}
                {...form.getInputProps('amo.exonerationValidTo')}
              />
            </>
          ) : null}
        </SimpleGrid>
        <Switch
          label={t('coverage.amo.alsaceMoselle')}
          description={t('coverage.amo.alsaceMoselleHint')}
          {...form.getInputProps('amo.alsaceMoselle', { type: 'checkbox' })}
        />
        <Divider />
        <Switch label={t('coverage.amc.has')} {...form.getInputProps('hasAmc', { type: 'checkbox' })} />
        {form.values.hasAmc ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('coverage.amc.organisme')}
                maxLength={100}
                {...requiredField}
                {...form.getInputProps('amc.organisme')}
              />
              <TextInput
                label={t('coverage.amc.memberNumber')}
                maxLength={40}
                {...form.getInputProps('amc.memberNumber')}
              />
              <TextInput label={t('coverage.amc.contract')} maxLength={40} {...form.getInputProps('amc.contract')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput label={t('coverage.amc.validFrom')} {...dateProps} {...form.getInputProps('amc.validFrom')} />
              <TextInput label={t('coverage.amc.validTo')} {...dateProps} {...form.getInputProps('amc.validTo')} />
              <TextInput
                label={t('coverage.amc.rate')}
                description={t('coverage.amc.rateHint')}
                maxLength={5}
                {...requiredField}
                {...form.getInputProps('amc.ratePercentOfTm')}
              />
            </SimpleGrid>
            <Switch
              label={t('coverage.amc.tiersPayant')}
              {...form.getInputProps('amc.tiersPayant', { type: 'checkbox' })}
            />
          </>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="coverage-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Entry or edit of the patient's AMO / AMC (keyboard: Tab through, Enter saves, Escape closes). */
export function BillingCoverageFormModal({
  patientId,
  coverage,
  opened,
  onClose,
}: {
  patientId: string;
  coverage: CoverageView | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('coverage.formTitle')} size="xl">
      {opened ? (
        <BillingCoverageForm
          key={coverage?.version ?? 'new'}
          patientId={patientId}
          coverage={coverage}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
}
