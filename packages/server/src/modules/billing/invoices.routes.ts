import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import {
  creditNoteCreateSchema,
  fseSentSchema,
  invoiceCreateSchema,
  invoiceIdParamsSchema,
  invoiceListQuerySchema,
  invoiceListItemSchema,
  invoiceViewSchema,
  orderIdParamsSchema,
} from './invoices.schemas.js';

const tags = ['facturation'];

export const invoiceRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const invoices = services.billing.invoices;

  app.post(
    '/api/orders/:orderId/invoice',
    {
      config: { access: 'billing.invoice' },
      schema: {
        tags,
        summary: 'Facturer un dossier : cotation NABM, parts AMO/AMC/patient, numéro sans trou (ou brouillon)',
        params: orderIdParamsSchema,
        body: invoiceCreateSchema,
        response: { 201: invoiceViewSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invoices.create(request.params.orderId, request.body, auditContextOf(request)))
  );

  app.get(
    '/api/invoices',
    {
      config: { access: 'billing.invoice' },
      schema: {
        tags,
        summary: 'Factures et avoirs (par dossier, patient, jour des actes ou statut), avec le nom du patient',
        querystring: invoiceListQuerySchema,
        response: { 200: z.object({ items: z.array(invoiceListItemSchema) }) },
      },
    },
    async (request) => {
      const { date, ...rest } = request.query;
      return { items: await invoices.list({ ...rest, actsDate: date }, auditContextOf(request)) };
    }
  );

  app.get(
    '/api/invoices/:id',
    {
      config: { access: 'billing.invoice' },
      schema: {
        tags,
        summary: 'Facture ou avoir, lignes et paiements (accès tracé)',
        params: invoiceIdParamsSchema,
        response: { 200: invoiceViewSchema },
      },
    },
    async (request) => invoices.read(request.params.id, auditContextOf(request))
  );

  app.post(
    '/api/invoices/:id/issue',
    {
      config: { access: 'billing.invoice' },
      schema: {
        tags,
        summary: 'Émettre un brouillon : recotation et numéro sans trou',
        params: invoiceIdParamsSchema,
        response: { 200: invoiceViewSchema },
      },
    },
    async (request) => invoices.issue(request.params.id, auditContextOf(request))
  );

  app.post(
    '/api/invoices/:id/credit-note',
    {
      config: { access: 'billing.invoice' },
      schema: {
        tags,
        summary: 'Annuler une facture émise par un avoir (motif obligatoire) ; le dossier peut être refacturé',
        params: invoiceIdParamsSchema,
        body: creditNoteCreateSchema,
        response: { 201: invoiceViewSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invoices.creditNote(request.params.id, request.body.reason, auditContextOf(request)))
  );

  app.post(
    '/api/invoices/:id/fse-sent',
    {
      config: { access: 'billing.invoice' },
      schema: {
        tags,
        summary: 'Noter la télétransmission de la FSE par le logiciel certifié du laboratoire',
        params: invoiceIdParamsSchema,
        body: fseSentSchema,
        response: { 200: invoiceViewSchema },
      },
    },
    async (request) => invoices.markFseSent(request.params.id, request.body.batch, auditContextOf(request))
  );

  app.get(
    '/api/invoices/:id/fse',
    {
      config: { access: 'billing.invoice' },
      schema: {
        tags,
        summary:
          'Données préparées pour la FSE (JSON documenté, FSE-EXPORT.md) — Sillage n’est pas un module agréé SESAM-Vitale',
        params: invoiceIdParamsSchema,
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await invoices.fseExport(request.params.id, auditContextOf(request)))
  );

  for (const [suffix, kind, summary] of [
    ['pdf', 'invoice', 'Facture (ou avoir) en PDF'],
    ['receipt.pdf', 'receipt', 'Reçu des paiements en PDF'],
  ] as const) {
    app.get(
      `/api/invoices/:id/${suffix}`,
      {
        config: { access: 'billing.invoice' },
        schema: { tags, summary, params: invoiceIdParamsSchema },
      },
      async (request, reply) => {
        const document = await invoices.pdf(request.params.id, kind, auditContextOf(request));
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${document.filename}"`)
          .header('cache-control', 'no-store')
          .send(document.pdf);
      }
    );
  }
};
