/**
 * Batching of the inbound path (issue 4, throughput): the links' deliveries are group-committed —
 * each one acknowledged only once the transaction that wrote it has committed — and the worker
 * processes several messages per transaction; a poison message goes to the error queue (or back
 * to the retry queue) alone while the others of its batch are recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMappings, createInstrument, receivedTube } from '../../connect/connect-test-support.js';
import type { Database, Queryable, SqlParam } from '../../db/database.js';
import { createTestApp, login, testAdminPassword, type TestApp, type TestClient } from '../../testing/test-app.js';
import { AccessEventWriter } from '../audit/audit-writer.js';
import { verifyAuditChain } from '../audit/audit-verify.js';
import { sha256Hex, storeInbound, type StoreRequest } from './inbound-store.js';
import { MessageProcessor } from './message-processor.js';
import { ProcessingWorker } from './processing-worker.js';

interface Observed {
  readonly database: Database;
  /** Transactions committed so far. */
  transactions: number;
  /** Hashes of the messages whose inserting transaction has committed. */
  readonly committedHashes: Set<string>;
  /** Messages written by each INSERT into inbound_message. */
  readonly insertSizes: number[];
}

/**
 * The same database, watched: which messages each transaction inserted and when it committed.
 * `poison(sql, params)` may swap a statement for another (sent for real, so PostgreSQL aborts).
 */
function observed(database: Database, poison?: (sql: string, params: readonly SqlParam[]) => string | null): Observed {
  const state: Observed = {
    database: undefined as unknown as Database,
    transactions: 0,
    committedHashes: new Set(),
    insertSizes: [],
  };
  const watch = (tx: Queryable, written: string[]): Queryable => ({
    query<Row extends object>(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
      if (/INSERT INTO inbound_message/.test(sql)) {
        const rows = JSON.parse(String(params[0])) as { sha256: string }[];
        state.insertSizes.push(rows.length);
        written.push(...rows.map((row) => row.sha256));
      }
      const swapped = poison?.(sql, params) ?? null;
      return swapped === null ? tx.query<Row>(sql, params) : tx.query<Row>(swapped);
    },
  });
  (state as { database: Database }).database = {
    kind: database.kind,
    query: <Row extends object>(sql: string, params?: readonly SqlParam[]) => database.query<Row>(sql, params),
    async transaction(work) {
      const written: string[] = [];
      const result = await database.transaction((tx) => work(watch(tx, written)));
      state.transactions++;
      for (const hash of written) {
        state.committedHashes.add(hash);
      }
      return result;
    },
    exec: (sql) => database.exec(sql),
    close: () => database.close(),
  };
  return state;
}

const astmResult = (barcode: string, value = '140'): Uint8Array =>
  Buffer.from(`H|\\^&|||X|||||||P\rO|1|${barcode}||^^^NA|R\rR|1|^^^NA|${value}|mmol/L||N||F\rL|1|N\r`, 'latin1');

