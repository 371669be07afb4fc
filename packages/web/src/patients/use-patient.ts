import { useQuery } from '@tanstack/react-query';
import { fetchPatient, patientQueryKey } from './patients-api.js';

/** One patient record. Each fetch is an access event in the audit trail (medical secrecy). */
export function usePatient(id: string) {
  return useQuery({
    queryKey: patientQueryKey(id),
    queryFn: ({ signal }) => fetchPatient(id, signal),
    staleTime: 30_000,
  });
}
