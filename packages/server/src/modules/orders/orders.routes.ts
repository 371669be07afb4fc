import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';

export const orderRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (_app, _options) => {};
