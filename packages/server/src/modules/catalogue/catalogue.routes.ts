import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';

export const catalogueRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (_app, _options) => {};
