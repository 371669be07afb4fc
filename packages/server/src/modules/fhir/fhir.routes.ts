/**
 * FHIR R4 read and search at /fhir/R4 (issue 3 item 11): session cookie or `Bearer` API token
 * (scope fhir.read) through the access plugin; JSON only (application/fhir+json); every error an
 * OperationOutcome, unknown resource types included.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { SillageError } from '@sillage/core';
import { toSillageError } from '../../http/error-handler.js';
import { auditContextOf, requestLocale } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import { searchsetBundle } from './fhir-bundle.js';
import { capabilityStatement } from './fhir-capability-statement.js';
import { fhirJsonType, operationOutcomeOf } from './fhir-operation-outcome.js';
import { FhirService, fhirResourceTypes } from './fhir.service.js';

const tags = ['fhir'];
const prefix = '/fhir/R4';
const startedAt = new Date().toISOString();

function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${prefix}`;
}

export const fhirRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const fhir = new FhirService(services.database);

  // Encapsulated: applies to the routes below, including errors raised by the access plugin's
  // onRequest hook for them (401, 403).
  app.setErrorHandler((error, request, reply) => {
    const sillageError = toSillageError(error);
    if (sillageError.code === 'SIL_INTERNAL') {
      request.log.error({ err: error, reqId: request.id }, 'erreur interne (FHIR)');
    }
    return reply
      .status(sillageError.status)
      .type(fhirJsonType)
      .send(operationOutcomeOf(sillageError, requestLocale(request)));
  });

  app.get(
    `${prefix}/metadata`,
    { config: { access: 'public' }, schema: { tags, summary: 'CapabilityStatement FHIR R4' } },
    async (request, reply) => reply.type(fhirJsonType).send(capabilityStatement(baseUrlOf(request), startedAt))
  );

  for (const type of fhirResourceTypes) {
    app.get(
      `${prefix}/${type}`,
      { config: { access: 'fhir.read' }, schema: { tags, summary: `Recherche ${type} (Bundle searchset)` } },
      async (request, reply) => {
        const result = await fhir.search(type, request.query, auditContextOf(request));
        return reply.type(fhirJsonType).send(searchsetBundle(baseUrlOf(request), type, result));
      }
    );
    app.get<{ Params: { id: string } }>(
      `${prefix}/${type}/:id`,
      { config: { access: 'fhir.read' }, schema: { tags, summary: `Lecture ${type} (accès tracé)` } },
      async (request, reply) =>
        reply.type(fhirJsonType).send(await fhir.read(type, request.params.id, auditContextOf(request)))
    );
  }

  // Anything else under the base: an OperationOutcome rather than the API's problem+json.
  app.get(`${prefix}/*`, { config: { access: 'fhir.read' }, schema: { hide: true } }, async () => {
    throw new SillageError('SIL_FHIR_RESOURCE_TYPE_UNSUPPORTED');
  });
};
