/**
 * Authentication and access control for every route:
 * - a route under /api or /fhir that does not declare `config.access` makes app start fail;
 * - session cookie (idle and absolute timeouts) or `Authorization: Bearer` API token;
 * - permission from the matrix (core/access/permissions.ts) or the token's scopes;
 * - site check: `X-Sillage-Site` must be one of the user's sites;
 * - CSRF double submit for cookie-authenticated mutations (tokens are exempt: no ambient cookie).
 */
import { isPermission, permissionsOf, SillageError, type Permission, type RouteAccess } from '@sillage/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SillageConfig } from '../config.js';
import type { Database } from '../db/database.js';
import {
  findApiToken,
  findSession,
  touchApiToken,
  touchSession,
  type SessionRow,
} from '../modules/auth/auth.repository.js';
import { hashSecretToken, safeEqual } from '../modules/auth/secret-token.js';
import type { RequestActor } from './request-context.js';
import { sessionCache } from './session-cache.js';

export const sessionCookieName = 'sillage_session';
export const csrfCookieName = 'sillage_csrf';
const touchIntervalMs = 60_000; // last_seen_at is refreshed at most once a minute per session

const mutatingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class RouteWithoutAccessError extends Error {}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

/** Every route and the access it declared, for the route-by-role tests and the docs. */
export const declaredRoutesOf = new WeakMap<FastifyInstance, DeclaredRoute[]>();

export function registerAccessControl(app: FastifyInstance, database: Database, config: SillageConfig): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('siteId', null);

  const declared: DeclaredRoute[] = [];
  declaredRoutesOf.set(app, declared);
  app.addHook('onRoute', (route) => {
    const needsDeclaration = route.url.startsWith('/api') || route.url.startsWith('/fhir');
    const access = route.config?.access;
    if (needsDeclaration && access === undefined && !route.url.startsWith('/api/docs')) {
      throw new RouteWithoutAccessError(
        `La route ${route.method} ${route.url} ne déclare pas son accès (config.access)`
      );
    }
    if (access !== undefined) {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') {
          declared.push({ method, url: route.url, access });
        }
      }
    }
  });

  // Access is decided before the body is even parsed: an anonymous or unauthorised caller learns
  // nothing from validation errors and costs no parsing.
  app.addHook('onRequest', async (request) => {
    request.actor = await authenticate(request, database, config);
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') {
      return;
    }
    const actor = request.actor;
    if (actor === null) {
      throw new SillageError('SIL_AUTH_REQUIRED');
    }
    if (access !== 'authenticated' && !actor.permissions.includes(access)) {
      throw new SillageError('SIL_FORBIDDEN', { extra: { permission: access } });
    }
    if (actor.kind === 'user' && mutatingMethods.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || actor.csrfToken === null || !safeEqual(header, actor.csrfToken)) {
        throw new SillageError('SIL_AUTH_CSRF');
      }
    }
    request.siteId = resolveSite(request, actor);
  });
}

function resolveSite(request: FastifyRequest, actor: RequestActor): string | null {
  const requested = request.headers['x-sillage-site'];
  if (typeof requested === 'string' && requested !== '') {
    if (actor.kind === 'user' && !actor.siteIds.includes(requested)) {
      throw new SillageError('SIL_FORBIDDEN_SITE');
    }
    return requested;
  }
  return actor.siteIds[0] ?? null;
}

async function authenticate(
  request: FastifyRequest,
  database: Database,
  config: SillageConfig
): Promise<RequestActor | null> {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
    return authenticateToken(authorization.slice(7).trim(), database);
  }
  const cookie = request.cookies[sessionCookieName];
  if (cookie === undefined || cookie === '') {
    return null;
  }
  const tokenHash = hashSecretToken(cookie);
  const now = Date.now();
  let session = sessionCache.get(tokenHash, now);
  if (session === undefined) {
    session = await findSession(database, tokenHash);
    if (session !== undefined) {
      sessionCache.set(tokenHash, session, now);
    }
  }
  if (session === undefined || session.revoked_at !== null || !session.active) {
    return null;
  }
  const idleLimitMs = config.sessionIdleMinutes * 60_000;
  if (now > session.absolute_expires_at.getTime() || now - session.last_seen_at.getTime() > idleLimitMs) {
    // Expired sessions are answered as such only on routes that need a session.
    if (request.routeOptions.config.access !== 'public') {
      throw new SillageError('SIL_AUTH_SESSION_EXPIRED');
    }
    return null;
  }
  if (now - session.last_seen_at.getTime() > touchIntervalMs) {
    await touchSession(database, tokenHash);
    session.last_seen_at = new Date(now);
  }
  return sessionActor(session, tokenHash);
}

function sessionActor(session: SessionRow, tokenHash: string): RequestActor {
  return {
    kind: 'user',
    userId: session.id,
    name: session.username,
    roles: session.roles,
    permissions: permissionsOf(session.roles),
    siteIds: session.site_ids,
    locale: session.locale,
    sessionTokenHash: tokenHash,
    csrfToken: session.csrf_token,
    tokenId: null,
  };
}

async function authenticateToken(token: string, database: Database): Promise<RequestActor> {
  const row = await findApiToken(database, hashSecretToken(token));
  if (row === undefined || row.revoked_at !== null) {
    throw new SillageError('SIL_TOKEN_INVALID');
  }
  if (row.last_used_at === null || Date.now() - row.last_used_at.getTime() > touchIntervalMs) {
    await touchApiToken(database, row.id);
  }
  const scopes: Permission[] = row.scopes.filter(isPermission);
  return {
    kind: 'token',
    userId: row.created_by,
    name: `jeton:${row.name}`,
    roles: [],
    permissions: scopes,
    siteIds: [],
    locale: 'fr',
    sessionTokenHash: null,
    csrfToken: null,
    tokenId: row.id,
  };
}
