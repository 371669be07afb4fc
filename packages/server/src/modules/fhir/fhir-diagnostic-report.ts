/**
 * DiagnosticReport: one per stored report version, the signed PDF as presentedForm (the stored
 * bytes, with their SHA-1 as FHIR Attachment.hash requires). Status: partial, final (complete) or
 * amended. A search returns the current version of each order unless `_id` names another.
 */
import { createHash } from 'node:crypto';
import type { FhirDiagnosticReportRow, FhirLabRow } from './fhir.repository.js';
import { parseDateValue, parseTokens, type SearchRequest } from './fhir-search.js';
import { instantCondition, tokenCondition, type SqlWhere } from './fhir-sql.js';
import {
  diagnosticServiceSectionSystem,
  finessSystem,
  laboratoryReportCode,
  loincSystem,
  orderNumberSystem,
  reportIdentifierSystem,
} from './fhir-systems.js';
import type { DiagnosticReport } from './fhir-types.js';

export const diagnosticReportSearchParameters = [
  '_id',
  'patient',
  'subject',
  'identifier',
  'code',
  'date',
  'status',
] as const;

export function toFhirDiagnosticReport(row: FhirDiagnosticReportRow, lab: FhirLabRow, pdf: Buffer): DiagnosticReport {
  const report: DiagnosticReport = {
    resourceType: 'DiagnosticReport',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.created_at.toISOString() },
    identifier: [
      { use: 'official', system: reportIdentifierSystem, value: `${row.order_number}-v${row.version}` },
      { use: 'usual', system: orderNumberSystem, value: row.order_number },
    ],
    basedOn: row.request_ids.map((id) => ({ reference: `ServiceRequest/${id}` })),
    status: row.status,
    category: [{ coding: [{ system: diagnosticServiceSectionSystem, code: 'LAB', display: 'Laboratory' }] }],
    code: { coding: [laboratoryReportCode], text: 'Compte rendu d’examens de biologie médicale' },
    subject: { reference: `Patient/${row.patient_id}`, display: row.patient_name },
    issued: row.created_at.toISOString(),
    performer: [
      {
        display: lab.name,
        // IdNat_Struct of a FINESS-registered structure: "1" + FINESS (ANS; CDA CR-BIO example).
        ...(lab.finess === null ? {} : { identifier: { system: finessSystem, value: `1${lab.finess}` } }),
      },
    ],
    resultsInterpreter: row.interpreters.map((name) => ({ display: name })),
    specimen: row.specimen_ids.map((id) => ({ reference: `Specimen/${id}` })),
    result: row.result_versions.map((v) => ({ reference: `Observation/${v.resultId}` })),
    presentedForm: [
      {
        contentType: 'application/pdf',
        language: 'fr-FR',
        data: pdf.toString('base64'),
        size: pdf.length,
        hash: createHash('sha1').update(pdf).digest('base64'),
        title: `Compte rendu ${row.order_number} version ${row.version}`,
        creation: row.created_at.toISOString(),
      },
    ],
  };
  if (row.effective_at !== null) {
    report.effectiveDateTime = row.effective_at.toISOString();
  }
  if (row.amendment_reason !== null) {
    report.conclusion = `Compte rendu modifié (remplace la version ${row.version - 1}) : ${row.amendment_reason}`;
  }
  return report;
}

export function applyDiagnosticReportFilters(search: SearchRequest, where: SqlWhere): void {
  if (!search.params.has('_id')) {
    where.and('f.current');
  }
  for (const raw of search.params.get('identifier') ?? []) {
    where.and(
      tokenCondition(parseTokens('identifier', raw), (token) => {
        if (token.system === null || token.system === orderNumberSystem) {
          return `f.order_number = ${where.bind(token.code)}`;
        }
        return token.system === reportIdentifierSystem
          ? `(f.order_number || '-v' || f.version) = ${where.bind(token.code)}`
          : null;
      })
    );
  }
  for (const raw of search.params.get('code') ?? []) {
    where.and(
      tokenCondition(parseTokens('code', raw), (token) =>
        (token.system === null || token.system === loincSystem) && token.code === laboratoryReportCode.code
          ? 'true'
          : null
      )
    );
  }
  for (const raw of search.params.get('date') ?? []) {
    where.and(instantCondition(where, 'f.effective_at', parseDateValue('date', raw)));
  }
}
