import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import {
  benchDashboardSchema,
  biologistDashboardSchema,
  worklistQuerySchema,
  worklistSchema,
} from './results.schemas.js';

const tags = ['paillasse'];

/** Bench worklists and the bench/biologist home screens (issue 3 items 6 and 10). */
export const worklistRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const results = services.results;

  app.get(
    '/api/worklists',
    {
      config: { access: 'results.read' },
      schema: {
        tags,
        summary: 'Liste de travail d’une section : tubes reçus et résultats à saisir, urgences d’abord',
        querystring: worklistQuerySchema,
        response: { 200: worklistSchema },
      },
    },
    async (request) => ({
      section: request.query.section ?? null,
      specimens: await results.worklists.worklist(request.query.section ?? null, request.query.limit),
    })
  );

  app.get(
    '/api/dashboard/bench',
    {
      config: { access: 'results.read' },
      schema: {
        tags,
        summary: 'Accueil paillasse : résultats en attente par section, urgences d’abord',
        response: { 200: benchDashboardSchema },
      },
    },
    async () => results.dashboards.bench()
  );

  app.get(
    '/api/dashboard/biologist',
    {
      config: { access: 'results.validate_biological' },
      schema: {
        tags: ['validation'],
        summary: 'Accueil biologiste : file de validation et valeurs critiques non encore appelées',
        response: { 200: biologistDashboardSchema },
      },
    },
    async () => results.dashboards.biologist()
  );
};
