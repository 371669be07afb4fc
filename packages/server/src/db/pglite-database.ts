import { existsSync, renameSync, rmSync } from 'node:fs';
import { PGlite, types, type PGliteInterface } from '@electric-sql/pglite';
import type { Database, Queryable, SqlParam } from './database.js';
import { transactionGuard } from './database.js';

/** Type parsers shared with the pg driver so both engines return the same JS values. */
export const pgliteParsers = {
  [types.DATE]: (value: string): string => value, // calendar dates stay 'YYYY-MM-DD' (no time zone shift)
  [types.INT8]: (value: string): number => Number(value), // ids and counts stay below 2^53
  [types.NUMERIC]: (value: string): string => value, // money and coefficients stay exact
};

export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  const pglite = await PGlite.create(dataDir === undefined ? undefined : dataDir, { parsers: pgliteParsers });
  return wrapPglite(pglite);
}

export function wrapPglite(pglite: PGliteInterface): Database {
  const database: Database = {
    kind: 'pglite',
    async query<Row extends object>(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
      transactionGuard.assertOutside(database);
      const result = await pglite.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      transactionGuard.assertOutside(database);
      return pglite.transaction(async (pgliteTx) => {
        const tx: Queryable = {
          async query<Row extends object>(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
            const result = await pgliteTx.query<Row>(sql, params as unknown[]);
            return result.rows;
          },
        };
        return transactionGuard.run(database, () => work(tx));
      });
    },
    async exec(sql: string): Promise<void> {
      await pglite.exec(sql);
    },
    async close(): Promise<void> {
      if (!pglite.closed) {
        // PGlite 0.4.4+ no longer checkpoints by itself: flush the WAL before closing so a
        // restart does not replay it (stack.md §2.3, decocms/studio#2710).
        await pglite.exec('CHECKPOINT');
        await pglite.close();
      }
    },
  };
  return database;
}

/**
 * First start runs initdb; a kill during initdb leaves a directory PGlite cannot open
 * (aws-blocks#128). So initdb runs in a temporary directory renamed into place when complete.
 */
export async function ensurePgliteDataDir(dir: string): Promise<string> {
  if (existsSync(dir)) {
    return dir;
  }
  const staging = `${dir}.init-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const fresh = await PGlite.create(staging, { parsers: pgliteParsers });
  await fresh.exec('CHECKPOINT');
  await fresh.close();
  renameSync(staging, dir);
  return dir;
}
