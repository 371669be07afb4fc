import { api } from '../api/api.js';
import type {
  ItemList,
  Patient,
  PatientCreateInput,
  PatientDuplicateCandidate,
  PatientInput,
  PatientMergeInput,
  PatientSummary,
  PatientUpdateInput,
} from '../api/types.js';

export const patientQueryKey = (id: string) => ['patients', 'detail', id] as const;
export const patientSearchQueryKey = (q: string, limit: number) => ['patients', 'search', q, limit] as const;

export function searchPatients(q: string, limit: number, signal?: AbortSignal): Promise<ItemList<PatientSummary>> {
  return api.get<ItemList<PatientSummary>>('/api/patients', { query: { q, limit }, signal });
}

/** Traits for the live duplicate check (POST /api/patients/duplicates). */
export type PatientDuplicateQuery = Pick<PatientInput, 'birthName' | 'firstFirstName' | 'birthDate'> &
  Partial<Pick<PatientInput, 'usedName' | 'sex' | 'birthFirstNames' | 'birthplaceInsee' | 'ins'>>;

export function findDuplicates(
  traits: PatientDuplicateQuery,
  signal?: AbortSignal
): Promise<ItemList<PatientDuplicateCandidate>> {
  return api.post<ItemList<PatientDuplicateCandidate>>('/api/patients/duplicates', traits, { signal });
}

export function createPatient(input: PatientCreateInput): Promise<Patient> {
  return api.post<Patient>('/api/patients', input);
}

export function fetchPatient(id: string, signal?: AbortSignal): Promise<Patient> {
  return api.get<Patient>(`/api/patients/${encodeURIComponent(id)}`, { signal });
}

export function updatePatient(id: string, input: PatientUpdateInput): Promise<Patient> {
  return api.patch<Patient>(`/api/patients/${encodeURIComponent(id)}`, input);
}

export function mergePatients(input: PatientMergeInput): Promise<Patient> {
  return api.post<Patient>('/api/patients/merge', input);
}
