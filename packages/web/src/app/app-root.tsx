import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createAppQueryClient } from '../api/query-client.js';
import { i18n } from '../i18n/i18n.js';
import { AppGate } from './app-gate.js';
import { appTheme } from './app-theme.js';

export function AppRoot() {
  const [queryClient] = useState(createAppQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={appTheme} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          {/* Top right, under the header (app.css): not over the action buttons at the foot of forms. */}
          <Notifications position="top-right" limit={4} />
          <AppGate />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
