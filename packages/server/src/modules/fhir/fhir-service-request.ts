/**
 * ServiceRequest: one per analysis requested on an order (the order number is the requisition
 * that groups them, as the FHIR workflow "requisition" pattern has it). Status is derived: revoked
 * when cancelled, completed once every result of the analysis is biologically validated.
 */
import type { FhirServiceRequestRow } from './fhir.repository.js';
import { parseDateValue, parseTokens, type SearchRequest } from './fhir-search.js';
import { instantCondition, tokenCondition, type SqlWhere } from './fhir-sql.js';
import { analysisCodeSystem, orderNumberSystem, rppsSystem } from './fhir-systems.js';
import type { ServiceRequest } from './fhir-types.js';

export const serviceRequestSearchParameters = [
  '_id',
  'patient',
  'subject',
  'identifier',
  'requisition',
  'code',
  'authored',
  'status',
] as const;

const priorities = { routine: 'routine', urgent: 'urgent', vital: 'stat' } as const;

export function toFhirServiceRequest(row: FhirServiceRequestRow): ServiceRequest {
  const requisition = { system: orderNumberSystem, value: row.order_number };
  const request: ServiceRequest = {
    resourceType: 'ServiceRequest',
    id: row.id,
    identifier: [{ ...requisition, use: 'usual' }],
    requisition,
    status: row.status,
    intent: 'order',
    category: [{ coding: [{ system: 'http://snomed.info/sct', code: '108252007', display: 'Laboratory procedure' }] }],
    priority: priorities[row.urgency],
    code: {
      coding: [{ system: analysisCodeSystem, code: row.analysis_code, display: row.analysis_label }],
      text: row.analysis_label,
    },
    subject: { reference: `Patient/${row.patient_id}`, display: row.patient_name },
    authoredOn: row.authored_at.toISOString(),
    specimen: row.specimen_ids.map((id) => ({ reference: `Specimen/${id}` })),
  };
  if (row.prescriber_name !== null) {
    request.requester = {
      display: row.prescriber_name,
      // IdNat_PS of an RPPS professional: "8" + RPPS (ANS; CDA CR-BIO example).
      ...(row.prescriber_rpps === null ? {} : { identifier: { system: rppsSystem, value: `8${row.prescriber_rpps}` } }),
    };
  }
  if (row.clinical_info !== null && row.clinical_info.trim() !== '') {
    request.note = [{ text: row.clinical_info }];
  }
  return request;
}

export function applyServiceRequestFilters(search: SearchRequest, where: SqlWhere): void {
  for (const name of ['identifier', 'requisition']) {
    for (const raw of search.params.get(name) ?? []) {
      where.and(
        tokenCondition(parseTokens(name, raw), (token) =>
          token.system === null || token.system === orderNumberSystem
            ? `f.order_number = ${where.bind(token.code)}`
            : null
        )
      );
    }
  }
  for (const raw of search.params.get('code') ?? []) {
    where.and(
      tokenCondition(parseTokens('code', raw), (token) =>
        token.system === null || token.system === analysisCodeSystem
          ? `f.analysis_code = ${where.bind(token.code)}`
          : null
      )
    );
  }
  for (const raw of search.params.get('authored') ?? []) {
    where.and(instantCondition(where, 'f.authored_at', parseDateValue('authored', raw)));
  }
}
