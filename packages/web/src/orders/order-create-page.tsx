import {
  Alert,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  List,
  Loader,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { isApiError } from '../api/api-error.js';
import { notifyError, notifySuccess } from '../api/notify.js';
import {
  fastingAnswers,
  transportTemperatures,
  urgencies,
  type FeasibilityWarning,
  type OrderCreateInput,
} from '../api/workflow-types.js';
import { paths } from '../app/paths.js';
import { navigate } from '../app/router.js';
import { dateTimeLocalToIso } from '../lib/local-date-time.js';
import { requiredField } from '../lib/required-field.js';
import { isAfterToday, parseTypedDate } from '../lib/typed-date.js';
import { PatientSearchBox } from '../patients/patient-search-box.js';
import { usePatient } from '../patients/use-patient.js';
import { AnalysisPicker } from './analysis-picker.js';
import {
  emptyOrderFormValues,
  orderFormToInput,
  parseHours,
  type OrderFormValues,
} from './order-create-form-values.js';
import { OrderPatientBanner } from './order-patient-banner.js';
import { createOrder, feasibilityWarningsOf, orderKeys } from './orders-api.js';
import { PrescriberPicker } from './prescriber-picker.js';

/** `/demandes/nouvelle` without a patient: find them first (or register them), then the order. */
function OrderPatientChoice() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={980}>
      <Title order={1} size="h3">
        {t('orders.create.title')}
      </Title>
      <Card withBorder padding="md">
        <Stack gap="xs">
          <PatientSearchBox autoFocus onSelect={(patient) => navigate(paths.orderCreateFor(patient.id))} />
        </Stack>
      </Card>
    </Stack>
  );
}

/**
 * The desk's order: prescriber, prescription date, analyses by code (keyboard: `NFS` ⏎ `GLY` ⏎),
 * urgency, clinical information, fasting and planned sampling. Blocking feasibility warnings
 * (fasting, time window, transport delay) come back as a 422: the desk reads them and confirms.
 */
export function OrderCreatePage({ patientId }: { patientId: string }) {
  if (patientId === '') {
    return <OrderPatientChoice />;
  }
  return <OrderCreateForm patientId={patientId} />;
}

