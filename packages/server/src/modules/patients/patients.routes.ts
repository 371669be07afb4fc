import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import {
  duplicateCheckSchema,
  idParamsSchema,
  mergeSchema,
  patientCreateSchema,
  patientSchema,
  patientSummarySchema,
  patientUpdateSchema,
  searchQuerySchema,
} from './patients.schemas.js';

const tags = ['patients'];

export const patientRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const patients = services.patients;

  app.get(
    '/api/patients',
    {
      config: { access: 'patients.read' },
      schema: {
        tags,
        summary: 'Rechercher : « DUPONT 12/03/1965 », un NIR ou un numéro patient',
        querystring: searchQuerySchema,
        response: { 200: z.object({ items: z.array(patientSummarySchema) }) },
      },
    },
    async (request) => ({
      items: await patients.search(request.query.q, request.query.limit, auditContextOf(request)),
    })
  );

  app.post(
    '/api/patients/duplicates',
    {
      config: { access: 'patients.read' },
      schema: {
        tags,
        summary: 'Doublons potentiels (vérification pendant la saisie)',
        body: duplicateCheckSchema,
        response: {
          200: z.object({ items: z.array(z.object({ patient: patientSummarySchema, reasons: z.array(z.string()) })) }),
        },
      },
    },
    async (request) => ({ items: await patients.findDuplicates(request.body) })
  );

  app.post(
    '/api/patients',
    {
      config: { access: 'patients.write' },
      schema: { tags, summary: 'Créer un patient', body: patientCreateSchema, response: { 201: patientSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await patients.create(request.body, request.siteId, auditContextOf(request)))
  );

  app.get(
    '/api/patients/:id',
    {
      config: { access: 'patients.read' },
      schema: {
        tags,
        summary: 'Dossier patient (accès tracé)',
        params: idParamsSchema,
        response: { 200: patientSchema },
      },
    },
    async (request) => patients.read(request.params.id, auditContextOf(request))
  );

  app.patch(
    '/api/patients/:id',
    {
      config: { access: 'patients.write' },
      schema: {
        tags,
        summary: 'Modifier l’identité (version obligatoire)',
        params: idParamsSchema,
        body: patientUpdateSchema,
        response: { 200: patientSchema },
      },
    },
    async (request) => patients.update(request.params.id, request.body, auditContextOf(request))
  );

  app.post(
    '/api/patients/merge',
    {
      config: { access: 'patients.merge' },
      schema: {
        tags,
        summary: 'Fusionner deux dossiers (motif obligatoire)',
        body: mergeSchema,
        response: { 200: patientSchema },
      },
    },
    async (request) =>
      patients.merge(request.body.sourceId, request.body.targetId, request.body.reason, auditContextOf(request))
  );
};
