/**
 * The one catalog of Sillage error codes (Fastify-style: stable code, message, HTTP status).
 * Codes never change once shipped; the API answers them as application/problem+json (RFC 9457).
 * Messages are French first (the UI language), English second. Each domain keeps its section in
 * `sections/<domain>.errors.ts`; they are merged here, and a test checks no code is defined twice.
 */
import type { ErrorDefinition } from './error-definition.js';
import { platformErrors } from './sections/platform.errors.js';
import { identityErrors } from './sections/identity.errors.js';
import { instrumentErrors } from './sections/instrument.errors.js';
import { billingErrors } from './sections/billing.errors.js';
import { labErrors } from './sections/lab.errors.js';
import { ordersErrors } from './sections/orders.errors.js';
import { resultsErrors } from './sections/results.errors.js';
import { reportsErrors } from './sections/reports.errors.js';
import { fhirErrors } from './sections/fhir.errors.js';
import { catalogueErrors } from './sections/catalogue.errors.js';
import { connectErrors } from './sections/connect.errors.js';

export type { ErrorDefinition } from './error-definition.js';

export const errorSections = {
  platformErrors,
  identityErrors,
  instrumentErrors,
  billingErrors,
  labErrors,
  ordersErrors,
  resultsErrors,
  reportsErrors,
  fhirErrors,
  catalogueErrors,
  connectErrors,
} as const;

export const errorCatalog = {
  ...platformErrors,
  ...identityErrors,
  ...instrumentErrors,
  ...billingErrors,
  ...labErrors,
  ...ordersErrors,
  ...resultsErrors,
  ...reportsErrors,
  ...fhirErrors,
  ...catalogueErrors,
  ...connectErrors,
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof errorCatalog;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalog, code);
}
