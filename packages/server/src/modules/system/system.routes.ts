import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { sillageVersion } from '../../version.js';

export const systemRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['système'],
        summary: 'État du service',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }),
        },
      },
    },
    async () => {
      await services.database.query('SELECT 1');
      return { status: 'ok' as const, db: services.database.kind, version: sillageVersion };
    }
  );

  app.get(
    '/api/lab',
    {
      config: { access: 'public' },
      schema: {
        tags: ['système'],
        summary: 'Identité du laboratoire (page de connexion)',
        response: {
          200: z.object({ name: z.string(), finess: z.string().nullable(), address: z.string().nullable() }),
        },
      },
    },
    async () => {
      const [lab] = await services.database.query<{ name: string; finess: string | null; address: string | null }>(
        'SELECT name, finess, address FROM lab WHERE id = 1'
      );
      return lab ?? { name: services.config.labName, finess: null, address: null };
    }
  );
};
