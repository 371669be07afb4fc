import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * PasswordInput with a localized visibility toggle. The toggle's name must not contain the
 * field label ("Mot de passe"), or label lookups (screen readers, getByLabel) find two elements.
 */
export function AuthPasswordInput(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput {...props} visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }} />;
}
