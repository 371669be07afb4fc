import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { resultEntryRoutes } from './result-entry.routes.js';
import { validationRoutes } from './validation.routes.js';
import { worklistRoutes } from './worklists.routes.js';

/** The results feature's routes (issue 3 items 6–8, dashboards of item 10). */
export const resultRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, options) => {
  await app.register(worklistRoutes, options);
  await app.register(resultEntryRoutes, options);
  await app.register(validationRoutes, options);
};
