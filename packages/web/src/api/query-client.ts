import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error.js';

export const meQueryKey = ['auth', 'me'] as const;

function isSessionLost(error: unknown): boolean {
  return isApiError(error) && (error.code === 'SIL_AUTH_REQUIRED' || error.code === 'SIL_AUTH_SESSION_EXPIRED');
}

/**
 * One QueryClient for the app. When any call answers that the session is gone (idle timeout,
 * logout in another tab), the current user is re-read, which brings back the login screen.
 */
export function createAppQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        const isMeQuery = query.queryKey[0] === meQueryKey[0] && query.queryKey[1] === meQueryKey[1];
        if (isSessionLost(error) && !isMeQuery) {
          void client.invalidateQueries({ queryKey: meQueryKey });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSessionLost(error)) {
          void client.invalidateQueries({ queryKey: meQueryKey });
        }
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !isApiError(error) || (error.status >= 500 && failureCount < 2),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
