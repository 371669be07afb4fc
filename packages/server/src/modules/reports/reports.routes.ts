import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import {
  deliveryCreateSchema,
  deliverySchema,
  orderParamsSchema,
  reportIssueSchema,
  reportParamsSchema,
  reportSchema,
} from './reports.schemas.js';

const tags = ['reports'];

export const reportRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const reports = services.reports;

  app.post(
    '/api/orders/:orderId/reports',
    {
      // Issuing is releasing what the biologist validated: the biologist, or the desk on their behalf.
      config: { access: 'reports.deliver' },
      schema: {
        tags,
        summary: 'Émettre la version suivante du compte rendu (partiel, complet ou modifié)',
        params: orderParamsSchema,
        body: reportIssueSchema,
        response: { 201: reportSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reports.issue(request.params.orderId, request.body ?? {}, auditContextOf(request)))
  );

  app.get(
    '/api/orders/:orderId/reports',
    {
      config: { access: 'reports.read' },
      schema: {
        tags,
        summary: 'Versions du compte rendu d’un dossier',
        params: orderParamsSchema,
        response: { 200: z.object({ items: z.array(reportSchema) }) },
      },
    },
    async (request) => ({ items: await reports.list(request.params.orderId) })
  );

  app.get(
    '/api/reports/:id/pdf',
    {
      config: { access: 'reports.read' },
      schema: {
        tags,
        summary: 'PDF du compte rendu, octets conservés à l’émission (accès tracé)',
        params: reportParamsSchema,
      },
    },
    async (request, reply) => {
      const { report, pdf } = await reports.readPdf(request.params.id, auditContextOf(request));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="compte-rendu-v${report.version}-${report.id}.pdf"`)
        .header('etag', `"${report.sha256}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    }
  );

  app.post(
    '/api/reports/:id/deliveries',
    {
      config: { access: 'reports.deliver' },
      schema: {
        tags,
        summary: 'Tracer une remise (guichet avec contrôle d’identité, courrier, prescripteur…)',
        params: reportParamsSchema,
        body: deliveryCreateSchema,
        response: { 201: deliverySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reports.deliver(request.params.id, request.body, auditContextOf(request)))
  );

  app.get(
    '/api/reports/:id/deliveries',
    {
      config: { access: 'reports.read' },
      schema: {
        tags,
        summary: 'Journal des remises d’une version',
        params: reportParamsSchema,
        response: { 200: z.object({ items: z.array(deliverySchema) }) },
      },
    },
    async (request) => ({ items: await reports.listDeliveries(request.params.id) })
  );
};
