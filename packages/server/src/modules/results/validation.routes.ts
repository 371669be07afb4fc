import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import {
  biologicalValidationAnswerSchema,
  biologicalValidationSchema,
  criticalNotificationSchema,
  criticalNotificationViewSchema,
  idParamsSchema,
  orderIdParamsSchema,
  queueItemSchema,
  queueQuerySchema,
  rerunSchema,
  reviewSchema,
  statusAnswerSchema,
  technicalValidationAnswerSchema,
  technicalValidationSchema,
} from './results.schemas.js';

/** Technical validation, critical-value calls, biological validation (queue, review, validate, rerun). */
export const validationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const results = services.results;

  app.post(
    '/api/results/validate-technical',
    {
      config: { access: 'results.validate_technical' },
      schema: {
        tags: ['résultats'],
        summary: 'Validation technique par résultat ou par tube (refusée si un résultat est incomplet)',
        body: technicalValidationSchema,
        response: { 200: technicalValidationAnswerSchema },
      },
    },
    async (request) => results.technicalValidation.validate(request.body, auditContextOf(request))
  );

  app.post(
    '/api/results/:id/critical-notification',
    {
      config: { access: 'results.validate_technical' },
      schema: {
        tags: ['résultats'],
        summary: 'Tracer l’appel d’une valeur critique (qui, quand ; l’auteur est l’utilisateur connecté)',
        params: idParamsSchema,
        body: criticalNotificationSchema,
        response: { 201: criticalNotificationViewSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await results.criticalNotifications.record(request.params.id, request.body, auditContextOf(request)))
  );

  app.get(
    '/api/validation/queue',
    {
      config: { access: 'results.validate_biological' },
      schema: {
        tags: ['validation'],
        summary: 'File de validation biologique : urgences et valeurs critiques d’abord',
        querystring: queueQuerySchema,
        response: { 200: z.object({ items: z.array(queueItemSchema) }) },
      },
    },
    async (request) => ({ items: await results.biologicalValidation.queue(request.query.limit) })
  );

  app.get(
    '/api/validation/orders/:orderId',
    {
      config: { access: 'results.validate_biological' },
      schema: {
        tags: ['validation'],
        summary: 'Revue d’un dossier : drapeaux, delta, 5 antériorités par analyte (accès tracé)',
        params: orderIdParamsSchema,
        response: { 200: reviewSchema },
      },
    },
    async (request) => results.biologicalValidation.review(request.params.orderId, auditContextOf(request))
  );

  app.post(
    '/api/validation/orders/:orderId/validate',
    {
      config: { access: 'results.validate_biological' },
      schema: {
        tags: ['validation'],
        summary: 'Valider biologiquement tout ou partie d’un dossier (partie → compte rendu partiel)',
        params: orderIdParamsSchema,
        body: biologicalValidationSchema,
        response: { 200: biologicalValidationAnswerSchema },
      },
    },
    async (request) =>
      results.biologicalValidation.validate(request.params.orderId, request.body.resultIds, auditContextOf(request))
  );

  app.post(
    '/api/validation/results/:id/rerun',
    {
      config: { access: 'results.validate_biological' },
      schema: {
        tags: ['validation'],
        summary: 'Renvoyer un résultat à la paillasse (à repasser), motif obligatoire',
        params: idParamsSchema,
        body: rerunSchema,
        response: { 200: statusAnswerSchema },
      },
    },
    async (request) =>
      results.biologicalValidation.requestRerun(request.params.id, request.body.reason, auditContextOf(request))
  );
};
