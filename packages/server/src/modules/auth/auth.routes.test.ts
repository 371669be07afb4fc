import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, loginAs, testAdminPassword, type TestApp } from '../../testing/test-app.js';
import { sessionCache } from '../../http/session-cache.js';
import { currentTotp } from './totp.js';

describe('authentication routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginMaxFailuresPerAccount: 3, loginMaxFailuresPerAddress: 50 });
  });
  afterAll(async () => t?.close());

  it('GET /api/health answers ok with the engine and version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: t.db.engine, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('login sets an httpOnly SameSite=Strict session cookie and a readable CSRF cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: testAdminPassword },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ step: 'done', user: { username: 'admin', roles: ['admin'] } });
    const session = res.cookies.find((c) => c.name === 'sillage_session');
    const csrf = res.cookies.find((c) => c.name === 'sillage_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(csrf?.httpOnly).toBeFalsy();
    expect(csrf?.value.length).toBeGreaterThan(30);
  });

  it('wrong password → 401 SIL_AUTH_INVALID_CREDENTIALS in French, unknown user the same', async () => {
    const res1 = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'mauvais-mot-de-passe' },
    });
    expect(res1.statusCode).toBe(401);
    expect(res1.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res1.json()).toMatchObject({
      code: 'SIL_AUTH_INVALID_CREDENTIALS',
      title: 'Identifiant ou mot de passe incorrect.',
    });
    const res2 = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'personne', password: 'x' },
    });
    expect(res2.json()).toMatchObject({ code: 'SIL_AUTH_INVALID_CREDENTIALS' });
  });

  it('throttles an account after repeated failures, stored in the database', async () => {
    const client = await loginAs(t, ['secretaire']);
    const me = (await client.get('/api/auth/me')).json<{ username: string }>();
    const attempt = (): Promise<LightMyRequestResponse> =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: me.username, password: 'faux-mot-de-passe' },
      });
    for (let i = 0; i < 3; i++) {
      expect((await attempt()).statusCode).toBe(401);
    }
    const throttled = await attempt();
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe('SIL_AUTH_THROTTLED');
    const [row] = await t.db.database.query<{ n: number }>(
      'SELECT count(*) AS n FROM login_failure WHERE account = $1',
      [me.username]
    );
    expect(row?.n).toBe(3);
  });

  it('a cookie-authenticated mutation without the CSRF header is refused; Bearer tokens are exempt', async () => {
    const admin = await login(t.app, 'admin', testAdminPassword);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/admin/sites',
      cookies: admin.cookies,
      payload: { code: 'CSRF', name: 'Site', territory: 'metropole' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('SIL_AUTH_CSRF');
    const [count] = await t.db.database.query<{ n: number }>("SELECT count(*) AS n FROM site WHERE code = 'CSRF'");
    expect(count?.n).toBe(0);

    const created = await admin.post('/api/admin/tokens', { name: 'automate', scopes: ['sites.manage'] });
    expect(created.statusCode).toBe(201);
    const { token } = created.json<{ token: string }>();
    const viaToken = await t.app.inject({
      method: 'POST',
      url: '/api/admin/sites',
      headers: { authorization: `Bearer ${token}` },
      payload: { code: 'TOKEN', name: 'Site par jeton', territory: 'reunion' },
    });
    expect(viaToken.statusCode).toBe(201);
    // Scopes limit a token: this one cannot read users.
    const outOfScope = await t.app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(outOfScope.statusCode).toBe(403);
    const bogus = await t.app.inject({
      method: 'GET',
      url: '/api/admin/sites',
      headers: { authorization: 'Bearer sil_faux' },
    });
    expect(bogus.json().code).toBe('SIL_TOKEN_INVALID');
  });

  it('logout revokes the session server-side', async () => {
    const client = await loginAs(t, ['technicien']);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    const after = await client.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('SIL_AUTH_REQUIRED');
  });

  it('an idle session expires', async () => {
    const client = await loginAs(t, ['technicien']);
    await t.db.database.query("UPDATE user_session SET last_seen_at = now() - interval '31 minutes'");
    sessionCache.clear(); // as after the 5 s cache lifetime
    const res = await client.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SIL_AUTH_SESSION_EXPIRED');
  });

  it('password change enforces the policy and checks the current password', async () => {
    const client = await loginAs(t, ['qualiticien']);
    const short = await client.post('/api/auth/password', { currentPassword: 'x', newPassword: 'court' });
    expect(short.json().code).toBe('SIL_PASSWORD_WRONG_CURRENT');
  });

  it('TOTP required by role: enrolment at login, then a code is asked at every login', async () => {
    const admin = await login(t.app, 'admin', testAdminPassword);
    expect((await admin.put('/api/admin/roles/biologiste', { totpRequired: true })).statusCode).toBe(200);
    const password = 'Hortensia-bleu-2026';
    const created = await admin.post('/api/admin/users', {
      username: 'dr.totp',
      displayName: 'Dr Totp',
      password,
      roles: ['biologiste'],
    });
    expect(created.statusCode).toBe(201);

    // 1. Password accepted, enrolment step: no session yet
    const res1 = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dr.totp', password },
    });
    const step1 = res1.json<{ step: string; ticket: string; secret: string; otpauthUrl: string }>();
    expect(step1.step).toBe('totp_enrol');
    expect(step1.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(res1.cookies.find((c) => c.name === 'sillage_session')).toBeUndefined();

    // 2. A wrong code is refused
    const res2 = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      payload: { ticket: step1.ticket, code: '000000' },
    });
    expect(res2.json().code).toBe('SIL_AUTH_TOTP_INVALID');

    // 3. The ticket was consumed by the failed attempt? No: a new login gives a new ticket, then the right code
    const res3 = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dr.totp', password },
    });
    const step3 = res3.json<{ step: string; ticket: string; secret: string }>();
    const res4 = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      payload: { ticket: step3.ticket, code: await currentTotp(step3.secret) },
    });
    expect(res4.statusCode).toBe(200);
    expect(res4.json()).toMatchObject({ step: 'done', user: { totpEnabled: true } });

    // 5. Next login asks for the code of the enrolled secret
    const res5 = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dr.totp', password },
    });
    expect(res5.json().step).toBe('totp');
    await admin.put('/api/admin/roles/biologiste', { totpRequired: false });
  });
});
