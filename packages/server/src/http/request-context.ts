import type { Permission, Role, RouteAccess } from '@sillage/core';
import type { AuditContext } from '../modules/audit/audit-writer.js';
import type { FastifyRequest } from 'fastify';

/** Who is acting: a logged-in user (session) or a machine client (API token). */
export interface RequestActor {
  kind: 'user' | 'token';
  /** User id (for a token: the id of the user who created it, accountable for its use). */
  userId: string;
  name: string;
  roles: readonly Role[];
  permissions: readonly Permission[];
  siteIds: readonly string[];
  locale: 'fr' | 'en';
  sessionTokenHash: string | null;
  csrfToken: string | null;
  tokenId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: RequestActor | null;
    /** Site the request acts for (header `X-Sillage-Site`, else the user's first site). */
    siteId: string | null;
  }
  interface FastifyContextConfig {
    /** Every /api route declares its access; app start fails otherwise (see access-plugin.ts). */
    access?: RouteAccess;
  }
}

export function auditContextOf(request: FastifyRequest): AuditContext {
  return { actor: request.actor, requestId: request.id, address: request.ip };
}

export function requireActor(request: FastifyRequest): RequestActor {
  if (request.actor === null) {
    // Unreachable behind the access plugin; kept so services never see an anonymous actor.
    throw new Error('actor expected: route declared without authentication');
  }
  return request.actor;
}

export function requestLocale(request: FastifyRequest): 'fr' | 'en' {
  const header = request.headers['accept-language'];
  if (typeof header === 'string' && /^en\b/i.test(header.trim())) {
    return 'en';
  }
  if (typeof header === 'string' && /^fr\b/i.test(header.trim())) {
    return 'fr';
  }
  return request.actor?.locale ?? 'fr';
}
