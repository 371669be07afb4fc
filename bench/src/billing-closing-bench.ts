/**
 * Issue 5 target: daily closing of a cash desk over 2,000 invoices ≤ 1 s. A migrated in-memory
 * PGlite database gets 2,000 patients, orders and issued invoices, each paid at the desk (mixed
 * methods, some refunds) on each of `days` past days; then each day is closed through the cash
 * desk service (aggregate, Z report PDF, insert, audit, one transaction), side by side with the
 * aggregate SQL alone (what the database costs) — DESIGN.md: compare in the same run.
 */
import { loadConfig } from '../../packages/server/dist/config.js';
import { ensureFirstStart } from '../../packages/server/dist/bootstrap/first-start.js';
import type { Database } from '../../packages/server/dist/db/database.js';
import type { RequestActor } from '../../packages/server/dist/http/request-context.js';
import { createServices } from '../../packages/server/dist/services.js';
import { createTestDatabase } from '../../packages/server/dist/testing/test-database.js';
import { summarize, type LatencySummary } from './latency-stats.js';

export interface ClosingBenchResult {
  engine: 'pglite' | 'postgres';
  invoicesPerDay: number;
  paymentsPerDay: number;
  days: number;
  loadMs: number;
  /** CashDeskService.close: aggregate + Z report PDF + insert + audit, one transaction. */
  closing: LatencySummary;
  /** The closing's aggregate SQL alone on the root handle. */
  aggregateSql: LatencySummary;
  targetMs: number;
  met: boolean;
}

const deskCode = 'BENCH';

