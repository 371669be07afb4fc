import { quoteRequestSchema, quoteResponseSchema } from '@sillage/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { cashRoutes } from './cash.routes.js';
import { coverageRoutes } from './coverage.routes.js';
import { disputeRoutes } from './disputes.routes.js';
import { invoiceRoutes } from './invoices.routes.js';
import { nabmRoutes } from './nabm.routes.js';

export const billingRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/api/billing/quote',
    {
      config: { access: 'billing.quote' },
      schema: {
        tags: ['facturation'],
        summary: 'Devis au comptoir (sans effet) : cotation NABM, parts AMO/AMC/patient',
        body: quoteRequestSchema,
        response: { 200: quoteResponseSchema },
      },
    },
    async (request) => services.billing.quote(request.body, request.siteId)
  );

  // Issue 5 items 1, 3, 5, 6, 7: each its own encapsulated plugin (the returns import adds a text/csv parser).
  await app.register(coverageRoutes, { services });
  await app.register(invoiceRoutes, { services });
  await app.register(cashRoutes, { services });
  await app.register(disputeRoutes, { services });
  await app.register(nabmRoutes, { services });
};
