/**
 * One database interface over two engines: embedded PGlite (default) and a PostgreSQL server
 * (DATABASE_URL). Same SQL on both (PostgreSQL 15 dialect).
 *
 * Discipline (shared/reference/stack.md §2.3): repositories take the handle they run in
 * (`Queryable`); inside `transaction()` the root handle must not be used — on PGlite it would
 * wait forever behind the open transaction. `transactionGuard` turns that deadlock into an error.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type SqlParam =
  string | number | boolean | null | Date | Buffer | readonly string[] | readonly number[] | object;

export interface Queryable {
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const transactionScope = new AsyncLocalStorage<{ database: object }>();

export const transactionGuard = {
  run<T>(database: object, work: () => Promise<T>): Promise<T> {
    return transactionScope.run({ database }, work);
  },
  assertOutside(database: object): void {
    if (transactionScope.getStore()?.database === database) {
      throw new Error(
        'Root database handle used inside a transaction: pass the transaction handle (`tx`) to the repository'
      );
    }
  },
};
