import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';

export const fhirRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (_app, _options) => {};
