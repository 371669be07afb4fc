import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { csrfCookieName, sessionCookieName } from '../../http/access-plugin.js';
import { auditContextOf, requireActor } from '../../http/request-context.js';
import type { Services } from '../../services.js';
import {
  changePasswordBodySchema,
  enableTotpBodySchema,
  loginAnswerSchema,
  loginBodySchema,
  meSchema,
  preferencesBodySchema,
  totpBodySchema,
} from './auth.schemas.js';
import type { NewSession } from './auth.service.js';

const tags = ['auth'];

function setSessionCookies(reply: FastifyReply, session: NewSession, secure: boolean): void {
  // Session cookies (no Max-Age): the server enforces idle and absolute lifetimes.
  reply.setCookie(sessionCookieName, session.token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
  // Readable by the page so it can echo it in X-CSRF-Token (double submit).
  reply.setCookie(csrfCookieName, session.csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure });
}

export const authRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const secure = services.config.secureCookies;
  const loginContext = (
    request: Parameters<typeof auditContextOf>[0]
  ): ReturnType<typeof auditContextOf> & {
    address: string;
    userAgent: string | null;
  } => ({ ...auditContextOf(request), address: request.ip, userAgent: request.headers['user-agent'] ?? null });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Connexion (premier facteur)',
        body: loginBodySchema,
        response: { 200: loginAnswerSchema },
      },
    },
    async (request, reply) => {
      const outcome = await services.auth.login(request.body.username, request.body.password, loginContext(request));
      if (outcome.session !== null) {
        setSessionCookies(reply, outcome.session, secure);
      }
      return outcome.answer;
    }
  );

  app.post(
    '/api/auth/totp',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Connexion : code TOTP', body: totpBodySchema, response: { 200: loginAnswerSchema } },
    },
    async (request, reply) => {
      const outcome = await services.auth.completeTotp(request.body.ticket, request.body.code, loginContext(request));
      if (outcome.session !== null) {
        setSessionCookies(reply, outcome.session, secure);
      }
      return outcome.answer;
    }
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Déconnexion' } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (actor.sessionTokenHash !== null) {
        await services.auth.logout(actor.sessionTokenHash, auditContextOf(request));
      }
      reply.clearCookie(sessionCookieName, { path: '/' }).clearCookie(csrfCookieName, { path: '/' });
      return reply.status(204).send();
    }
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Utilisateur connecté', response: { 200: meSchema } },
    },
    async (request) => services.auth.me(requireActor(request).userId)
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Changer son mot de passe', body: changePasswordBodySchema },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await services.auth.changePassword(
        actor.userId,
        request.body.currentPassword,
        request.body.newPassword,
        actor.sessionTokenHash,
        auditContextOf(request)
      );
      return reply.status(204).send();
    }
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Préparer la double authentification',
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string() }) },
      },
    },
    async (request) => services.auth.setupTotp(requireActor(request).userId)
  );

  app.post(
    '/api/auth/totp/enable',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Activer la double authentification', body: enableTotpBodySchema },
    },
    async (request, reply) => {
      await services.auth.enableTotp(requireActor(request).userId, request.body.code, auditContextOf(request));
      return reply.status(204).send();
    }
  );

  app.patch(
    '/api/auth/preferences',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Préférences (langue)', body: preferencesBodySchema, response: { 200: meSchema } },
    },
    async (request) =>
      services.auth.setLocale(requireActor(request).userId, request.body.locale, auditContextOf(request))
  );
};