describe('inbound batching', () => {
  let t: TestApp;
  let admin: TestClient;
  let instrumentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, 'admin', testAdminPassword);
    instrumentId = (await createInstrument(admin, { code: 'BATCH-TEST', name: 'Batch test', protocol: 'astm' })).id;
    await addMappings(admin, instrumentId, [{ instrumentCode: 'NA', analyteCode: 'SODIUM' }]);
  });
  afterAll(async () => t?.close());

  const request = (barcode: string, connection: number): StoreRequest => ({
    instrumentId,
    protocol: 'astm',
    raw: astmResult(barcode),
    remoteAddress: `127.0.0.1:${5000 + connection}`,
    messageType: 'H,O,R,L',
    controlId: null,
  });

  it('50 messages from 5 connections at once: group-committed, each acknowledged only after its commit', async () => {
    const watched = observed(t.db.database);
    const acknowledgedBeforeCommit: string[] = [];
    const deliveries = Array.from({ length: 5 }, (_, connection) =>
      Array.from({ length: 10 }, (_, index) => request(`GROUP-${connection}-${index}`, connection))
    ).flat();
    const stored = await Promise.all(
      deliveries.map((delivery) =>
        storeInbound(watched.database, delivery).then((result) => {
          // The link writes its ACK here: the bytes must already be committed.
          if (!watched.committedHashes.has(sha256Hex(delivery.raw))) {
            acknowledgedBeforeCommit.push(String(result.id));
          }
          return result;
        })
      )
    );
    expect(acknowledgedBeforeCommit).toEqual([]);
    expect(stored.every((s) => !s.duplicate)).toBe(true);
    expect(new Set(stored.map((s) => s.id)).size).toBe(50);
    // Batched: fewer transactions than messages, some INSERT carrying several.
    expect(watched.transactions).toBeLessThan(50);
    expect(Math.max(...watched.insertSizes)).toBeGreaterThan(1);
    const rows = await t.db.database.query<{ sha256: string; remote_address: string }>(
      'SELECT sha256, remote_address FROM inbound_message WHERE id = ANY($1::bigint[])',
      [stored.map((s) => s.id)]
    );
    expect(new Set(rows.map((row) => row.sha256))).toEqual(new Set(deliveries.map((d) => sha256Hex(d.raw))));
    expect(new Set(rows.map((row) => row.remote_address)).size).toBe(5);
  });

  it('the same bytes twice in one batch are stored once; a delivery that cannot be stored refuses only itself', async () => {
    const watched = observed(t.db.database);
    const repeated = request('GROUP-REPEAT', 0);
    const broken: StoreRequest = {
      ...request('GROUP-BROKEN', 1),
      instrumentId: '00000000-0000-4000-8000-000000000000',
    };
    const results = await Promise.allSettled([
      storeInbound(watched.database, request('GROUP-OK-1', 0)),
      storeInbound(watched.database, repeated),
      storeInbound(watched.database, repeated),
      storeInbound(watched.database, broken),
      storeInbound(watched.database, request('GROUP-OK-2', 2)),
    ]);
    const [ok1, first, again, refused, ok2] = results;
    expect(refused?.status).toBe('rejected');
    for (const ok of [ok1, first, again, ok2]) {
      expect(ok?.status).toBe('fulfilled');
    }
    const value = (r: PromiseSettledResult<{ id: number; duplicate: boolean }> | undefined) =>
      r?.status === 'fulfilled' ? r.value : undefined;
    expect(value(again)).toMatchObject({ id: value(first)?.id, duplicate: true });
    expect(value(first)?.duplicate).toBe(false);
    const [row] = await t.db.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM inbound_message WHERE sha256 = $1',
      [sha256Hex(repeated.raw)]
    );
    expect(row?.n).toBe(1);
  });

  async function storeAll(raws: readonly Uint8Array[]): Promise<number[]> {
    const ids: number[] = [];
    for (const raw of raws) {
      ids.push((await storeInbound(t.db.database, { ...request('unused', 0), raw })).id);
    }
    return ids;
  }

  async function instrumentValues(barcodes: readonly string[]) {
    return t.db.database.query<{ value: string; source: string; message: string; entered_by: null }>(
      `SELECT rv.value_numeric::text AS value, rv.source, rv.instrument->>'inboundMessageId' AS message, rv.entered_by
       FROM result_version rv JOIN result r ON r.id = rv.result_id JOIN specimen s ON s.id = r.specimen_id
       WHERE s.barcode = ANY($1::text[]) AND rv.source = 'instrument' ORDER BY rv.value_numeric`,
      [barcodes]
    );
  }

  it('one batch, one transaction: results recorded; an orphan and an unreadable message get their status in it', async () => {
    const tubes = [await receivedTube(admin, ['IONOS']), await receivedTube(admin, ['IONOS'])];
    const ids = await storeAll([
      astmResult(tubes[0]?.barcode ?? '', '141'),
      Buffer.from('this is not ASTM at all\r', 'latin1'),
      astmResult('BATCH-ORPHAN-1'),
      astmResult(tubes[1]?.barcode ?? '', '139'),
    ]);
    const watched = observed(t.db.database);
    const processor = new MessageProcessor(watched.database, new AccessEventWriter(t.db.database));
    const results = await processor.processBatch(ids);
    expect(watched.transactions).toBe(1);
    const [good1, unreadable, orphan, good2] = ids.map((id) => results.get(id));
    expect(good1?.status).toBe('processed');
    expect(good2?.status).toBe('processed');
    expect(orphan).toMatchObject({ status: 'orphan', errorCode: 'SIL_CONNECT_SPECIMEN_UNKNOWN' });
    expect(unreadable?.status).toBe('error');
    expect(unreadable?.errorCode).toMatch(/^SIL_/);
    const stored = await t.db.database.query<{ status: string; outcome: unknown; attempts: number }>(
      'SELECT status, outcome, attempts FROM inbound_message WHERE id = ANY($1::bigint[]) ORDER BY id',
      [ids]
    );
    expect(stored.map((row) => row.status)).toEqual(['processed', 'error', 'orphan', 'processed']);
    expect(stored.map((row) => row.attempts)).toEqual([1, 1, 1, 1]);
    expect(stored[2]?.outcome).toEqual({ unknownSpecimens: ['BATCH-ORPHAN-1'] });
    expect(await instrumentValues(tubes.map((tube) => tube.barcode))).toEqual([
      { value: '139', source: 'instrument', message: String(ids[3]), entered_by: null },
      { value: '141', source: 'instrument', message: String(ids[0]), entered_by: null },
    ]);
    expect((await verifyAuditChain(t.db.database)).ok).toBe(true);
  });

  it('a poison message (database error mid-batch) goes back to the retry queue alone; the others are recorded', async () => {
    const tubes = [await receivedTube(admin, ['IONOS']), await receivedTube(admin, ['IONOS'])];
    const ids = await storeAll([
      astmResult(tubes[0]?.barcode ?? '', '142'),
      astmResult('POISON-1'),
      astmResult('BATCH-ORPHAN-2'),
      astmResult(tubes[1]?.barcode ?? '', '138'),
    ]);
    // The poison's specimen lookup fails inside PostgreSQL (the transaction is aborted, not just a JS error).
    const watched = observed(t.db.database, (_sql, params) =>
      JSON.stringify(params).includes('POISON-1') ? 'SELECT 1 / 0' : null
    );
    const processor = new MessageProcessor(watched.database, new AccessEventWriter(t.db.database), {
      retryBaseMs: 60_000,
    });
    const results = await processor.processBatch(ids);
    const [good1, poison, orphan, good2] = ids.map((id) => results.get(id));
    expect(good1?.status).toBe('processed');
    expect(good2?.status).toBe('processed');
    expect(orphan?.status).toBe('orphan');
    expect(poison).toMatchObject({ status: 'received' });
    expect(poison?.errorDetail).toMatch(/division by zero/);
    const stored = await t.db.database.query<{ status: string; attempts: number; error_detail: string | null }>(
      'SELECT status, attempts, error_detail FROM inbound_message WHERE id = ANY($1::bigint[]) ORDER BY id',
      [ids]
    );
    expect(stored.map((row) => row.status)).toEqual(['processed', 'received', 'orphan', 'processed']);
    expect(stored[1]).toMatchObject({ attempts: 1, error_detail: 'division by zero' });
    // Each value once: the aborted batch left nothing behind.
    expect(await instrumentValues(tubes.map((tube) => tube.barcode))).toEqual([
      { value: '138', source: 'instrument', message: String(ids[3]), entered_by: null },
      { value: '142', source: 'instrument', message: String(ids[0]), entered_by: null },
    ]);
    expect((await verifyAuditChain(t.db.database)).ok).toBe(true);
  });

  it('a message that fails for an unmapped code keeps the specimen ids it carries, in a batch or alone', async () => {
    const tubes = [await receivedTube(admin, ['IONOS']), await receivedTube(admin, ['IONOS'])];
    const unmapped = (barcode: string) =>
      Buffer.from(`H|\\^&|||X|||||||P\rO|1|${barcode}||^^^K|R\rR|1|^^^K|4.1|mmol/L||N||F\rL|1|N\r`, 'latin1');
    const ids = await storeAll([
      unmapped(tubes[0]?.barcode ?? ''),
      Buffer.from('not ASTM either\r', 'latin1'),
      unmapped(tubes[1]?.barcode ?? ''),
      astmResult('POISON-2'),
    ]);
    // First batch: the failures get their status inside it. Second: the poison aborts it, so the
    // unmapped message is processed again in a transaction of its own.
    const batched = await new MessageProcessor(t.db.database, new AccessEventWriter(t.db.database)).processBatch(
      ids.slice(0, 2)
    );
    const watched = observed(t.db.database, (_sql, params) =>
      JSON.stringify(params).includes('POISON-2') ? 'SELECT 1 / 0' : null
    );
    const processor = new MessageProcessor(watched.database, new AccessEventWriter(t.db.database), {
      retryBaseMs: 60_000,
    });
    const alone = await processor.processBatch(ids.slice(2));
    const results = new Map([...batched, ...alone]);
    expect(results.get(ids[0] ?? 0)).toMatchObject({ status: 'error', errorCode: 'SIL_CONNECT_CODE_UNMAPPED' });
    expect(results.get(ids[2] ?? 0)).toMatchObject({ status: 'error', errorCode: 'SIL_CONNECT_CODE_UNMAPPED' });
    const errors = (await admin.get('/api/instrument-messages/errors')).json<{
      items: { id: number; specimenIds: string[] }[];
    }>().items;
    const specimensOf = (id: number | undefined) => errors.find((item) => item.id === id)?.specimenIds;
    expect(specimensOf(ids[0])).toEqual([tubes[0]?.barcode]);
    expect(specimensOf(ids[2])).toEqual([tubes[1]?.barcode]);
    // Unreadable: no specimen id could be read, none is invented.
    expect(specimensOf(ids[1])).toEqual([]);
    expect(await instrumentValues(tubes.map((tube) => tube.barcode))).toEqual([]);
  });

  it('the worker takes the messages handed over while it is busy as one batch', async () => {
    const ids: number[] = [];
    for (let index = 0; index < 20; index++) {
      ids.push((await storeInbound(t.db.database, request(`WORKER-BATCH-${index}`, index % 5))).id);
    }
    const watched = observed(t.db.database);
    const worker = new ProcessingWorker(
      watched.database,
      new MessageProcessor(watched.database, new AccessEventWriter(t.db.database)),
      { concurrency: 1, batch: 50 }
    );
    const results = await Promise.all(ids.map((id) => worker.processNow(id)));
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 'orphan'));
    // The first message starts alone; the 19 handed over meanwhile go together.
    expect(watched.transactions).toBeLessThanOrEqual(2);
    await expect(worker.processNow(987_654_321)).rejects.toMatchObject({ code: 'SIL_CONNECT_MESSAGE_NOT_FOUND' });
  });
});
