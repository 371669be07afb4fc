import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import {
  closingCreateSchema,
  closingIdParamsSchema,
  closingListQuerySchema,
  closingViewSchema,
  deskDayQuerySchema,
  deskDaySchema,
  paymentAnswerSchema,
  paymentCreateSchema,
  refundCreateSchema,
} from './cash.schemas.js';
import { invoiceIdParamsSchema } from './invoices.schemas.js';

const tags = ['caisse'];

export const cashRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const cash = services.billing.cash;

  app.post(
    '/api/invoices/:id/payments',
    {
      config: { access: 'billing.cash' },
      schema: {
        tags,
        summary: 'Encaisser la part patient (espèces, carte, chèque, virement ; paiement partiel possible)',
        params: invoiceIdParamsSchema,
        body: paymentCreateSchema,
        response: { 201: paymentAnswerSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cash.pay(request.params.id, request.body, request.siteId, auditContextOf(request)))
  );

  app.post(
    '/api/invoices/:id/refunds',
    {
      config: { access: 'billing.cash' },
      schema: {
        tags,
        summary: 'Rembourser le patient (motif obligatoire)',
        params: invoiceIdParamsSchema,
        body: refundCreateSchema,
        response: { 201: paymentAnswerSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await cash.refund(request.params.id, request.body, request.siteId, auditContextOf(request)))
  );

  app.get(
    '/api/cash/day',
    {
      config: { access: 'billing.cash' },
      schema: {
        tags,
        summary: 'Journée d’une caisse : mouvements et montants attendus par mode de paiement',
        querystring: deskDayQuerySchema,
        response: { 200: deskDaySchema },
      },
    },
    async (request) => cash.deskDay(request.siteId, request.query.deskCode, request.query.date)
  );

  app.post(
    '/api/cash/closings',
    {
      config: { access: 'billing.cash' },
      schema: {
        tags,
        summary: 'Clôture journalière d’une caisse (compté contre attendu, rapport Z) — définitive',
        body: closingCreateSchema,
        response: { 201: closingViewSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cash.close(request.body, request.siteId, auditContextOf(request)))
  );

  app.get(
    '/api/cash/closings',
    {
      config: { access: 'billing.cash' },
      schema: {
        tags,
        summary: 'Clôtures de caisse du site',
        querystring: closingListQuerySchema,
        response: { 200: z.object({ items: z.array(closingViewSchema) }) },
      },
    },
    async (request) => ({ items: await cash.listClosings(request.siteId, request.query.date) })
  );

  app.get(
    '/api/cash/closings/:id/pdf',
    {
      config: { access: 'billing.cash' },
      schema: { tags, summary: 'Rapport Z en PDF (tel qu’archivé à la clôture)', params: closingIdParamsSchema },
    },
    async (request, reply) => {
      const document = await cash.closingPdf(request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${document.filename}"`)
        .header('cache-control', 'no-store')
        .send(document.pdf);
    }
  );
};
