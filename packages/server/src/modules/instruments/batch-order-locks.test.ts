/**
 * Two processing batches recording on the same two orders, from messages in opposite order, at
 * the same time (issue 4): each batch locks all its orders up front in one fixed order, so the
 * second waits for the first instead of PostgreSQL detecting a deadlock and aborting one.
 * PostgreSQL only (`node scripts/with-postgres.mjs npx vitest run <this file>`): PGlite runs one
 * transaction at a time and cannot deadlock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMappings, createInstrument, receivedTube } from '../../connect/connect-test-support.js';
import type { Database, Queryable, SqlParam } from '../../db/database.js';
import { createTestApp, login, testAdminPassword, type TestApp, type TestClient } from '../../testing/test-app.js';
import { AccessEventWriter } from '../audit/audit-writer.js';
import { verifyAuditChain } from '../audit/audit-verify.js';
import { storeInbound } from './inbound-store.js';
import { MessageProcessor } from './message-processor.js';

const onPostgres = (process.env.SILLAGE_TEST_DATABASE_URL ?? '') !== '';

const astmResult = (barcode: string, value: string): Uint8Array =>
  Buffer.from(`H|\\^&|||X|||||||P\rO|1|${barcode}||^^^NA|R\rR|1|^^^NA|${value}|mmol/L||N||F\rL|1|N\r`, 'latin1');

/** Both batches reach the point after their first result lock before either goes on (or 1 s passes). */
class Rendezvous {
  private arrived = 0;
  private release: () => void = () => undefined;
  private readonly all = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  constructor(private readonly expected: number) {}
  async meet(): Promise<void> {
    if (++this.arrived >= this.expected) {
      this.release();
    }
    await Promise.race([this.all, new Promise((resolve) => setTimeout(resolve, 1000))]);
  }
}

/** The database as one batch sees it: pauses after its first result lock; counts deadlocks. */
function interleaved(database: Database, rendezvous: Rendezvous, deadlocks: string[]): Database {
  const watch = (tx: Queryable): Queryable => {
    let met = false;
    return {
      async query<Row extends object>(sql: string, params?: readonly SqlParam[]): Promise<Row[]> {
        try {
          const rows = await tx.query<Row>(sql, params);
          if (!met && /FOR UPDATE OF r\b/.test(sql)) {
            met = true;
            await rendezvous.meet();
          }
          return rows;
        } catch (error) {
          if ((error as { code?: string }).code === '40P01') {
            deadlocks.push(String(error));
          }
          throw error;
        }
      },
    };
  };
  return {
    kind: database.kind,
    query: <Row extends object>(sql: string, params?: readonly SqlParam[]) => database.query<Row>(sql, params),
    transaction: (work) => database.transaction((tx) => work(watch(tx))),
    exec: (sql) => database.exec(sql),
    close: () => database.close(),
  };
}

describe.skipIf(!onPostgres)('batch order locks (PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let instrumentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, 'admin', testAdminPassword);
    instrumentId = (await createInstrument(admin, { code: 'LOCK-TEST', name: 'Lock test', protocol: 'astm' })).id;
    await addMappings(admin, instrumentId, [{ instrumentCode: 'NA', analyteCode: 'SODIUM' }]);
  });
  afterAll(async () => t?.close());

  async function store(raw: Uint8Array): Promise<number> {
    const stored = await storeInbound(t.db.database, {
      instrumentId,
      protocol: 'astm',
      raw,
      remoteAddress: null,
      messageType: 'H,O,R,L',
      controlId: null,
    });
    return stored.id;
  }

  it('two batches on the same orders in opposite order: no deadlock, every value recorded once', async () => {
    const [x, y] = [await receivedTube(admin, ['IONOS']), await receivedTube(admin, ['IONOS'])];
    const first = [await store(astmResult(x?.barcode ?? '', '140')), await store(astmResult(y?.barcode ?? '', '141'))];
    const second = [await store(astmResult(y?.barcode ?? '', '142')), await store(astmResult(x?.barcode ?? '', '143'))];
    const rendezvous = new Rendezvous(2);
    const deadlocks: string[] = [];
    const processor = () =>
      new MessageProcessor(interleaved(t.db.database, rendezvous, deadlocks), new AccessEventWriter(t.db.database));
    const [a, b] = await Promise.all([processor().processBatch(first), processor().processBatch(second)]);
    expect(deadlocks).toEqual([]);
    expect([...a.values(), ...b.values()].map((result) => result.status)).toEqual([
      'processed',
      'processed',
      'processed',
      'processed',
    ]);
    const versions = await t.db.database.query<{ barcode: string; value: string }>(
      `SELECT s.barcode, rv.value_numeric::text AS value FROM result_version rv JOIN result r ON r.id = rv.result_id
       JOIN specimen s ON s.id = r.specimen_id WHERE s.barcode = ANY($1::text[]) AND rv.source = 'instrument'
       ORDER BY rv.value_numeric`,
      [[x?.barcode, y?.barcode]]
    );
    expect(versions).toEqual([
      { barcode: x?.barcode, value: '140' },
      { barcode: y?.barcode, value: '141' },
      { barcode: y?.barcode, value: '142' },
      { barcode: x?.barcode, value: '143' },
    ]);
    expect((await verifyAuditChain(t.db.database)).ok).toBe(true);
  });
});
