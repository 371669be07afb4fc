import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf, requireActor } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import {
  idParamsSchema,
  roleInfoSchema,
  roleParamsSchema,
  siteCreateSchema,
  siteSchema,
  siteUpdateSchema,
  tokenCreateSchema,
  tokenSchema,
  userCreateSchema,
  userSchema,
  userUpdateSchema,
} from './admin.schemas.js';

const tags = ['administration'];

export const adminRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const admin = services.admin;

  app.get(
    '/api/admin/users',
    {
      config: { access: 'users.manage' },
      schema: { tags, summary: 'Utilisateurs', response: { 200: z.object({ items: z.array(userSchema) }) } },
    },
    async () => ({ items: await admin.listUsers() })
  );

  app.post(
    '/api/admin/users',
    {
      config: { access: 'users.manage' },
      schema: { tags, summary: 'Créer un utilisateur', body: userCreateSchema, response: { 201: userSchema } },
    },
    async (request, reply) => reply.status(201).send(await admin.createUser(request.body, auditContextOf(request)))
  );

  app.patch(
    '/api/admin/users/:id',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'Modifier un utilisateur',
        params: idParamsSchema,
        body: userUpdateSchema,
        response: { 200: userSchema },
      },
    },
    async (request) => admin.updateUser(request.params.id, request.body, auditContextOf(request))
  );

  app.get(
    '/api/admin/roles',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'Rôles et permissions',
        response: { 200: z.object({ items: z.array(roleInfoSchema) }) },
      },
    },
    async () => ({ items: await admin.listRoles() })
  );

  app.put(
    '/api/admin/roles/:role',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'Exiger la double authentification pour un rôle',
        params: roleParamsSchema,
        body: z.strictObject({ totpRequired: z.boolean() }),
        response: { 200: roleInfoSchema },
      },
    },
    async (request) => admin.setRoleTotp(request.params.role, request.body.totpRequired, auditContextOf(request))
  );

  app.get(
    '/api/admin/sites',
    {
      config: { access: 'sites.read' },
      schema: { tags, summary: 'Sites', response: { 200: z.object({ items: z.array(siteSchema) }) } },
    },
    async () => ({ items: await admin.listSites() })
  );

  app.post(
    '/api/admin/sites',
    {
      config: { access: 'sites.manage' },
      schema: { tags, summary: 'Créer un site', body: siteCreateSchema, response: { 201: siteSchema } },
    },
    async (request, reply) => reply.status(201).send(await admin.createSite(request.body, auditContextOf(request)))
  );

  app.patch(
    '/api/admin/sites/:id',
    {
      config: { access: 'sites.manage' },
      schema: {
        tags,
        summary: 'Modifier un site',
        params: idParamsSchema,
        body: siteUpdateSchema,
        response: { 200: siteSchema },
      },
    },
    async (request) => admin.updateSite(request.params.id, request.body, auditContextOf(request))
  );

  app.get(
    '/api/admin/tokens',
    {
      config: { access: 'tokens.manage' },
      schema: { tags, summary: 'Jetons d’API', response: { 200: z.object({ items: z.array(tokenSchema) }) } },
    },
    async () => ({ items: await admin.listTokens() })
  );

  app.post(
    '/api/admin/tokens',
    {
      config: { access: 'tokens.manage' },
      schema: {
        tags,
        summary: 'Créer un jeton d’API (affiché une seule fois)',
        body: tokenCreateSchema,
        response: { 201: z.object({ id: z.string(), token: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await admin.createToken(request.body, requireActor(request).userId, auditContextOf(request)))
  );

  app.delete(
    '/api/admin/tokens/:id',
    { config: { access: 'tokens.manage' }, schema: { tags, summary: 'Révoquer un jeton', params: idParamsSchema } },
    async (request, reply) => {
      await admin.revokeToken(request.params.id, auditContextOf(request));
      return reply.status(204).send();
    }
  );
};
