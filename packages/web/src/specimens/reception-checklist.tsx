import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Divider,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../api/notify.js';
import {
  receptionTemperatures,
  type ReceptionInput,
  type ReceptionResult,
  type ReceptionTemperature,
  type SpecimenContext,
  type StabilityVerdict,
} from '../api/workflow-types.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { dateTimeLocalToIso, toDateTimeLocalValue } from '../lib/local-date-time.js';
import { requiredField } from '../lib/required-field.js';
import { formatIsoDate } from '../lib/typed-date.js';
import { PatientTrait } from '../patients/patient-trait.js';
import { SpecimenStatusBadge, UrgencyBadge } from '../orders/order-badges.js';
import { receiveSpecimen } from './specimens-api.js';
import { TubeColourSwatch } from './tube-colour-swatch.js';

const serumIndexValues = ['0', '1', '2', '3', '4'] as const;

function isTemperature(value: string): value is ReceptionTemperature {
  return (receptionTemperatures as readonly string[]).includes(value);
}

const verdictColors: Record<StabilityVerdict, string> = { ok: 'teal', exceeded: 'red', not_documented: 'gray' };

type Errors = Partial<Record<'identity' | 'reason' | 'comment' | 'collectedAt' | 'collectorName', string>>;

/**
 * The conformity checklist of one tube (france-domain.md §5; ISO 15189:2022 §7.2.6): identity on
 * the tube against the order, container, filling, delay since collection against each analysis'
 * stability, temperature, serum indices; then accept, or refuse with a coded reason (which opens a
 * non-conformity and asks the desk to call the patient back).
 */
