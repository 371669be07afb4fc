import { Button, Group, Modal, NativeSelect, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByName, isApiError } from '../api/api-error.js';
import { notifyError, notifySuccess } from '../api/notify.js';
import { territories, type Site, type Territory } from '../api/types.js';
import { requiredField } from '../lib/required-field.js';
import { adminKeys, createSite, updateSite } from './admin-api.js';

interface SiteFormValues {
  code: string;
  name: string;
  address: string;
  finess: string;
  territory: Territory;
  alsaceMoselle: boolean;
  active: boolean;
}

/** FINESS numbers are 9 characters (2A/2B allowed for Corsica). */
const finessPattern = /^[0-9]{2}[0-9AB][0-9]{6}$/;

function AdminSiteForm({ site, onDone }: { site: Site | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<SiteFormValues>({
    initialValues: {
      code: site?.code ?? '',
      name: site?.name ?? '',
      address: site?.address ?? '',
      finess: site?.finess ?? '',
      territory: site?.territory ?? 'metropole',
      alsaceMoselle: site?.alsaceMoselle ?? false,
      active: site?.active ?? true,
    },
    validate: {
      code: (value) => (value.trim() === '' ? t('validation.required') : null),
      name: (value) => (value.trim() === '' ? t('validation.required') : null),
      finess: (value) =>
        value.trim() === '' || finessPattern.test(value.trim().toUpperCase()) ? null : t('admin.sites.finessRule'),
    },
  });
  const mutation = useMutation({
    mutationFn: (values: SiteFormValues) => {
      const input = {
        code: values.code.trim(),
        name: values.name.trim(),
        address: values.address.trim() === '' ? null : values.address.trim(),
        finess: values.finess.trim() === '' ? null : values.finess.trim().toUpperCase(),
        territory: values.territory,
        alsaceMoselle: values.alsaceMoselle,
      };
      return site === null ? createSite(input) : updateSite(site.id, { ...input, active: values.active });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.sites });
      notifySuccess(t('admin.sites.saved', { code: saved.code }));
      onDone();
    },
    onError: (error) => {
      if (isApiError(error)) {
        if (error.code === 'SIL_SITE_CODE_TAKEN') {
          form.setFieldError('code', error.title);
        }
        form.setErrors({ ...form.errors, ...fieldErrorsByName(error) });
      }
      notifyError(error, t('common.unknownError'));
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="sm">
        <Group grow>
          <TextInput label={t('admin.sites.code')} data-autofocus {...requiredField} {...form.getInputProps('code')} />
          <TextInput label={t('admin.sites.finess')} maxLength={9} {...form.getInputProps('finess')} />
        </Group>
        <TextInput label={t('admin.sites.name')} {...requiredField} {...form.getInputProps('name')} />
        <Textarea label={t('admin.sites.address')} autosize minRows={2} {...form.getInputProps('address')} />
        <NativeSelect
          label={t('admin.sites.territory')}
          data={territories.map((territory) => ({ value: territory, label: t(`territories.${territory}`) }))}
          {...form.getInputProps('territory')}
        />
        <Switch
          label={t('admin.sites.alsaceMoselle')}
          description={t('admin.sites.alsaceMoselleHint')}
          {...form.getInputProps('alsaceMoselle', { type: 'checkbox' })}
        />
        {site !== null ? (
          <Switch label={t('admin.sites.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {site === null ? t('common.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AdminSiteFormModal({
  opened,
  site,
  onClose,
}: {
  opened: boolean;
  site: Site | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={site === null ? t('admin.sites.createTitle') : t('admin.sites.editTitle', { code: site.code })}
      size="lg"
    >
      {opened ? <AdminSiteForm key={site?.id ?? 'new'} site={site} onDone={onClose} /> : null}
    </Modal>
  );
}
