import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A list filter over the values present in the catalogue; the empty value means « all ». */
export function CatalogueFilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      value={value}
      data={[{ value: '', label: t('catalogue.filters.any') }, ...options]}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
