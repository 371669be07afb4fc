import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import {
  orderAnalysesChangeSchema,
  orderCreateSchema,
  orderIdParamsSchema,
  orderListQuerySchema,
  orderSummarySchema,
  orderViewSchema,
  orderWithWarningsSchema,
} from './orders.schemas.js';
import { prescriptionRoutes } from './prescriptions.routes.js';
import { specimenRoutes } from './specimens.routes.js';

const tags = ['orders'];

const labelsQuerySchema = z.strictObject({
  format: z.enum(['label50x25', 'a4']).default('label50x25'),
  /** Reprint one tube's label. */
  barcode: z.string().trim().min(1).max(32).optional(),
});

export const orderRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const orders = services.orders;

  app.post(
    '/api/orders',
    {
      config: { access: 'orders.write' },
      schema: {
        tags,
        summary: 'Enregistrer une demande : numéro, tubes, résultats attendus, avertissements de faisabilité',
        body: orderCreateSchema,
        response: { 201: orderWithWarningsSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await orders.create(request.body, request.siteId, auditContextOf(request)))
  );

  app.get(
    '/api/orders',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: 'Dossiers du jour (ou d’un patient), statut dérivé',
        querystring: orderListQuerySchema,
        response: { 200: z.object({ items: z.array(orderSummarySchema) }) },
      },
    },
    async (request) => ({ items: await orders.list(request.query, auditContextOf(request)) })
  );

  app.get(
    '/api/orders/:id',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: 'Dossier : patient, prescripteur, analyses, tubes, résultats (accès tracé)',
        params: orderIdParamsSchema,
        response: { 200: orderViewSchema },
      },
    },
    async (request) => orders.read(request.params.id, auditContextOf(request))
  );

  app.post(
    '/api/orders/:id/analyses',
    {
      config: { access: 'orders.write' },
      schema: {
        tags,
        summary: 'Ajouter ou annuler des analyses (annulation motivée, impossible après validation)',
        params: orderIdParamsSchema,
        body: orderAnalysesChangeSchema,
        response: { 200: orderWithWarningsSchema },
      },
    },
    async (request) => orders.changeAnalyses(request.params.id, request.body, auditContextOf(request))
  );

  app.get(
    '/api/orders/:id/labels',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: 'Étiquettes des tubes en PDF (imprimante 50 × 25 mm ou planche A4 de 3 × 8)',
        params: orderIdParamsSchema,
        querystring: labelsQuerySchema,
      },
    },
    async (request, reply) => {
      const labels = await orders.labels.render(request.params.id, request.query, auditContextOf(request));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${labels.filename}"`)
        .header('cache-control', 'no-store')
        .send(labels.pdf);
    }
  );

  await app.register(prescriptionRoutes, { services });
  await app.register(specimenRoutes, { services });
};
