import {
  Autocomplete,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByName, isApiError } from '../api/api-error.js';
import { notifyError, notifySuccess } from '../api/notify.js';
import { requiredField } from '../lib/required-field.js';
import { createInstrument, updateInstrument } from './instruments-api.js';
import {
  instrumentKinds,
  instrumentProtocols,
  linkCharsets,
  linkDirections,
  linkRoles,
  type Instrument,
  type InstrumentKind,
  type InstrumentProfileInput,
  type InstrumentProtocol,
  type LinkCharset,
  type LinkDirection,
  type LinkRole,
  type SpecimenIdLocation,
} from './instrument-types.js';
import {
  defaultSpecimenIdLocation,
  isSpecimenIdLocationOf,
  specimenIdLocationSuggestions,
} from './instrument-specimen-id-location.js';

interface ProfileFormValues {
  code: string;
  name: string;
  kind: InstrumentKind;
  protocol: InstrumentProtocol;
  role: LinkRole;
  host: string;
  port: number | string;
  direction: LinkDirection;
  charset: LinkCharset;
  specimenIdLocation: SpecimenIdLocation;
  qcSpecimenPattern: string;
  enabled: boolean;
}

/** Same rule as the server: capitals, digits, _ and -, 32 at most. */
const codePattern = /^[A-Z0-9_-]{1,32}$/;

