/**
 * Specimen: a tube, identified by its barcode (accession identifier), with collection and
 * reception times. A rejected tube is `unsatisfactory` with its coded reason as condition.
 */
import type { FhirSpecimenRow } from './fhir.repository.js';
import { parseDateValue, parseTokens, type SearchRequest } from './fhir-search.js';
import { instantCondition, tokenCondition, type SqlWhere } from './fhir-sql.js';
import { specimenBarcodeSystem, ucumSystem } from './fhir-systems.js';
import type { Specimen } from './fhir-types.js';

export const specimenSearchParameters = [
  '_id',
  'patient',
  'subject',
  'identifier',
  'accession',
  'collected',
  'status',
] as const;

export function toFhirSpecimen(row: FhirSpecimenRow): Specimen {
  const barcode = { system: specimenBarcodeSystem, value: row.barcode };
  const specimen: Specimen = {
    resourceType: 'Specimen',
    id: row.id,
    identifier: [barcode],
    accessionIdentifier: barcode,
    status: row.status,
    type: { text: row.specimen_type },
    subject: { reference: `Patient/${row.patient_id}`, display: row.patient_name },
    request: row.request_ids.map((id) => ({ reference: `ServiceRequest/${id}` })),
    container: [
      {
        type: { text: row.container_label },
        capacity: { value: Number(row.capacity_ml), unit: 'mL', system: ucumSystem, code: 'mL' },
      },
    ],
  };
  if (row.received_at !== null) {
    specimen.receivedTime = row.received_at.toISOString();
  }
  if (row.collected_at !== null) {
    specimen.collection = {
      collectedDateTime: row.collected_at.toISOString(),
      ...(row.collector_name === null ? {} : { collector: { display: row.collector_name } }),
    };
  }
  if (row.lab_status === 'rejected') {
    specimen.condition = [{ text: row.rejection_reason ?? 'non conforme' }];
    if (row.rejection_comment !== null) {
      specimen.note = [{ text: row.rejection_comment }];
    }
  }
  return specimen;
}

export function applySpecimenFilters(search: SearchRequest, where: SqlWhere): void {
  for (const name of ['identifier', 'accession']) {
    for (const raw of search.params.get(name) ?? []) {
      where.and(
        tokenCondition(parseTokens(name, raw), (token) =>
          token.system === null || token.system === specimenBarcodeSystem
            ? `f.barcode = ${where.bind(token.code)}`
            : null
        )
      );
    }
  }
  for (const raw of search.params.get('collected') ?? []) {
    where.and(instantCondition(where, 'f.collected_at', parseDateValue('collected', raw)));
  }
}
