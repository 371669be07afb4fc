import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../testing/test-app.js';
import { demoAccounts, seedDemo } from './demo-seed.js';

describe('demo lab (npm run demo)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('seeds one account per role with the documented passwords, and patients, once', async () => {
    const seeded = await seedDemo(t.app.services, 20);
    expect(seeded).toEqual({ created: true, patients: expect.any(Number) });
    expect(seeded.patients).toBeGreaterThanOrEqual(18);
    for (const account of demoAccounts) {
      const client = await login(t.app, account.username, account.password);
      const me = (await client.get('/api/auth/me')).json<{ roles: string[] }>();
      expect(me.roles).toEqual([account.role]);
    }
    expect((await seedDemo(t.app.services, 20)).created).toBe(false);
  });
});
