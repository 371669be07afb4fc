/**
 * A `Database` whose `transaction()` runs in a transaction already open, so a feature service
 * (patients, orders) can take part in a larger all-or-nothing unit of work: an order received from
 * outside creates its patient, its order and its message status in ONE transaction, through the
 * same services and audit events as the desk. Using the root handle inside a transaction would
 * deadlock PGlite; this adapter only ever uses the caller's `tx`.
 */
import type { Database, Queryable, SqlParam } from '../../db/database.js';

export function databaseInTransaction(tx: Queryable, kind: Database['kind']): Database {
  return {
    kind,
    query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<Row[]> {
      return tx.query<Row>(sql, params);
    },
    transaction<T>(work: (inner: Queryable) => Promise<T>): Promise<T> {
      return work(tx);
    },
    exec(): Promise<void> {
      return Promise.reject(new Error('exec is not available inside a transaction'));
    },
    close(): Promise<void> {
      return Promise.resolve();
    },
  };
}
