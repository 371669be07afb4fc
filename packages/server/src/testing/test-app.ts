/**
 * A real app on a real database for route tests (Medplum style): `inject` requests, login
 * helpers that keep the session and CSRF cookies, and users per role.
 */
import type { Role } from '@sillage/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { ensureFirstStart } from '../bootstrap/first-start.js';
import { loadConfig, type SillageConfig } from '../config.js';
import type { Services } from '../services.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const testAdminPassword = 'Clef-de-voute-2026!';

export interface TestApp {
  app: FastifyInstance & { services: Services };
  db: TestDatabase;
  config: SillageConfig;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<SillageConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config: SillageConfig = {
    ...loadConfig({}),
    webDistDir: '/nonexistent',
    logLevel: process.env.SILLAGE_TEST_LOG === 'true' ? 'error' : 'silent',
    ...overrides,
  };
  await ensureFirstStart(db.database, { labName: 'Laboratoire de test', adminPassword: testAdminPassword });
  const app = await buildApp({ database: db.database, config, logger: process.env.SILLAGE_TEST_LOG === 'true' });
  return {
    app,
    db,
    config,
    async close(): Promise<void> {
      await app.close();
      await db.dispose();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A logged-in browser-like client: session cookie + CSRF header on mutations. */
export class TestClient {
  constructor(
    private readonly app: FastifyInstance,
    readonly cookies: Record<string, string>,
    readonly userId: string
  ) {}

  request(
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {}
  ): Promise<LightMyRequestResponse> {
    const csrf = this.cookies.sillage_csrf;
    return this.app.inject({
      method,
      url,
      cookies: this.cookies,
      headers: { ...(method === 'GET' || csrf === undefined ? {} : { 'x-csrf-token': csrf }), ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.request('GET', url);
  }
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse> {
    return this.request('POST', url, payload ?? {});
  }
  patch(url: string, payload: unknown): Promise<LightMyRequestResponse> {
    return this.request('PATCH', url, payload);
  }
  put(url: string, payload: unknown): Promise<LightMyRequestResponse> {
    return this.request('PUT', url, payload);
  }
  delete(url: string): Promise<LightMyRequestResponse> {
    return this.request('DELETE', url);
  }
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<TestClient> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) {
    throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  }
  const body = res.json<{ step: string; user: { id: string } }>();
  if (body.step !== 'done') {
    throw new Error(`login ${username}: unexpected step ${body.step}`);
  }
  const cookies: Record<string, string> = {};
  for (const cookie of res.cookies) {
    cookies[cookie.name] = cookie.value;
  }
  return new TestClient(app, cookies, body.user.id);
}

let userCounter = 0;

/** Creates a user with the given roles (through the admin API) and logs them in. */
export async function loginAs(testApp: TestApp, roles: Role[], siteIds?: string[]): Promise<TestClient> {
  const admin = await login(testApp.app, 'admin', testAdminPassword);
  const sites = siteIds ?? [
    (await admin.get('/api/admin/sites')).json<{ items: { id: string }[] }>().items[0]?.id ?? '',
  ];
  userCounter++;
  const username = `${roles.join('-')}-${process.pid}-${userCounter}`.slice(0, 60);
  const password = `Tulipe-verte-${userCounter}-quai`;
  const res = await admin.post('/api/admin/users', {
    username,
    displayName: `Test ${roles.join(' ')}`,
    password,
    roles,
    siteIds: sites,
  });
  if (res.statusCode !== 201) {
    throw new Error(`user creation failed: ${res.statusCode} ${res.body}`);
  }
  return login(testApp.app, username, password);
}
