import { Checkbox, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../api/types.js';

/** The roles of a user, one labelled checkbox each (keyboard: Tab then Space). */
export function AdminRoleCheckboxes({
  value,
  onChange,
  error,
}: {
  value: Role[];
  onChange: (value: Role[]) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t('admin.users.roles')}
      value={value}
      onChange={(next) => onChange(roles.filter((role) => next.includes(role)))}
      error={error}
    >
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" mt={6}>
        {roles.map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.${role}`)} size="sm" />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
