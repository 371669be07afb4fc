import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import {
  prescriberCreateSchema,
  prescriberIdParamsSchema,
  prescriberSchema,
  prescriberSearchQuerySchema,
  prescriberUpdateSchema,
} from './prescribers.schemas.js';

const tags = ['prescripteurs'];

export const prescriberRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const prescribers = services.prescribers;

  app.get(
    '/api/prescribers',
    {
      config: { access: 'prescribers.read' },
      schema: {
        tags,
        summary: 'Rechercher un prescripteur ou correspondant : nom (sans accents) ou numéro RPPS',
        querystring: prescriberSearchQuerySchema,
        response: { 200: z.object({ items: z.array(prescriberSchema) }) },
      },
    },
    async (request) => ({ items: await prescribers.search(request.query) })
  );

  app.post(
    '/api/prescribers',
    {
      config: { access: 'prescribers.write' },
      schema: {
        tags,
        summary: 'Créer un prescripteur ou correspondant (clé RPPS contrôlée)',
        body: prescriberCreateSchema,
        response: { 201: prescriberSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await prescribers.create(request.body, auditContextOf(request)))
  );

  app.get(
    '/api/prescribers/:id',
    {
      config: { access: 'prescribers.read' },
      schema: {
        tags,
        summary: 'Fiche prescripteur',
        params: prescriberIdParamsSchema,
        response: { 200: prescriberSchema },
      },
    },
    async (request) => prescribers.read(request.params.id)
  );

  app.patch(
    '/api/prescribers/:id',
    {
      config: { access: 'prescribers.write' },
      schema: {
        tags,
        summary: 'Modifier un prescripteur (version obligatoire)',
        params: prescriberIdParamsSchema,
        body: prescriberUpdateSchema,
        response: { 200: prescriberSchema },
      },
    },
    async (request) => prescribers.update(request.params.id, request.body, auditContextOf(request))
  );
};
