/**
 * The inbound queue without sockets: the idempotent durable store, processing retried with backoff
 * after an unexpected failure then sent to the error queue, and the worker picking up what a crash
 * left behind (stored, acknowledged, never processed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable, SqlParam } from '../../db/database.js';
import { AccessEventWriter } from '../audit/audit-writer.js';
import { createTestApp, login, testAdminPassword, type TestApp } from '../../testing/test-app.js';
import { expectStatus } from '../orders/orders-test-helpers.js';
import { storeInbound } from './inbound-store.js';
import { MessageProcessor } from './message-processor.js';
import { ProcessingWorker } from './processing-worker.js';

/** The same database, except that statements matching `pattern` fail as a lost connection would. */
function failingOn(database: Database, pattern: RegExp): Database {
  const guard = (tx: Queryable): Queryable => ({
    query<Row extends object>(sql: string, params?: readonly SqlParam[]): Promise<Row[]> {
      return pattern.test(sql) ? Promise.reject(new Error('connection reset by peer')) : tx.query<Row>(sql, params);
    },
  });
  return {
    kind: database.kind,
    query: <Row extends object>(sql: string, params?: readonly SqlParam[]) => database.query<Row>(sql, params),
    transaction: (work) => database.transaction((tx) => work(guard(tx))),
    exec: (sql) => database.exec(sql),
    close: () => database.close(),
  };
}

const astmResult = (barcode: string): Uint8Array =>
  Buffer.from(`H|\\^&|||X|||||||P\rO|1|${barcode}||^^^NA|R\rR|1|^^^NA|140|mmol/L||N||F\rL|1|N\r`, 'latin1');

describe('inbound queue', () => {
  let t: TestApp;
  let instrumentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await login(t.app, 'admin', testAdminPassword);
    const res = await admin.post('/api/instruments', {
      code: 'QUEUE-TEST',
      name: 'Queue test',
      protocol: 'astm',
      role: 'server',
      host: '127.0.0.1',
      port: 0,
    });
    expectStatus(res, 201);
    instrumentId = res.json<{ id: string }>().id;
  });
  afterAll(async () => t?.close());

  it('stores idempotently: the same bytes within the window are one row, other bytes another', async () => {
    const request = {
      instrumentId,
      protocol: 'astm' as const,
      raw: astmResult('DEDUPE-1'),
      remoteAddress: '127.0.0.1:4000',
      messageType: 'H,O,R,L',
      controlId: null,
    };
    const first = await storeInbound(t.db.database, request);
    const again = await storeInbound(t.db.database, request);
    const other = await storeInbound(t.db.database, { ...request, raw: astmResult('DEDUPE-2') });
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ id: first.id, duplicate: true, status: 'received' });
    expect(other.id).not.toBe(first.id);
    // Outside the window the same bytes are a new message (an analyzer resending a day later).
    const later = await storeInbound(t.db.database, request, 0);
    expect(later.duplicate).toBe(false);
    // The bytes are evidence: the row refuses to have them rewritten.
    await expect(
      t.db.database.query("UPDATE inbound_message SET raw = '\\x00'::bytea WHERE id = $1", [first.id])
    ).rejects.toThrow(/immutable/);
  });

  it('an unexpected failure is retried with backoff, then goes to the error queue with its reason', async () => {
    const stored = await storeInbound(t.db.database, {
      instrumentId,
      protocol: 'astm',
      raw: astmResult('RETRY-1'),
      remoteAddress: null,
      messageType: null,
      controlId: null,
    });
    const faulty = failingOn(t.db.database, /FROM instrument_test_mapping/);
    const processor = new MessageProcessor(faulty, new AccessEventWriter(t.db.database), {
      maxAttempts: 3,
      retryBaseMs: 60_000,
    });
    const firstTry = await processor.process(stored.id);
    expect(firstTry).toMatchObject({ status: 'received', errorDetail: 'connection reset by peer' });
    const [scheduled] = await t.db.database.query<{ attempts: number; delay: number }>(
      `SELECT attempts, extract(epoch FROM next_attempt_at - now())::int AS delay FROM inbound_message WHERE id = $1`,
      [stored.id]
    );
    expect(scheduled?.attempts).toBe(1);
    expect(Number(scheduled?.delay)).toBeGreaterThan(50); // 60 s, then 120 s…
    expect((await processor.process(stored.id)).status).toBe('received');
    const last = await processor.process(stored.id);
    expect(last).toMatchObject({ status: 'error', errorCode: 'SIL_CONNECT_PROCESSING_FAILED' });
    // Fixed (here: the healthy database), it is replayed from the error queue.
    const healthy = new MessageProcessor(t.db.database, new AccessEventWriter(t.db.database));
    await t.db.database.query("UPDATE inbound_message SET status = 'received', next_attempt_at = now() WHERE id = $1", [
      stored.id,
    ]);
    expect((await healthy.process(stored.id)).status).toBe('orphan');
  });

  it('the worker processes what a crash left stored but unprocessed', async () => {
    const leftovers = [];
    for (const barcode of ['CRASH-1', 'CRASH-2', 'CRASH-3']) {
      leftovers.push(
        await storeInbound(t.db.database, {
          instrumentId,
          protocol: 'astm',
          raw: astmResult(barcode),
          remoteAddress: null,
          messageType: null,
          controlId: null,
          processAfterMs: 0,
        })
      );
    }
    const worker = new ProcessingWorker(
      t.db.database,
      new MessageProcessor(t.db.database, new AccessEventWriter(t.db.database)),
      {
        pollMs: 50,
      }
    );
    worker.start();
    try {
      expect(await worker.drain()).toBeGreaterThanOrEqual(3);
    } finally {
      await worker.stop();
    }
    const rows = await t.db.database.query<{ status: string }>(
      'SELECT status FROM inbound_message WHERE id = ANY($1::bigint[])',
      [leftovers.map((l) => l.id)]
    );
    expect(rows.map((r) => r.status)).toEqual(['orphan', 'orphan', 'orphan']);
  });
});