const options = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** Suggestions shown with the analyzers that use them; any other valid path can be typed. */
function SpecimenIdLocationOption({ value, protocol }: { value: string; protocol: InstrumentProtocol }) {
  const hint = specimenIdLocationSuggestions[protocol].find((suggestion) => suggestion.value === value)?.hint;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" ff="monospace">
        {value}
      </Text>
      {hint === undefined ? null : (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Group>
  );
}

function InstrumentProfileForm({ instrument, onDone }: { instrument: Instrument | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<ProfileFormValues>({
    initialValues: {
      code: instrument?.code ?? '',
      name: instrument?.name ?? '',
      kind: instrument?.kind ?? 'analyzer',
      protocol: instrument?.protocol ?? 'astm',
      role: instrument?.role ?? 'server',
      host: instrument?.host ?? '0.0.0.0',
      port: instrument?.port ?? '',
      direction: instrument?.direction ?? 'uni',
      charset: instrument?.charset ?? 'iso-8859-1',
      specimenIdLocation: instrument?.specimenIdLocation ?? defaultSpecimenIdLocation.astm,
      qcSpecimenPattern: instrument?.qcSpecimenPattern ?? '',
      enabled: instrument?.enabled ?? true,
    },
    validate: {
      code: (value) => (codePattern.test(value) ? null : t('instruments.form.codeRule')),
      name: (value) => (value.trim() === '' ? t('validation.required') : null),
      host: (value) => (value.trim() === '' ? t('validation.required') : null),
      port: (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535
          ? null
          : t('instruments.form.portRule'),
      specimenIdLocation: (value, values) =>
        isSpecimenIdLocationOf(values.protocol, value.trim())
          ? null
          : t(`instruments.form.specimenIdLocationRule.${values.protocol}`),
    },
  });
  const mutation = useMutation({
    mutationFn: (values: ProfileFormValues) => {
      const profile: InstrumentProfileInput = {
        name: values.name.trim(),
        role: values.role,
        host: values.host.trim(),
        port: Number(values.port),
        direction: values.direction,
        charset: values.charset,
        specimenIdLocation: values.specimenIdLocation.trim(),
        qcSpecimenPattern: values.qcSpecimenPattern.trim() === '' ? null : values.qcSpecimenPattern.trim(),
        enabled: values.enabled,
      };
      return instrument === null
        ? createInstrument({ ...profile, code: values.code, kind: values.kind, protocol: values.protocol })
        : updateInstrument(instrument.id, { ...profile, version: instrument.version });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['instruments'] });
      notifySuccess(t('instruments.form.saved', { code: saved.code }));
      onDone();
    },
    onError: (error) => {
      if (isApiError(error)) {
        form.setErrors({ ...form.errors, ...fieldErrorsByName(error) });
      }
      notifyError(error, t('common.unknownError'));
    },
  });
  const creating = instrument === null;

  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="sm">
        <Group grow>
          <TextInput
            label={t('instruments.fields.code')}
            disabled={!creating}
            data-autofocus
            {...requiredField}
            {...form.getInputProps('code')}
          />
          <TextInput label={t('instruments.fields.name')} {...requiredField} {...form.getInputProps('name')} />
        </Group>
        <Group grow>
          <NativeSelect
            label={t('instruments.fields.kind')}
            disabled={!creating}
            data={instrumentKinds.map((kind) => ({ value: kind, label: t(`instruments.kinds.${kind}`) }))}
            {...form.getInputProps('kind')}
          />
          <NativeSelect
            label={t('instruments.fields.protocol')}
            disabled={!creating}
            data={instrumentProtocols.map((protocol) => ({ value: protocol, label: protocol.toUpperCase() }))}
            {...form.getInputProps('protocol')}
            onChange={(event) => {
              const protocol = event.currentTarget.value as InstrumentProtocol;
              form.setFieldValue('protocol', protocol);
              // The barcode field of an ASTM profile (O.3) does not exist in HL7 (the server refuses it).
              if (!isSpecimenIdLocationOf(protocol, form.getValues().specimenIdLocation.trim())) {
                form.setFieldValue('specimenIdLocation', defaultSpecimenIdLocation[protocol]);
              }
            }}
          />
          <NativeSelect
            label={t('instruments.fields.role')}
            data={linkRoles.map((role) => ({ value: role, label: t(`instruments.roles.${role}`) }))}
            {...form.getInputProps('role')}
          />
        </Group>
        <Group grow>
          <TextInput label={t('instruments.fields.host')} {...requiredField} {...form.getInputProps('host')} />
          <NumberInput
            label={t('instruments.fields.port')}
            min={0}
            max={65535}
            allowDecimal={false}
            {...requiredField}
            {...form.getInputProps('port')}
          />
        </Group>
        <Group grow>
          <NativeSelect
            label={t('instruments.fields.direction')}
            data={linkDirections.map((direction) => ({
              value: direction,
              label: t(`instruments.directions.${direction}`),
            }))}
            {...form.getInputProps('direction')}
          />
          <NativeSelect
            label={t('instruments.fields.charset')}
            data={options(linkCharsets)}
            {...form.getInputProps('charset')}
          />
          <Autocomplete
            label={t('instruments.fields.specimenIdLocation')}
            description={t(`instruments.form.specimenIdLocationHelp.${form.getValues().protocol}`)}
            data={specimenIdLocationSuggestions[form.getValues().protocol].map((suggestion) => suggestion.value)}
            renderOption={({ option }) => (
              <SpecimenIdLocationOption value={option.value} protocol={form.getValues().protocol} />
            )}
            styles={{ input: { fontFamily: 'monospace' } }}
            // The suggestions' listbox is labelled like the input: mounted only while open, so the
            // label names one element (e2e/instruments-scenario.ts reads the field by its label).
            comboboxProps={{ keepMounted: false }}
            {...requiredField}
            {...form.getInputProps('specimenIdLocation')}
          />
        </Group>
        <TextInput
          label={t('instruments.fields.qcSpecimenPattern')}
          ff="monospace"
          {...form.getInputProps('qcSpecimenPattern')}
        />
        <Switch label={t('instruments.fields.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {creating ? t('common.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function InstrumentProfileFormModal({
  opened,
  instrument,
  onClose,
}: {
  opened: boolean;
  instrument: Instrument | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        instrument === null
          ? t('instruments.form.createTitle')
          : t('instruments.form.editTitle', { code: instrument.code })
      }
      size="lg"
    >
      {opened ? <InstrumentProfileForm key={instrument?.id ?? 'new'} instrument={instrument} onDone={onClose} /> : null}
    </Modal>
  );
}
