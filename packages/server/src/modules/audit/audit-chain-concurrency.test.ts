import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import { AccessEventWriter, writeAuditEvent, writeAuditEvents, type AuditContext } from './audit-writer.js';
import { canonicalAroundId, canonicalJson, type AuditEventRecord } from './audit-canonical.js';
import { verifyAuditChain } from './audit-verify.js';

const context: AuditContext = { actor: null, requestId: 'chain-test', address: '127.0.0.1' };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The chain head is read in the same call as the lock (`audit_chain_reserve`, migration 0014): a
 * writer that waited for the lock must still link to the event committed by the one it waited for.
 * On PostgreSQL (`npm run test:pg`, pool of 4) the transactions below really overlap.
 */
describe('canonical JSON around the id', () => {
  it('head + id + tail is the canonical JSON of the whole event, whatever the payloads hold', () => {
    const event: Omit<AuditEventRecord, 'id'> = {
      occurredAt: '2026-03-02T10:30:00.000Z',
      actorId: null,
      actorName: 'Élise « biologiste »',
      action: 'result.entered',
      entityType: 'result',
      entityId: 'r-1',
      patientId: null,
      before: { id: 0, nested: { z: 1, a: [1, '"id":0'] } },
      after: { id: 12, value: '≤ 5,0' },
      reason: 'motif\navec saut',
      requestId: 'req',
      address: '::1',
    };
    for (const id of [1, 42, 9_007_199_254_740]) {
      const { head, tail } = canonicalAroundId(event);
      expect(`${head}${id}${tail}`).toBe(canonicalJson({ ...event, id }));
    }
  });
});

describe('audit chain under concurrent writers', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.dispose());

  it('links every event to the one committed before it, with no id reserved twice', async () => {
    const [before] = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    const accessEvents = new AccessEventWriter(t.database);
    const writers = Array.from({ length: 12 }, (_, i) =>
      t.database.transaction(async (tx) => {
        const id = await writeAuditEvent(tx, context, {
          action: 'test.concurrent',
          entityType: 'test',
          after: { i, note: 'µmol/L ≤ 5,0 — Élise' }, // hashed by the database: UTF-8 as in JavaScript
        });
        await pause(3); // holds the chain lock while others queue behind it
        return id;
      })
    );
    const reads = Array.from({ length: 20 }, (_, i) =>
      accessEvents.record(context, { action: 'test.read', entityType: 'test', after: { i } })
    );
    const ids = await Promise.all(writers);
    await Promise.all(reads);

    expect(new Set(ids).size).toBe(12);
    const [after] = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    expect((after?.n ?? 0) - (before?.n ?? 0)).toBe(32);
    const verification = await verifyAuditChain(t.database);
    expect(verification).toMatchObject({ ok: true, eventCount: after?.n });
  });

  it('a batch of events gets consecutive links, and its ids in order', async () => {
    const ids = await t.database.transaction((tx) =>
      writeAuditEvents(
        tx,
        ['a', 'b', 'c'].map((name) => ({ context, input: { action: `test.batch.${name}`, entityType: 'test' } }))
      )
    );
    expect(ids).toHaveLength(3);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    const rows = await t.database.query<{ id: number; prev_hash: string; hash: string; action: string }>(
      'SELECT id, prev_hash, hash, action FROM audit_event WHERE id = ANY($1::bigint[]) ORDER BY id',
      [ids]
    );
    expect(rows.map((r) => r.action)).toEqual(['test.batch.a', 'test.batch.b', 'test.batch.c']);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.prev_hash).toBe(rows[1]?.hash);
    expect(await verifyAuditChain(t.database)).toMatchObject({ ok: true });
  });
});
