import { Progress } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useIsFetching, useIsMutating } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/** A thin striped bar under the header while any request runs for more than 200 ms. */
export function AppProgressBar() {
  const { t } = useTranslation();
  const busy = useIsFetching() + useIsMutating() > 0;
  const [debouncedBusy] = useDebouncedValue(busy, 200);
  if (!(busy && debouncedBusy)) {
    return null;
  }
  return (
    <Progress
      value={100}
      striped
      animated
      size={3}
      radius={0}
      aria-label={t('common.loading')}
      pos="absolute"
      bottom={0}
      left={0}
      right={0}
      data-testid="app-progress"
    />
  );
}
