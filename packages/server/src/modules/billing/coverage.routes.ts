import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import { coverageNotice } from './coverage.service.js';
import {
  coverageAnswerSchema,
  coverageInputSchema,
  coverageViewSchema,
  patientIdParamsSchema,
} from './coverage.schemas.js';

const tags = ['facturation'];

export const coverageRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const coverage = services.billing.coverage;

  app.get(
    '/api/patients/:id/coverage',
    {
      config: { access: 'billing.invoice' },
      schema: {
        tags,
        summary: 'Couverture AMO / AMC du patient (accès tracé), droits vérifiés à ce jour',
        params: patientIdParamsSchema,
        response: { 200: coverageAnswerSchema },
      },
    },
    async (request) => ({
      patientId: request.params.id,
      coverage: await coverage.read(request.params.id, auditContextOf(request)),
      notice: coverageNotice,
    })
  );

  app.put(
    '/api/patients/:id/coverage',
    {
      config: { access: 'billing.invoice' },
      schema: {
        tags,
        summary: 'Saisir ou remplacer la couverture (saisie manuelle : Sillage ne lit pas la carte Vitale)',
        params: patientIdParamsSchema,
        body: coverageInputSchema,
        response: { 200: coverageViewSchema },
      },
    },
    async (request) => coverage.replace(request.params.id, request.body, auditContextOf(request))
  );
};
