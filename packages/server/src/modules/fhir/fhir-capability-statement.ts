/**
 * The server's CapabilityStatement (`GET /fhir/R4/metadata`): read and search-type on the five
 * resource types, with the search parameters each one accepts (anything else is refused).
 */
import { sillageVersion } from '../../version.js';
import { diagnosticReportSearchParameters } from './fhir-diagnostic-report.js';
import { observationSearchParameters } from './fhir-observation.js';
import { patientSearchParameters } from './fhir-patient.js';
import { serviceRequestSearchParameters } from './fhir-service-request.js';
import { specimenSearchParameters } from './fhir-specimen.js';
import type { CapabilityStatement } from './fhir-types.js';

type SearchParamType = CapabilityStatement['rest'][number]['resource'][number]['searchParam'][number]['type'];

const parameterTypes: Record<string, SearchParamType> = {
  _id: 'token',
  identifier: 'token',
  requisition: 'token',
  accession: 'token',
  code: 'token',
  status: 'token',
  patient: 'reference',
  subject: 'reference',
  family: 'string',
  birthdate: 'date',
  authored: 'date',
  collected: 'date',
  date: 'date',
};

const resources: { type: string; parameters: readonly string[] }[] = [
  { type: 'Patient', parameters: patientSearchParameters },
  { type: 'ServiceRequest', parameters: serviceRequestSearchParameters },
  { type: 'Specimen', parameters: specimenSearchParameters },
  { type: 'Observation', parameters: observationSearchParameters },
  { type: 'DiagnosticReport', parameters: diagnosticReportSearchParameters },
];

export function capabilityStatement(baseUrl: string, publishedAt: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: publishedAt,
    publisher: 'Sillage',
    kind: 'instance',
    software: { name: 'Sillage', version: sillageVersion },
    implementation: { description: 'Sillage — SIL, façade FHIR R4 en lecture', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        security: {
          service: [
            {
              coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'Basic' }],
              text: 'Session (cookie) ou jeton d’API « Authorization: Bearer » avec la portée fhir.read',
            },
          ],
          description: 'Chaque lecture de données patient est tracée (journal d’audit).',
        },
        resource: resources.map(({ type, parameters }) => ({
          type,
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: [
            ...parameters.map((name) => ({ name, type: parameterTypes[name] ?? 'token' })),
            { name: '_count', type: 'number', documentation: 'taille de page (plafonnée)' },
            { name: '_offset', type: 'number', documentation: 'décalage de page' },
          ],
        })),
      },
    ],
  };
}