function parisDaysAgo(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** 2,000 patients, orders, invoices (F-numbers) and their desk payments for each day, in bulk SQL. */
async function load(database: Database, siteId: string, invoices: number, days: number): Promise<number> {
  const started = performance.now();
  await database.query(
    `INSERT INTO patient (patient_number, birth_name, birth_first_names, first_first_name, birth_date, sex,
       birth_name_key, first_name_key, birth_name_phonetic, first_name_phonetic)
     SELECT 'P' || lpad((90000000 + g)::text, 8, '0'), 'BANC', 'ESSAI', 'ESSAI', DATE '1970-01-01' + (g % 15000), 'F',
            'BANC', 'ESSAI', 'BANK', 'ESA'
       FROM generate_series(1, $1::int) AS g`,
    [invoices]
  );
  await database.query(
    `INSERT INTO lab_order (order_number, patient_id, site_id)
     SELECT 'B' || p.patient_number, p.id, $1 FROM patient p WHERE p.birth_name = 'BANC'`,
    [siteId]
  );
  for (let day = 1; day <= days; day++) {
    const cashDay = parisDaysAgo(day);
    // One invoice per order and day (the partial unique index allows one active invoice per order:
    // earlier days' invoices are marked cancelled, which the closing does not look at).
    await database.query(`UPDATE invoice SET status = 'cancelled' WHERE number LIKE 'F1999-%'`);
    await database.query(
      `INSERT INTO invoice (kind, number, order_id, patient_id, site_id, status, performed_at, acts_date, territory,
         b_value_millicents, total_cents, amo_cents, amc_cents, patient_cents, coverage, issued_at)
       SELECT 'invoice', 'F1999-' || lpad((($2::int - 1) * 100000 + row_number() OVER (ORDER BY o.id))::text, 6, '0'),
              o.id, o.patient_id, $1, 'issued', $3::date + time '09:00', $3::date, 'metropole', 25000, 1450, 870, 0, 580,
              '{}', now()
         FROM lab_order o WHERE o.order_number LIKE 'BP9%'`,
      [siteId, day, cashDay]
    );
    await database.query(
      `INSERT INTO payment (invoice_id, patient_id, site_id, desk_code, cash_day, direction, method, amount_cents, reason)
       SELECT i.id, i.patient_id, $1, $2, $3, 'payment',
              (ARRAY['cash', 'card', 'cheque', 'transfer'])[1 + (row_number() OVER (ORDER BY i.id) % 4)::int], 580, NULL
         FROM invoice i WHERE i.acts_date = $3 AND i.number LIKE 'F1999-%'`,
      [siteId, deskCode, cashDay]
    );
    // One refund for every 50 invoices (a desk's usual corrections).
    await database.query(
      `INSERT INTO payment (invoice_id, patient_id, site_id, desk_code, cash_day, direction, method, amount_cents, reason)
       SELECT i.id, i.patient_id, $1, $2, $3, 'refund', 'cash', 80, 'trop perçu'
         FROM invoice i WHERE i.acts_date = $3 AND i.number LIKE 'F1999-%' AND right(i.number, 2) = '50'`,
      [siteId, deskCode, cashDay]
    );
  }
  return performance.now() - started;
}

export async function runClosingBench(options: { invoices?: number; days?: number } = {}): Promise<ClosingBenchResult> {
  const invoices = options.invoices ?? 2_000;
  const days = options.days ?? 5;
  const db = await createTestDatabase();
  try {
    const database = db.database;
    await ensureFirstStart(database, { labName: 'Laboratoire du banc', adminPassword: 'Banc-Essai-Clotures-2026' });
    const config = loadConfig({ LOG_LEVEL: 'warn' });
    const services = createServices(database, config);
    const [site] = await database.query<{ id: string }>('SELECT id FROM site ORDER BY created_at LIMIT 1');
    const [admin] = await database.query<{ id: string }>("SELECT id FROM app_user WHERE username = 'admin'");
    const siteId = (site as { id: string }).id;
    const loadMs = await load(database, siteId, invoices, days);
    const [payments] = await database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM payment WHERE cash_day = $1',
      [parisDaysAgo(1)]
    );
    const actor: RequestActor = {
      kind: 'user',
      userId: (admin as { id: string }).id,
      name: 'admin',
      roles: ['admin'],
      permissions: [],
      siteIds: [siteId],
      locale: 'fr',
      sessionTokenHash: null,
      csrfToken: null,
      tokenId: null,
    };
    const context = { actor, requestId: 'bench', address: null };

    // Warm-up: fonts and pdfmake loaded, query plans cached (a closing on a day without payments).
    await services.billing.cash.close(
      {
        deskCode: 'WARMUP',
        date: parisDaysAgo(0),
        counted: { cash: 0, card: 0, cheque: 0, transfer: 0 },
        cashFloatCents: 0,
        comment: null,
      },
      siteId,
      context
    );

    const aggregateSamples: number[] = [];
    const aggregateStarted = performance.now();
    for (let day = 1; day <= days; day++) {
      const started = performance.now();
      await database.query(
        `SELECT method, sum(amount_cents) FILTER (WHERE direction = 'payment') AS received,
                sum(amount_cents) FILTER (WHERE direction = 'refund') AS refunded, count(*) AS n
           FROM payment WHERE site_id = $1 AND desk_code = $2 AND cash_day = $3 GROUP BY method`,
        [siteId, deskCode, parisDaysAgo(day)]
      );
      aggregateSamples.push(performance.now() - started);
    }
    const aggregateMs = performance.now() - aggregateStarted;

    const closingSamples: number[] = [];
    const closingStarted = performance.now();
    for (let day = 1; day <= days; day++) {
      const started = performance.now();
      await services.billing.cash.close(
        {
          deskCode,
          date: parisDaysAgo(day),
          counted: { cash: 0, card: 0, cheque: 0, transfer: 0 },
          cashFloatCents: 15_000,
          comment: null,
        },
        siteId,
        context
      );
      closingSamples.push(performance.now() - started);
    }
    const closingMs = performance.now() - closingStarted;
    const closing = summarize(closingSamples, closingMs);
    const targetMs = 1_000;
    return {
      engine: db.engine,
      invoicesPerDay: invoices,
      paymentsPerDay: Number(payments?.n ?? 0),
      days,
      loadMs: Math.round(loadMs),
      closing,
      aggregateSql: summarize(aggregateSamples, aggregateMs),
      targetMs,
      met: closing.latencyMs.max <= targetMs,
    };
  } finally {
    await db.dispose();
  }
}
