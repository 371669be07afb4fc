import { quoteRequestSchema, quoteResponseSchema } from '@sillage/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';

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
    async (request) => services.billing.quote(request.body)
  );
};
