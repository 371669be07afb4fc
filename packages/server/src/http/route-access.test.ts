/**
 * Route by role: every route declares its access, and for every route and every role the answer
 * is 403 exactly when the permission matrix says so (issue 2 § access).
 */
import { permissionMatrix, roles, type Permission, type Role } from '@sillage/core';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../testing/test-app.js';
import { declaredRoutesOf, registerAccessControl, RouteWithoutAccessError } from './access-plugin.js';
import { createTestDatabase } from '../testing/test-database.js';

const sampleId = '00000000-0000-4000-8000-000000000000';

function concreteUrl(url: string): string {
  return url.replace(':id', sampleId).replace(':role', 'technicien');
}

describe('route access', () => {
  let t: TestApp;
  const clients = new Map<Role, TestClient>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of roles) {
      clients.set(role, await loginAs(t, [role]));
    }
  });
  afterAll(async () => t?.close());

  it('an /api route without a declared access makes the app fail to start', async () => {
    const db = await createTestDatabase();
    const app = Fastify();
    registerAccessControl(app, db.database, loadConfig({}));
    expect(() => app.get('/api/oubli', async () => 'x')).toThrow(RouteWithoutAccessError);
    await app.close();
    await db.dispose();
  });

  it('declares every route (and the list is not empty)', () => {
    const routes = declaredRoutesOf.get(t.app) ?? [];
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.find((r) => r.url === '/api/patients' && r.method === 'POST')?.access).toBe('patients.write');
  });

  it('anonymous requests get 401 on every non-public route', async () => {
    for (const route of declaredRoutesOf.get(t.app) ?? []) {
      if (route.access === 'public') {
        continue;
      }
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: concreteUrl(route.url),
        payload: route.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('each role gets 403 exactly on the routes its permissions do not cover', async () => {
    const checked: string[] = [];
    for (const route of declaredRoutesOf.get(t.app) ?? []) {
      if (route.access === 'public' || route.access === 'authenticated' || route.url === '/api/auth/logout') {
        continue;
      }
      for (const role of roles) {
        const client = clients.get(role) as TestClient;
        const res = await client.request(
          route.method as 'GET',
          concreteUrl(route.url),
          route.method === 'GET' ? undefined : {}
        );
        const allowed = (permissionMatrix[role] as readonly Permission[]).includes(route.access);
        const label = `${role} ${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 80)}`;
        // /api answers problem+json (`code`); /fhir answers an OperationOutcome (code in issue details).
        const body = res.json<{ code?: string; issue?: { details?: { coding?: { code?: string }[] } }[] }>();
        const code = body.code ?? body.issue?.[0]?.details?.coding?.[0]?.code;
        if (allowed) {
          expect(code, label).not.toBe('SIL_FORBIDDEN');
        } else {
          expect(res.statusCode, label).toBe(403);
          expect(code, label).toBe('SIL_FORBIDDEN');
        }
        checked.push(label);
      }
    }
    expect(checked.length).toBeGreaterThan(100);
  });

  it('a site the user does not belong to is refused', async () => {
    const client = clients.get('secretaire') as TestClient;
    const res = await client.request('GET', '/api/patients?q=DUPONT', undefined, { 'x-sillage-site': sampleId });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SIL_FORBIDDEN_SITE');
  });
});
