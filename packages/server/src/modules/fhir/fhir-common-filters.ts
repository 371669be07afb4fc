/**
 * Search parameters shared by several resource types, as conditions on the columns every base
 * query of fhir.repository.ts exposes (`id`, `patient_id`, `status`).
 */
import type { SearchRequest } from './fhir-search.js';
import { parseIds, parseReferenceIds, parseTokens } from './fhir-search.js';
import type { SqlWhere } from './fhir-sql.js';

/** Applies `_id`, `patient` / `subject` (Patient references) and `status` when present. */
export function applyCommonFilters(search: SearchRequest, where: SqlWhere): void {
  for (const raw of search.params.get('_id') ?? []) {
    where.and(`f.id = ANY(${where.bind(parseIds(raw))}::uuid[])`);
  }
  for (const name of ['patient', 'subject']) {
    for (const raw of search.params.get(name) ?? []) {
      where.and(`f.patient_id = ANY(${where.bind(parseReferenceIds(name, raw, 'Patient'))}::uuid[])`);
    }
  }
  for (const raw of search.params.get('status') ?? []) {
    where.and(`f.status = ANY(${where.bind(parseTokens('status', raw).map((t) => t.code))}::text[])`);
  }
}

/** Patients a search answered about (the audit of a search names them). */
export function patientIdsOf(rows: readonly { patient_id: string }[]): string[] {
  return [...new Set(rows.map((r) => r.patient_id))];
}
