import { Group, Radio } from '@mantine/core';
import { paymentMethods } from '@sillage/core';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from './billing-types.js';

/** Cash, card, cheque, transfer: radios, so ← → change the method from the keyboard. */
export function PaymentMethodRadios({
  value,
  onChange,
  label,
}: {
  value: PaymentMethod;
  onChange: (method: PaymentMethod) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={label}
      value={value}
      onChange={(next) => {
        const method = paymentMethods.find((candidate) => candidate === next);
        if (method !== undefined) {
          onChange(method);
        }
      }}
    >
      <Group gap="md" mt={4}>
        {paymentMethods.map((method) => (
          <Radio key={method} value={method} label={t(`invoices.methods.${method}`)} />
        ))}
      </Group>
    </Radio.Group>
  );
}
