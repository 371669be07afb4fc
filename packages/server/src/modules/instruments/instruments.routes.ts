/**
 * Routes of the instrument screens: link profiles with their live status, code mappings, the
 * message logs (raw view with control characters visible), the error queue with replay, the
 * orphan list with assignment, QC runs. The links themselves start when the server starts
 * listening and stop when it closes (Fastify onListen / onClose hooks).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import {
  assignSchema,
  idParamsSchema,
  inboundDetailSchema,
  inboundSummarySchema,
  instrumentCreateSchema,
  instrumentDetailSchema,
  instrumentSchema,
  instrumentUpdateSchema,
  mappingCreateSchema,
  mappingParamsSchema,
  mappingSchema,
  mappingUpdateSchema,
  messageIdParamsSchema,
  messageListQuerySchema,
  outboundListQuerySchema,
  outboundSummarySchema,
  processingOutcomeSchema,
  qcRunQuerySchema,
  qcRunSchema,
  replaySchema,
} from './instruments.schemas.js';

const tags = ['instruments'];

function outcomeView(result: {
  id: number;
  status: string;
  errorCode: string | null;
  errorDetail: string | null;
  outcome: unknown;
}) {
  return {
    id: result.id,
    status: result.status as 'received' | 'processed' | 'error' | 'orphan',
    errorCode: result.errorCode,
    errorDetail: result.errorDetail,
    outcome: result.outcome,
  };
}

export const instrumentRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const instruments = services.instruments;

  app.addHook('onListen', async () => {
    const started = await instruments.startLinks({ logger: app.log });
    app.log.info(started ? 'liaisons automates démarrées' : 'liaisons automates confiées au processus connect');
  });
  app.addHook('onClose', async () => instruments.stopLinks());

  app.get(
    '/api/instruments',
    {
      config: { access: 'instruments.read' },
      schema: {
        tags,
        summary: 'Automates et partenaires, avec l’état des liaisons',
        response: { 200: z.object({ items: z.array(instrumentSchema) }) },
      },
    },
    async () => ({ items: await instruments.list() })
  );

  app.post(
    '/api/instruments',
    {
      config: { access: 'instruments.manage' },
      schema: {
        tags,
        summary: 'Créer un profil de liaison',
        body: instrumentCreateSchema,
        response: { 201: instrumentSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await instruments.create(request.body, auditContextOf(request)))
  );

  app.get(
    '/api/instruments/:id',
    {
      config: { access: 'instruments.read' },
      schema: {
        tags,
        summary: 'Profil, état et correspondances',
        params: idParamsSchema,
        response: { 200: instrumentDetailSchema },
      },
    },
    async (request) => instruments.read(request.params.id)
  );

  app.patch(
    '/api/instruments/:id',
    {
      config: { access: 'instruments.manage' },
      schema: {
        tags,
        summary: 'Modifier un profil (la liaison redémarre)',
        params: idParamsSchema,
        body: instrumentUpdateSchema,
        response: { 200: instrumentSchema },
      },
    },
    async (request) => instruments.update(request.params.id, request.body, auditContextOf(request))
  );

  app.get(
    '/api/instruments/:id/mappings',
    {
      config: { access: 'instruments.read' },
      schema: {
        tags,
        summary: 'Correspondances code automate → analyte',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(mappingSchema) }) },
      },
    },
    async (request) => ({ items: await instruments.listMappings(request.params.id) })
  );

  app.post(
    '/api/instruments/:id/mappings',
    {
      config: { access: 'instruments.manage' },
      schema: {
        tags,
        summary: 'Ajouter une correspondance',
        params: idParamsSchema,
        body: mappingCreateSchema,
        response: { 201: mappingSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await instruments.createMapping(request.params.id, request.body, auditContextOf(request)))
  );

  app.put(
    '/api/instruments/:id/mappings/:mappingId',
    {
      config: { access: 'instruments.manage' },
      schema: {
        tags,
        summary: 'Modifier une correspondance',
        params: mappingParamsSchema,
        body: mappingUpdateSchema,
        response: { 200: mappingSchema },
      },
    },
    async (request) =>
      instruments.updateMapping(request.params.id, request.params.mappingId, request.body, auditContextOf(request))
  );

  app.delete(
    '/api/instruments/:id/mappings/:mappingId',
    {
      config: { access: 'instruments.manage' },
      schema: { tags, summary: 'Supprimer une correspondance', params: mappingParamsSchema },
    },
    async (request, reply) => {
      await instruments.deleteMapping(request.params.id, request.params.mappingId, auditContextOf(request));
      return reply.status(204).send();
    }
  );

  app.get(
    '/api/instrument-messages',
    {
      config: { access: 'instruments.read' },
      schema: {
        tags,
        summary: 'Journal des messages reçus (statut : received, processed, error = file des erreurs, orphan)',
        querystring: messageListQuerySchema,
        response: { 200: z.object({ items: z.array(inboundSummarySchema) }) },
      },
    },
    async (request) => ({ items: await instruments.listMessages(request.query) })
  );

  app.get(
    '/api/instrument-messages/errors',
    {
      config: { access: 'instruments.read' },
      schema: {
        tags,
        summary: 'File des erreurs (à corriger puis rejouer)',
        querystring: messageListQuerySchema.omit({ status: true }),
        response: { 200: z.object({ items: z.array(inboundSummarySchema) }) },
      },
    },
    async (request) => ({ items: await instruments.listMessages({ ...request.query, status: 'error' }) })
  );

  app.get(
    '/api/instrument-messages/orphans',
    {
      config: { access: 'instruments.read' },
      schema: {
        tags,
        summary: 'Messages orphelins (échantillon inconnu, à rattacher)',
        querystring: messageListQuerySchema.omit({ status: true }),
        response: { 200: z.object({ items: z.array(inboundSummarySchema) }) },
      },
    },
    async (request) => ({ items: await instruments.listMessages({ ...request.query, status: 'orphan' }) })
  );

  app.get(
    '/api/instrument-messages/outbound',
    {
      config: { access: 'instruments.read' },
      schema: {
        tags,
        summary: 'Journal des messages envoyés (accusés, réponses, ordres de travail)',
        querystring: outboundListQuerySchema,
        response: { 200: z.object({ items: z.array(outboundSummarySchema) }) },
      },
    },
    async (request) => ({ items: await instruments.listOutbound(request.query) })
  );

  app.get(
    '/api/instrument-messages/:id',
    {
      config: { access: 'instruments.read' },
      schema: {
        tags,
        summary: 'Un message : octets bruts (caractères de contrôle visibles), texte, traitement (accès tracé)',
        params: messageIdParamsSchema,
        response: { 200: inboundDetailSchema },
      },
    },
    async (request) => instruments.readMessage(request.params.id, auditContextOf(request))
  );

  app.post(
    '/api/instrument-messages/:id/replay',
    {
      config: { access: 'instruments.manage' },
      schema: {
        tags,
        summary: 'Rejouer un message en erreur ou orphelin',
        params: messageIdParamsSchema,
        body: replaySchema,
        response: { 200: processingOutcomeSchema },
      },
    },
    async (request) =>
      outcomeView(await instruments.replay(request.params.id, request.body.reason ?? null, auditContextOf(request)))
  );

  app.post(
    '/api/instrument-messages/:id/assign',
    {
      config: { access: 'instruments.manage' },
      schema: {
        tags,
        summary: 'Rattacher un échantillon inconnu à un tube, puis rejouer',
        params: messageIdParamsSchema,
        body: assignSchema,
        response: { 200: processingOutcomeSchema },
      },
    },
    async (request) => outcomeView(await instruments.assign(request.params.id, request.body, auditContextOf(request)))
  );

  app.get(
    '/api/qc-runs',
    {
      config: { access: 'instruments.read' },
      schema: {
        tags,
        summary: 'Passages de contrôles qualité reçus des automates',
        querystring: qcRunQuerySchema,
        response: { 200: z.object({ items: z.array(qcRunSchema) }) },
      },
    },
    async (request) => ({ items: await instruments.listQcRuns(request.query) })
  );
};
