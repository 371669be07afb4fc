import pg from 'pg';
import type { Database, Queryable, SqlParam } from './database.js';
import { transactionGuard } from './database.js';

// Same value mapping as PGlite (pglite-database.ts).
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => value);

export async function openPostgresDatabase(connectionString: string, poolSize: number): Promise<Database> {
  // JIT compilation costs tens of milliseconds and never pays off on the short queries of a
  // laboratory's interactive screens (bench: 41 ms on the biologist queue).
  const pool = new pg.Pool({ connectionString, max: poolSize, application_name: 'sillage', options: '-c jit=off' });
  // Fail fast on a wrong URL instead of on the first request.
  const client = await pool.connect();
  client.release();
  pool.on('error', (error) => {
    // An idle client lost its connection: the pool replaces it; nothing to roll back.
    console.error(`[db] connexion PostgreSQL perdue : ${error.message}`);
  });

  const database: Database = {
    kind: 'postgres',
    async query<Row extends object>(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
      transactionGuard.assertOutside(database);
      const result = await pool.query(sql, params as unknown[]);
      return result.rows as Row[];
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      transactionGuard.assertOutside(database);
      const connection = await pool.connect();
      const tx: Queryable = {
        async query<Row extends object>(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
          const result = await connection.query(sql, params as unknown[]);
          return result.rows as Row[];
        },
      };
      try {
        await connection.query('BEGIN');
        const value = await transactionGuard.run(database, () => work(tx));
        await connection.query('COMMIT');
        return value;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    async exec(sql: string): Promise<void> {
      await pool.query(sql);
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
  return database;
}
