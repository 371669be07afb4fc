import { join } from 'node:path';
import type { SillageConfig } from '../config.js';
import type { Database } from './database.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { migrate } from './migrate.js';
import { ensurePgliteDataDir, openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase } from './postgres-database.js';

export interface OpenedDatabase {
  database: Database;
  lock: DataDirLock | undefined;
  appliedMigrations: string[];
}

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite in `<dataDir>/pglite` under a lock. */
export async function openConfiguredDatabase(config: SillageConfig): Promise<OpenedDatabase> {
  if (config.databaseUrl !== undefined) {
    const database = await openPostgresDatabase(config.databaseUrl, config.databasePoolSize);
    return { database, lock: undefined, appliedMigrations: await migrate(database) };
  }
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const database = await openPgliteDatabase(await ensurePgliteDataDir(join(config.dataDir, 'pglite')));
    return { database, lock, appliedMigrations: await migrate(database) };
  } catch (error) {
    lock.release();
    throw error;
  }
}