export function ReceptionChecklist({
  context,
  onDone,
}: {
  context: SpecimenContext;
  onDone: (result: ReceptionResult) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { specimen, patient, order } = context;
  const external = specimen.status === 'expected';
  const [identityMatches, setIdentityMatches] = useState(false);
  const [containerOk, setContainerOk] = useState(false);
  const [fillingOk, setFillingOk] = useState(false);
  const [temperature, setTemperature] = useState<ReceptionTemperature>('ambiante');
  const [indices, setIndices] = useState({ haemolysis: 0, lipaemia: 0, icterus: 0 });
  const [comment, setComment] = useState('');
  const [reasonCode, setReasonCode] = useState('');
  const [collectedAt, setCollectedAt] = useState(() => toDateTimeLocalValue(new Date()));
  const [collectorName, setCollectorName] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const mutation = useMutation({
    mutationFn: (input: ReceptionInput) => receiveSpecimen(specimen.barcode, input),
    onSuccess: onDone,
    onError: (error) => notifyError(error, t('common.unknownError')),
  });

  /** A tube drawn outside the lab (status `expected`): the transmission form's time and sampler. */
  const externalCollection = (): { collectedAt?: string; collectorName?: string } => {
    if (!external) {
      return {};
    }
    const iso = dateTimeLocalToIso(collectedAt);
    const name = collectorName.trim();
    return { ...(iso === null ? {} : { collectedAt: iso }), ...(name === '' ? {} : { collectorName: name }) };
  };

  const optionalComment = comment.trim() === '' ? {} : { comment: comment.trim() };

  const accept = () => {
    const next: Errors = {};
    if (!identityMatches) {
      next.identity = t('specimens.reception.identityRequired');
    }
    const collection = externalCollection();
    if (external && collection.collectedAt === undefined) {
      next.collectedAt = t('specimens.sampling.timeInvalid');
    }
    if (external && collection.collectorName === undefined) {
      next.collectorName = t('validation.required');
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      return;
    }
    mutation.mutate({
      accept: true,
      identityMatches,
      containerOk,
      fillingOk,
      temperature,
      ...indices,
      ...collection,
      ...optionalComment,
    });
  };

  const reject = () => {
    const next: Errors = {};
    if (reasonCode === '') {
      next.reason = t('specimens.reception.reasonRequired');
    }
    if (reasonCode === 'AUTRE' && comment.trim() === '') {
      next.comment = t('specimens.reception.commentRequired');
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      return;
    }
    // A refused tube may come without its transmission form: what is known is sent, nothing required.
    mutation.mutate({
      accept: false,
      reasonCode,
      identityMatches,
      containerOk,
      fillingOk,
      temperature,
      ...indices,
      ...externalCollection(),
      ...optionalComment,
    });
  };

  const hours = context.delay.hoursSinceCollection;
  const exceeded = context.delay.exceededAtRoomTemperature && temperature === 'ambiante';

  return (
    <Stack gap="md" data-testid="reception-checklist" data-barcode={specimen.barcode}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="sm" data-testid="reception-order-identity">
          <Title order={2} size="h5" mb="xs">
            {t('specimens.reception.orderIdentity')}
          </Title>
          <SimpleGrid component="dl" cols={2} spacing="xs" verticalSpacing="xs" m={0}>
            <PatientTrait label={t('patients.fields.birthName')} testId="reception-birth-name">
              <Text span fw={700}>
                {patient.birthName}
              </Text>
            </PatientTrait>
            <PatientTrait label={t('patients.fields.firstFirstName')} testId="reception-first-name">
              <Text span fw={700}>
                {patient.firstFirstName}
              </Text>
            </PatientTrait>
            <PatientTrait label={t('patients.fields.usedName')}>{patient.usedName ?? '—'}</PatientTrait>
            <PatientTrait label={t('patients.fields.birthDate')} testId="reception-birth-date">
              {formatIsoDate(patient.birthDate)}
            </PatientTrait>
            <PatientTrait label={t('patients.fields.sex')}>{t(`patients.sex.${patient.sex}`)}</PatientTrait>
            <PatientTrait label={t('patients.fields.patientNumber')}>{patient.patientNumber}</PatientTrait>
            <PatientTrait label={t('orders.fields.orderNumber')}>
              <Group gap={6} component="span">
                <Text span size="sm" ff="monospace">
                  {order.orderNumber}
                </Text>
                {order.urgency === 'urgent' || order.urgency === 'vital' ? (
                  <UrgencyBadge urgency={order.urgency} />
                ) : null}
              </Group>
            </PatientTrait>
          </SimpleGrid>
        </Card>
        <Card withBorder padding="sm" data-testid="reception-tube">
          <Title order={2} size="h5" mb="xs">
            {t('specimens.reception.tube')}
          </Title>
          <SimpleGrid component="dl" cols={2} spacing="xs" verticalSpacing="xs" m={0}>
            <PatientTrait label={t('specimens.fields.barcode')}>
              <Text span ff="monospace" fw={700}>
                {specimen.barcode}
              </Text>
            </PatientTrait>
            <PatientTrait label={t('specimens.fields.status')}>
              <SpecimenStatusBadge status={specimen.status} />
            </PatientTrait>
            <PatientTrait label={t('specimens.fields.container')}>
              <TubeColourSwatch colour={specimen.colour} colourHex={specimen.colourHex} />
              {specimen.containerLabel}
            </PatientTrait>
            <PatientTrait label={t('specimens.fields.specimenType')}>
              {specimen.specimenType} · {t('specimens.volumeMl', { volume: specimen.volumeMl.toLocaleString(locale) })}
            </PatientTrait>
            <PatientTrait label={t('specimens.fields.collectedAt')}>
              {formatDateTime(specimen.collectedAt, locale)}
            </PatientTrait>
            <PatientTrait label={t('specimens.fields.collectedBy')}>{specimen.collectedBy ?? '—'}</PatientTrait>
          </SimpleGrid>
        </Card>
      </SimpleGrid>

      <Card withBorder padding="sm">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h5">
            {t('specimens.reception.delay')}
          </Title>
          <Text size="sm" fw={600} data-testid="reception-delay">
            {hours === null
              ? t('specimens.reception.delayUnknown')
              : t('specimens.reception.hoursSince', {
                  hours: hours.toLocaleString(locale, { maximumFractionDigits: 1 }),
                })}
          </Text>
        </Group>
        {exceeded ? (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} mb="xs" p="xs">
            {t('specimens.reception.stabilityExceeded')}
          </Alert>
        ) : null}
        <Table data-testid="reception-stability">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.fields.analysis')}</Table.Th>
              <Table.Th>{t('specimens.reception.stabilityRoom')}</Table.Th>
              <Table.Th>{t('specimens.reception.stabilityCold')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {context.analyses.map((analysis) => (
              <Table.Tr key={analysis.code}>
                <Table.Td>
                  <Text size="sm" span ff="monospace" fw={600}>
                    {analysis.mnemonic}
                  </Text>{' '}
                  <Text size="sm" span>
                    {analysis.label}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StabilityCell hours={analysis.stabilityHoursRoom} verdict={analysis.stabilityRoom} />
                </Table.Td>
                <Table.Td>
                  <StabilityCell hours={analysis.stabilityHoursCold} verdict={analysis.stabilityCold} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      <Card withBorder padding="sm">
        <Title order={2} size="h5" mb="xs">
          {t('specimens.reception.checklist')}
        </Title>
        <Stack gap="sm">
          <Group gap="xl">
            <Checkbox
              label={t('specimens.reception.identityMatches')}
              checked={identityMatches}
              onChange={(event) => setIdentityMatches(event.currentTarget.checked)}
              error={errors.identity}
              autoFocus
            />
            <Checkbox
              label={t('specimens.reception.containerOk')}
              checked={containerOk}
              onChange={(event) => setContainerOk(event.currentTarget.checked)}
            />
            <Checkbox
              label={t('specimens.reception.fillingOk')}
              checked={fillingOk}
              onChange={(event) => setFillingOk(event.currentTarget.checked)}
            />
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <NativeSelect
              label={t('specimens.reception.temperature')}
              value={temperature}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isTemperature(value)) {
                  setTemperature(value);
                }
              }}
              data={receptionTemperatures.map((value) => ({ value, label: t(`specimens.temperature.${value}`) }))}
            />
            {(['haemolysis', 'lipaemia', 'icterus'] as const).map((index) => (
              <NativeSelect
                key={index}
                label={t(`specimens.reception.${index}`)}
                value={String(indices[index])}
                onChange={(event) => {
                  const value = Number(event.currentTarget.value);
                  setIndices((previous) => ({ ...previous, [index]: value }));
                }}
                data={serumIndexValues.map((value) => ({ value, label: t(`specimens.reception.index${value}`) }))}
              />
            ))}
          </SimpleGrid>
          {external ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                type="datetime-local"
                label={t('specimens.fields.collectedAt')}
                description={t('specimens.reception.externalHint')}
                value={collectedAt}
                onChange={(event) => setCollectedAt(event.currentTarget.value)}
                error={errors.collectedAt}
                {...requiredField}
              />
              <TextInput
                label={t('specimens.fields.collectorName')}
                value={collectorName}
                onChange={(event) => setCollectorName(event.currentTarget.value)}
                error={errors.collectorName}
                maxLength={200}
                {...requiredField}
              />
            </SimpleGrid>
          ) : null}
          <TextInput
            label={t('specimens.reception.comment')}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            error={errors.comment}
            maxLength={1000}
          />
          <Divider />
          <Group justify="space-between" align="flex-end">
            <Group align="flex-end">
              <NativeSelect
                label={t('specimens.reception.reason')}
                value={reasonCode}
                onChange={(event) => setReasonCode(event.currentTarget.value)}
                error={errors.reason}
                data={[
                  { value: '', label: t('patients.form.choose') },
                  ...context.rejectionReasons.map((reason) => ({ value: reason.code, label: reason.label })),
                ]}
                w={320}
              />
              <Button
                color="red"
                variant="light"
                leftSection={<IconX size={16} />}
                onClick={reject}
                loading={mutation.isPending}
              >
                {t('specimens.reception.reject')}
              </Button>
            </Group>
            <Button color="teal" leftSection={<IconCheck size={16} />} onClick={accept} loading={mutation.isPending}>
              {t('specimens.reception.accept')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}

function StabilityCell({ hours, verdict }: { hours: number | null; verdict: StabilityVerdict }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{hours === null ? '—' : t('specimens.reception.hours', { hours })}</Text>
      <Badge size="xs" variant="light" color={verdictColors[verdict]}>
        {t(`specimens.reception.verdict.${verdict}`)}
      </Badge>
    </Group>
  );
}
