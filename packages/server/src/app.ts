/**
 * Builds the Fastify app (no listen): plugins, access control, error mapping, feature routes,
 * OpenAPI and the web app. Tests build it on their own database and call `inject`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { SillageError } from '@sillage/core';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { SillageConfig } from './config.js';
import type { Database } from './db/database.js';
import { registerAccessControl } from './http/access-plugin.js';
import { registerErrorHandling, sendProblem } from './http/error-handler.js';
import { redactPaths } from './http/log-redaction.js';
import { adminRoutes } from './modules/admin/admin.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { patientRoutes } from './modules/patients/patients.routes.js';
import { catalogueRoutes } from './modules/catalogue/catalogue.routes.js';
import { prescriberRoutes } from './modules/prescribers/prescribers.routes.js';
import { orderRoutes } from './modules/orders/orders.routes.js';
import { resultRoutes } from './modules/results/results.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { fhirRoutes } from './modules/fhir/fhir.routes.js';
import { billingRoutes } from './modules/billing/billing.routes.js';
import { instrumentRoutes } from './modules/instruments/instruments.routes.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { createServices, type Services } from './services.js';
import { sillageVersion } from './version.js';

export interface BuildAppOptions {
  database: Database;
  config: SillageConfig;
  logger?: boolean;
}

export const defaultWebDistDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance & { services: Services }> {
  const { database, config } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel, redact: redactPaths },
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    trustProxy: process.env.SILLAGE_TRUST_PROXY === 'true',
    // Request URLs carry search terms (names, birth dates) and bodies identity traits: request
    // logging is off unless asked for (secret médical, no patient data in logs).
    logController: new LogController({ disableRequestLogging: process.env.SILLAGE_LOG_REQUESTS !== 'true' }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services = createServices(database, config);
  app.decorate('services', services);

  registerErrorHandling(app);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Sillage API',
        version: sillageVersion,
        description: 'API du SIL Sillage (erreurs : application/problem+json, codes SIL_…)',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sillage_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  registerAccessControl(app, database, config);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(systemRoutes, { services });
  await app.register(authRoutes, { services });
  await app.register(adminRoutes, { services });
  await app.register(auditRoutes, { services });
  await app.register(patientRoutes, { services });
  await app.register(catalogueRoutes, { services });
  await app.register(prescriberRoutes, { services });
  await app.register(orderRoutes, { services });
  await app.register(resultRoutes, { services });
  await app.register(reportRoutes, { services });
  await app.register(fhirRoutes, { services });
  await app.register(billingRoutes, { services });
  await app.register(instrumentRoutes, { services });

  const webDir = config.webDistDir ?? defaultWebDistDir;
  if (existsSync(webDir)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: true });
  }
  // Single-page app: unknown non-API GETs get index.html; API misses stay problem+json 404s.
  const serveSpa = existsSync(webDir);
  app.setNotFoundHandler((request, reply) => {
    if (serveSpa && request.method === 'GET' && !request.url.startsWith('/api') && !request.url.startsWith('/fhir')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(request, reply, new SillageError('SIL_ROUTE_NOT_FOUND'));
  });

  await app.ready();
  return app as unknown as FastifyInstance & { services: Services };
}
