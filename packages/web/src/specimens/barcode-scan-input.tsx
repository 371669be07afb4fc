import { TextInput } from '@mantine/core';
import { IconBarcode } from '@tabler/icons-react';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A barcode field for a keyboard-wedge scanner: the scanner types the code then Enter, which hands
 * the trimmed code over and empties the box for the next tube. Typing the digits by hand works the
 * same way.
 */
export function BarcodeScanInput({
  onScan,
  label,
  description,
  error,
  autoFocus = true,
  inputRef,
  disabled = false,
}: {
  onScan: (barcode: string) => void;
  label?: string;
  description?: string;
  error?: string | null;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <TextInput
      ref={inputRef}
      label={label ?? t('specimens.fields.barcodeToScan')}
      description={description ?? t('specimens.scanHint')}
      leftSection={<IconBarcode size={16} />}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          const barcode = text.trim();
          if (barcode !== '') {
            setText('');
            onScan(barcode);
          }
        }
      }}
      error={error ?? undefined}
      autoFocus={autoFocus}
      autoComplete="off"
      spellCheck={false}
      maxLength={32}
      disabled={disabled}
      data-testid="barcode-input"
    />
  );
}