function OrderCreateForm({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const patient = usePatient(patientId);
  const [blocking, setBlocking] = useState<FeasibilityWarning[] | null>(null);
  const form = useForm<OrderFormValues>({
    initialValues: emptyOrderFormValues(),
    validate: {
      analyses: (value) => (value.length === 0 ? t('orders.create.analysesRequired') : null),
      prescriptionDate: (value) => {
        if (value.trim() === '') {
          return null;
        }
        const parsed = parseTypedDate(value);
        if (!parsed.ok) {
          return t(parsed.error === 'invalid' ? 'validation.date.invalid' : 'validation.date.format');
        }
        return isAfterToday(parsed.iso) ? t('validation.date.future') : null;
      },
      plannedSamplingAt: (value) =>
        value.trim() !== '' && dateTimeLocalToIso(value) === null ? t('orders.create.plannedInvalid') : null,
      transportHours: (value, values) =>
        values.sampledOutside && parseHours(value) === null ? t('orders.create.transportHoursInvalid') : null,
    },
  });

  const mutation = useMutation({
    mutationFn: (input: OrderCreateInput) => createOrder(input),
    onSuccess: (order) => {
      setBlocking(null);
      const { warnings, ...view } = order;
      queryClient.setQueryData(orderKeys.detail(order.id), view);
      queryClient.setQueryData(orderKeys.creationWarnings(order.id), warnings);
      void queryClient.invalidateQueries({ queryKey: ['orders', 'list'] });
      notifySuccess(t('orders.create.created', { number: order.orderNumber }));
      navigate(paths.order(order.id));
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'SIL_ORDER_FEASIBILITY_BLOCKED') {
        setBlocking(feasibilityWarningsOf(error.extensions));
        return;
      }
      setBlocking(null);
      notifyError(error, t('common.unknownError'));
    },
  });

  const send = (acknowledgeWarnings: boolean) => {
    const input = orderFormToInput(patientId, form.values, acknowledgeWarnings);
    if (input !== null) {
      mutation.mutate(input);
    }
  };

  if (patient.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (patient.isError) {
    return <ApiErrorAlert error={patient.error} />;
  }

  return (
    <Stack gap="md" maw={1100}>
      <Title order={1} size="h3">
        {t('orders.create.title')}
      </Title>
      <OrderPatientBanner patient={patient.data} />
      <form onSubmit={form.onSubmit(() => send(false))} noValidate data-testid="order-create-form">
        <Stack gap="md">
          <Card withBorder padding="md">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <PrescriberPicker
                  value={form.values.prescriber}
                  onChange={(prescriber) => form.setFieldValue('prescriber', prescriber)}
                />
                <TextInput
                  label={t('orders.fields.prescriptionDate')}
                  description={t('patients.form.birthDateHint')}
                  placeholder={t('patients.form.datePlaceholder')}
                  autoComplete="off"
                  {...form.getInputProps('prescriptionDate')}
                />
              </SimpleGrid>
              <AnalysisPicker
                value={form.values.analyses}
                onChange={(analyses) => form.setFieldValue('analyses', analyses)}
                error={typeof form.errors['analyses'] === 'string' ? form.errors['analyses'] : null}
              />
            </Stack>
          </Card>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <Radio.Group label={t('orders.fields.urgency')} {...form.getInputProps('urgency')}>
                  <Group gap="md" mt={6}>
                    {urgencies.map((urgency) => (
                      <Radio key={urgency} value={urgency} label={t(`orders.urgency.${urgency}`)} />
                    ))}
                  </Group>
                </Radio.Group>
                <Radio.Group label={t('orders.fields.fasting')} {...form.getInputProps('fasting')}>
                  <Group gap="md" mt={6}>
                    {fastingAnswers.map((answer) => (
                      <Radio key={answer} value={answer} label={t(`orders.fasting.${answer}`)} />
                    ))}
                  </Group>
                </Radio.Group>
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <TextInput
                  type="datetime-local"
                  label={t('orders.fields.plannedSamplingAt')}
                  description={t('orders.create.plannedHint')}
                  {...form.getInputProps('plannedSamplingAt')}
                />
                <Stack gap={6}>
                  <Checkbox
                    mt="lg"
                    label={t('orders.fields.sampledOutside')}
                    {...form.getInputProps('sampledOutside', { type: 'checkbox' })}
                  />
                  {form.values.sampledOutside ? (
                    <Group grow align="flex-start">
                      <TextInput
                        label={t('orders.fields.transportHours')}
                        inputMode="decimal"
                        {...form.getInputProps('transportHours')}
                        {...requiredField}
                      />
                      <NativeSelect
                        label={t('orders.fields.transportTemperature')}
                        data={transportTemperatures.map((value) => ({
                          value,
                          label: t(`specimens.temperature.${value}`),
                        }))}
                        {...form.getInputProps('transportTemperature')}
                      />
                    </Group>
                  ) : null}
                </Stack>
              </SimpleGrid>
              <Textarea
                label={t('orders.fields.clinicalInfo')}
                autosize
                minRows={2}
                maxLength={2000}
                {...form.getInputProps('clinicalInfo')}
              />
            </Stack>
          </Card>
          {blocking !== null ? (
            <Alert
              color="orange"
              icon={<IconAlertTriangle size={18} />}
              data-testid="order-feasibility-blocking"
              role="alert"
            >
              <Stack gap="xs">
                <div>{t('orders.create.blockingIntro')}</div>
                <List size="sm">
                  {blocking.map((warning) => (
                    <List.Item key={`${warning.code}-${warning.analysisCode}`}>
                      {warning.analysisCode} : {warning.message}
                    </List.Item>
                  ))}
                </List>
                <Group>
                  <Button color="orange" onClick={() => send(true)} loading={mutation.isPending}>
                    {t('orders.create.submitAnyway')}
                  </Button>
                  <Button variant="default" onClick={() => setBlocking(null)}>
                    {t('orders.create.reviewOrder')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => window.history.back()}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending && blocking === null}>
              {t('orders.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
