/**
 * Patient: identity traits (RNIV) and identifiers — the lab's patient number always, the INS only
 * for a qualified identity (RNIV EXI SI 08: only QUAL carries the INS outward), typed as FR Core
 * does (INS-NIR official, INS-NIA temporary).
 */
import { INS_NIA_OID, INS_OIDS, searchKey } from '@sillage/core';
import type { FhirPatientRow } from './fhir.repository.js';
import { parseDateValue, parseStrings, parseTokens, type SearchRequest } from './fhir-search.js';
import { calendarCondition, tokenCondition, type SqlWhere } from './fhir-sql.js';
import { frCoreIdentifierTypeSystem, identifierTypeSystem, patientNumberSystem } from './fhir-systems.js';
import type { Identifier, Patient } from './fhir-types.js';

export const patientSearchParameters = ['_id', 'identifier', 'family', 'birthdate'] as const;

const genders = { F: 'female', M: 'male', I: 'unknown' } as const;

export function insShareable(row: Pick<FhirPatientRow, 'identity_status' | 'ins_number'>): boolean {
  return row.identity_status === 'QUAL' && row.ins_number !== null;
}

export function toFhirPatient(row: FhirPatientRow): Patient {
  const identifier: Identifier[] = [];
  if (insShareable(row) && row.ins_oid !== null) {
    const nia = row.ins_oid === INS_NIA_OID;
    identifier.push({
      use: nia ? 'temp' : 'official',
      type: { coding: [{ system: frCoreIdentifierTypeSystem, code: nia ? 'INS-NIA' : 'INS-NIR' }] },
      system: `urn:oid:${row.ins_oid}`,
      value: row.ins_number ?? '',
    });
  }
  identifier.push({
    use: 'usual',
    type: { coding: [{ system: identifierTypeSystem, code: 'PI', display: 'Patient internal identifier' }] },
    system: patientNumberSystem,
    value: row.patient_number,
  });
  const patient: Patient = {
    resourceType: 'Patient',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
    identifier,
    active: row.merged_into_id === null,
    name: [
      { use: 'official', family: row.birth_name, given: row.birth_first_names.split(/\s+/).filter((g) => g !== '') },
      ...(row.used_name === null
        ? []
        : [{ use: 'usual' as const, family: row.used_name, given: [row.first_first_name] }]),
    ],
    gender: genders[row.sex],
    birthDate: row.birth_date,
  };
  if (row.merged_into_id !== null) {
    patient.link = [{ other: { reference: `Patient/${row.merged_into_id}` }, type: 'replaced-by' }];
  }
  return patient;
}

export function applyPatientFilters(search: SearchRequest, where: SqlWhere): void {
  for (const raw of search.params.get('identifier') ?? []) {
    where.and(
      tokenCondition(parseTokens('identifier', raw), (token) => {
        const value = where.bind(token.code);
        const ins = `(f.identity_status = 'QUAL' AND f.ins_number = ${value})`;
        if (token.system === null) {
          return `(f.patient_number = ${value} OR ${ins})`;
        }
        if (token.system === patientNumberSystem) {
          return `f.patient_number = ${value}`;
        }
        const oid = token.system.replace(/^urn:oid:/, '');
        if (token.system.startsWith('urn:oid:') && (INS_OIDS as readonly string[]).includes(oid)) {
          return `(${ins} AND f.ins_oid = ${where.bind(oid)})`;
        }
        return null;
      })
    );
  }
  for (const raw of search.params.get('family') ?? []) {
    const keys = parseStrings(raw)
      .map(searchKey)
      .filter((k) => k !== '');
    where.and(
      keys.length === 0
        ? 'false'
        : `(${keys
            .map((k) => {
              const pattern = where.bind(`${k}%`);
              return `(f.birth_name_key LIKE ${pattern} OR f.used_name_key LIKE ${pattern})`;
            })
            .join(' OR ')})`
    );
  }
  for (const raw of search.params.get('birthdate') ?? []) {
    where.and(calendarCondition(where, 'f.birth_day', parseDateValue('birthdate', raw)));
  }
}
