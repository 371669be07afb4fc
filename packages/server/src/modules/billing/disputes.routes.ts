import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import { patientIdParamsSchema } from './coverage.schemas.js';
import {
  disputeIdParamsSchema,
  disputeListQuerySchema,
  disputeListSchema,
  disputeResolveSchema,
  disputeUpdateSchema,
  disputeViewSchema,
  returnsImportAnswerSchema,
  returnsImportQuerySchema,
} from './disputes.schemas.js';

const tags = ['litiges'];
/** A day of NOEMIE returns for a large lab stays well below this. */
const returnsBodyLimit = 16 * 1024 * 1024;

export const disputeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const disputes = services.billing.disputes;

  // The CSV form of the returns is posted as is (text/csv); only this plugin's routes accept it.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: returnsBodyLimit }, (_request, body, done) => {
    done(null, body);
  });

  app.post(
    '/api/billing/returns',
    {
      config: { access: 'billing.disputes' },
      bodyLimit: returnsBodyLimit,
      schema: {
        tags,
        summary:
          'Importer des retours de remboursement (RSP NOEMIE, CSV text/csv ou JSON, RETURNS-FORMAT.md) : tout ou rien',
        querystring: returnsImportQuerySchema,
        response: { 201: returnsImportAnswerSchema },
      },
    },
    async (request, reply) => {
      const contentType = request.headers['content-type'] ?? '';
      const format = contentType.startsWith('text/csv') ? 'csv' : 'json';
      const summary = await disputes.importReturns(
        { filename: request.query.filename, format, content: request.body },
        auditContextOf(request)
      );
      return reply.status(201).send(summary);
    }
  );

  app.get(
    '/api/disputes',
    {
      config: { access: 'billing.disputes' },
      schema: {
        tags,
        summary: 'Litiges (ouverts par défaut) avec balance âgée : 0–30, 31–60, 61–90, > 90 jours',
        querystring: disputeListQuerySchema,
        response: { 200: disputeListSchema },
      },
    },
    async (request) => disputes.list(request.query, auditContextOf(request))
  );

  app.get(
    '/api/disputes/:id',
    {
      config: { access: 'billing.disputes' },
      schema: { tags, summary: 'Un litige', params: disputeIdParamsSchema, response: { 200: disputeViewSchema } },
    },
    async (request) => disputes.read(request.params.id, auditContextOf(request))
  );

  app.patch(
    '/api/disputes/:id',
    {
      config: { access: 'billing.disputes' },
      schema: {
        tags,
        summary: 'Attribuer un litige ou changer son échéance',
        params: disputeIdParamsSchema,
        body: disputeUpdateSchema,
        response: { 200: disputeViewSchema },
      },
    },
    async (request) => disputes.update(request.params.id, request.body, auditContextOf(request))
  );

  app.post(
    '/api/disputes/:id/resolve',
    {
      config: { access: 'billing.disputes' },
      schema: {
        tags,
        summary: 'Résoudre : corrigé et renvoyé, facturé au patient (dû à la caisse) ou abandonné — motif obligatoire',
        params: disputeIdParamsSchema,
        body: disputeResolveSchema,
        response: { 200: disputeViewSchema },
      },
    },
    async (request) => disputes.resolve(request.params.id, request.body, auditContextOf(request))
  );

  app.get(
    '/api/patients/:id/statement.pdf',
    {
      config: { access: 'billing.disputes' },
      schema: { tags, summary: 'Relevé de compte patient en PDF (accès tracé)', params: patientIdParamsSchema },
    },
    async (request, reply) => {
      const document = await disputes.statementPdf(request.params.id, auditContextOf(request));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${document.filename}"`)
        .header('cache-control', 'no-store')
        .send(document.pdf);
    }
  );
};
