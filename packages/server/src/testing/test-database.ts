/**
 * Databases for tests. Default: an in-memory PGlite, migrated once per worker and cloned per
 * test file (stack.md §7). With SILLAGE_TEST_DATABASE_URL (set by `npm run test:pg`): a fresh
 * schema on that PostgreSQL server per test file, dropped afterwards.
 */
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { wrapPglite, pgliteParsers } from '../db/pglite-database.js';
import { openPostgresDatabase } from '../db/postgres-database.js';

let template: Promise<PGlite> | undefined;

async function migratedTemplate(): Promise<PGlite> {
  const pglite = await PGlite.create({ parsers: pgliteParsers });
  await migrate(wrapPglite(pglite));
  return pglite;
}

export interface TestDatabase {
  database: Database;
  engine: 'pglite' | 'postgres';
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.SILLAGE_TEST_DATABASE_URL;
  if (url !== undefined && url !== '') {
    return createPostgresTestDatabase(url);
  }
  template ??= migratedTemplate();
  const clone = await (await template).clone();
  const database = wrapPglite(clone);
  return { database, engine: 'pglite', dispose: () => clone.close() };
}

async function createPostgresTestDatabase(url: string): Promise<TestDatabase> {
  const name = `sillage_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openPostgresDatabase(testUrl.toString(), 4);
  await migrate(database);
  return {
    database,
    engine: 'postgres',
    async dispose(): Promise<void> {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
