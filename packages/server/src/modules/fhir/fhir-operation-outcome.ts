/**
 * Errors answered as FHIR OperationOutcome (R4 §3.1.0.4: "servers SHOULD return an
 * OperationOutcome" with 4xx/5xx), carrying the stable SIL_ code in `details` so clients of the
 * REST API and of the FHIR facade read the same codes.
 */
import { errorCatalog, type Locale, type SillageError } from '@sillage/core';
import { errorCodeSystem } from './fhir-systems.js';
import type { OperationOutcome } from './fhir-types.js';

export const fhirJsonType = 'application/fhir+json; charset=utf-8';

/** IssueType (http://hl7.org/fhir/issue-type) of an error. */
function issueTypeOf(error: SillageError): string {
  if (error.code === 'SIL_FHIR_SEARCH_PARAMETER_UNKNOWN' || error.code === 'SIL_FHIR_FORMAT_UNSUPPORTED') {
    return 'not-supported';
  }
  switch (error.status) {
    case 400:
    case 422:
      return 'invalid';
    case 401:
      return 'login';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 429:
      return 'throttled';
    default:
      return error.status >= 500 ? 'exception' : 'processing';
  }
}

export function operationOutcomeOf(error: SillageError, locale: Locale): OperationOutcome {
  const title = errorCatalog[error.code][locale];
  const diagnostics = [error.detail, ...error.issues.map((i) => `${i.path} : ${i.message}`)]
    .filter((d): d is string => d !== undefined && d !== '')
    .join(' ; ');
  const paths = error.issues.map((i) => i.path);
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: error.status >= 500 ? 'fatal' : 'error',
        code: issueTypeOf(error),
        details: { coding: [{ system: errorCodeSystem, code: error.code, display: title }], text: title },
        ...(diagnostics === '' ? {} : { diagnostics }),
        ...(paths.length === 0 ? {} : { expression: paths }),
      },
    ],
  };
}
