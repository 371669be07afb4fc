import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { meQueryKey } from '../api/query-client.js';
import type { Me } from '../api/types.js';
import { fetchMe } from './auth-api.js';

/** The current user (null when logged out). Re-read when any call reports a lost session. */
export function useMe(): UseQueryResult<Me | null> {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
  });
}
