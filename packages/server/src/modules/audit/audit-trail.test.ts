import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, loginAs, testAdminPassword, type TestApp } from '../../testing/test-app.js';
import { verifyAuditChain } from './audit-verify.js';
import { canonicalJson } from './audit-canonical.js';

describe('audit trail (ISO 15189 traceability)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}'
    );
  });

  it('a mutation writes its event in the same transaction, with actor, request id, address, before/after', async () => {
    const admin = await login(t.app, 'admin', testAdminPassword);
    const res = await admin.post('/api/admin/sites', { code: 'NORD', name: 'Site Nord', territory: 'metropole' });
    expect(res.statusCode).toBe(201);
    const site = res.json<{ id: string }>();
    const [event] = await t.db.database.query<Record<string, unknown>>(
      "SELECT * FROM audit_event WHERE action = 'site.created' AND entity_id = $1",
      [site.id]
    );
    expect(event).toMatchObject({ actor_name: 'admin', entity_type: 'site', address: '127.0.0.1' });
    expect(event?.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event?.after).toMatchObject({ code: 'NORD', name: 'Site Nord' });
  });

  it('a refused change writes no event', async () => {
    const admin = await login(t.app, 'admin', testAdminPassword);
    const before = await t.db.database.query<{ n: number }>('SELECT count(*) AS n FROM audit_event');
    const res = await admin.post('/api/admin/sites', { code: 'NORD', name: 'Doublon', territory: 'metropole' });
    expect(res.json().code).toBe('SIL_SITE_CODE_TAKEN');
    const after = await t.db.database.query<{ n: number }>('SELECT count(*) AS n FROM audit_event');
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('the table refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(t.db.database.query("UPDATE audit_event SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(t.db.database.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(t.db.database.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
  });

  it('the chain verifies, and a hand-tampered event is named as the first broken link', async () => {
    const ok = await verifyAuditChain(t.db.database);
    expect(ok.ok).toBe(true);
    expect(ok.eventCount).toBeGreaterThan(3);
    const [victim] = await t.db.database.query<{ id: number }>(
      "SELECT id FROM audit_event WHERE action = 'site.created' ORDER BY id LIMIT 1"
    );
    // A DBA bypassing the trigger (superuser) to rewrite history:
    await t.db.database.exec(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update;
      UPDATE audit_event SET after = '{"code":"SUD"}' WHERE id = ${victim?.id};
      ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update;`);
    const broken = await verifyAuditChain(t.db.database);
    expect(broken).toMatchObject({ ok: false, brokenAtId: victim?.id, problem: 'hash_mismatch' });
  });

  it('GET /api/audit/events is for audit.read roles only and filters by user', async () => {
    const secretary = await loginAs(t, ['secretaire']);
    expect((await secretary.get('/api/audit/events')).statusCode).toBe(403);
    const quality = await loginAs(t, ['qualiticien']);
    const admin = await login(t.app, 'admin', testAdminPassword);
    const res = await quality.get(`/api/audit/events?userId=${admin.userId}&limit=5`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: { actorId: string }[]; nextBeforeId: number | null }>();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((e) => e.actorId === admin.userId)).toBe(true);
  });
});
