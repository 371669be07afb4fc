/**
 * FHIR read and search: parses the search, runs the resource's base query with its filters, maps
 * rows to resources — and records every access to patient data in the audit trail, in the same
 * transaction (secret médical: who read whose data, through which interface).
 */
import { SillageError } from '@sillage/core';
import type { Database, Queryable } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import * as repo from './fhir.repository.js';
import { applyCommonFilters, patientIdsOf } from './fhir-common-filters.js';
import {
  applyDiagnosticReportFilters,
  diagnosticReportSearchParameters,
  toFhirDiagnosticReport,
} from './fhir-diagnostic-report.js';
import { applyObservationFilters, observationSearchParameters, toFhirObservation } from './fhir-observation.js';
import { applyPatientFilters, patientSearchParameters, toFhirPatient } from './fhir-patient.js';
import { readSearchRequest, type SearchRequest } from './fhir-search.js';
import {
  applyServiceRequestFilters,
  serviceRequestSearchParameters,
  toFhirServiceRequest,
} from './fhir-service-request.js';
import { applySpecimenFilters, specimenSearchParameters, toFhirSpecimen } from './fhir-specimen.js';
import { SqlWhere } from './fhir-sql.js';
import type { FhirResource } from './fhir-types.js';

export const fhirResourceTypes = ['Patient', 'ServiceRequest', 'Specimen', 'Observation', 'DiagnosticReport'] as const;
export type FhirResourceType = (typeof fhirResourceTypes)[number];

export function isFhirResourceType(value: string): value is FhirResourceType {
  return (fhirResourceTypes as readonly string[]).includes(value);
}

interface ResourceSearch {
  parameters: readonly string[];
  /** Reports carry their PDF: smaller pages. */
  maxCount: number;
  run(
    tx: Queryable,
    search: SearchRequest,
    where: SqlWhere
  ): Promise<{ resources: FhirResource[]; patientIds: string[]; total: number }>;
}

async function mapped<Row extends { patient_id: string }>(
  page: Promise<repo.PageOf<Row>>,
  map: (row: Row) => FhirResource
): Promise<{ resources: FhirResource[]; patientIds: string[]; total: number }> {
  const { rows, total } = await page;
  return { resources: rows.map(map), patientIds: patientIdsOf(rows), total };
}

const searches: Record<FhirResourceType, ResourceSearch> = {
  Patient: {
    parameters: patientSearchParameters,
    maxCount: 200,
    run: (tx, search, where) => {
      applyPatientFilters(search, where);
      return mapped(repo.searchPatients(tx, where, search), toFhirPatient);
    },
  },
  ServiceRequest: {
    parameters: serviceRequestSearchParameters,
    maxCount: 200,
    run: (tx, search, where) => {
      applyServiceRequestFilters(search, where);
      return mapped(repo.searchServiceRequests(tx, where, search), toFhirServiceRequest);
    },
  },
  Specimen: {
    parameters: specimenSearchParameters,
    maxCount: 200,
    run: (tx, search, where) => {
      applySpecimenFilters(search, where);
      return mapped(repo.searchSpecimens(tx, where, search), toFhirSpecimen);
    },
  },
  Observation: {
    parameters: observationSearchParameters,
    maxCount: 500,
    run: (tx, search, where) => {
      applyObservationFilters(search, where);
      return mapped(repo.searchObservations(tx, where, search), toFhirObservation);
    },
  },
  DiagnosticReport: {
    parameters: diagnosticReportSearchParameters,
    maxCount: 50,
    run: async (tx, search, where) => {
      applyDiagnosticReportFilters(search, where);
      const { rows, total } = await repo.searchDiagnosticReports(tx, where, search);
      const pdfs = await repo.reportPdfs(
        tx,
        rows.map((r) => r.id)
      );
      const lab = await repo.findLab(tx);
      return {
        resources: rows.map((row) => toFhirDiagnosticReport(row, lab, pdfs.get(row.id) ?? Buffer.alloc(0))),
        patientIds: patientIdsOf(rows),
        total,
      };
    },
  },
};

export interface SearchResult {
  resources: FhirResource[];
  total: number;
  count: number;
  offset: number;
  /** The parameters as understood (each occurrence), to rebuild the paging links. */
  params: Map<string, string[]>;
}

const defaultCount = 50;

export class FhirService {
  constructor(private readonly database: Database) {}

  async read(type: FhirResourceType, id: string, context: AuditContext): Promise<FhirResource> {
    const definition = searches[type];
    const search: SearchRequest = { params: new Map([['_id', [id]]]), count: 1, offset: 0 };
    const where = new SqlWhere();
    applyCommonFilters(search, where);
    return this.database.transaction(async (tx) => {
      const found = await definition.run(tx, search, where);
      const resource = found.resources[0];
      if (resource === undefined) {
        throw new SillageError('SIL_FHIR_RESOURCE_NOT_FOUND', { detail: `${type}/${id}` });
      }
      await writeAuditEvent(tx, context, {
        action: 'fhir.read',
        entityType: type,
        entityId: id,
        patientId: found.patientIds[0] ?? null,
      });
      return resource;
    });
  }

  async search(type: FhirResourceType, query: unknown, context: AuditContext): Promise<SearchResult> {
    const definition = searches[type];
    const search = readSearchRequest(query, definition.parameters, { defaultCount, maxCount: definition.maxCount });
    const where = new SqlWhere();
    applyCommonFilters(search, where);
    return this.database.transaction(async (tx) => {
      const found = await definition.run(tx, search, where);
      // A search is an access too: which patients' data it returned (one patient: linked to them).
      await writeAuditEvent(tx, context, {
        action: 'fhir.search',
        entityType: type,
        patientId: found.patientIds.length === 1 ? (found.patientIds[0] ?? null) : null,
        after: {
          query: Object.fromEntries(search.params),
          count: search.count,
          offset: search.offset,
          total: found.total,
          ids: found.resources.map((r) => r.id),
          patientIds: found.patientIds,
        },
      });
      return {
        resources: found.resources,
        total: found.total,
        count: search.count,
        offset: search.offset,
        params: search.params,
      };
    });
  }
}
