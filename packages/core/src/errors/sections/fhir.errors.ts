import type { ErrorDefinition } from '../error-definition.js';

/** FHIR R4 read and search facade (issue 3 item 11); answered as OperationOutcome. */
export const fhirErrors = {
  SIL_FHIR_RESOURCE_NOT_FOUND: { status: 404, fr: 'Ressource FHIR introuvable.', en: 'FHIR resource not found.' },
  SIL_FHIR_RESOURCE_TYPE_UNSUPPORTED: {
    status: 404,
    fr: 'Type de ressource FHIR non pris en charge par ce serveur.',
    en: 'FHIR resource type not supported by this server.',
  },
  SIL_FHIR_SEARCH_PARAMETER_UNKNOWN: {
    status: 400,
    fr: 'Paramètre de recherche FHIR non pris en charge pour ce type de ressource.',
    en: 'FHIR search parameter not supported for this resource type.',
  },
  SIL_FHIR_SEARCH_PARAMETER_INVALID: {
    status: 400,
    fr: 'Valeur de paramètre de recherche FHIR invalide.',
    en: 'Invalid FHIR search parameter value.',
  },
  SIL_FHIR_FORMAT_UNSUPPORTED: {
    status: 406,
    fr: 'Format non pris en charge : seul JSON (application/fhir+json) est servi.',
    en: 'Unsupported format: only JSON (application/fhir+json) is served.',
  },
} as const satisfies Record<string, ErrorDefinition>;
