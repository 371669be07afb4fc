/**
 * Forward-only SQL migrations: `migrations/NNNN_name.sql`, applied in order at start, each in its
 * own transaction, recorded with a checksum (an edited, already applied file is refused).
 * On a PostgreSQL server an advisory lock keeps two starting instances from racing.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

export const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export function loadMigrations(dir: string = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

const migrationLockKey = 0x5111a6e; // arbitrary, stable: "sillage migrations"

export async function migrate(database: Database, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  await database.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await database.transaction(async (tx) => {
      if (database.kind === 'postgres') {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
      }
      const rows = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migration WHERE version = $1', [
        migration.version,
      ]);
      const existing = rows[0];
      if (existing !== undefined) {
        if (existing.checksum !== migration.checksum) {
          throw new Error(
            `La migration ${migration.version} (${migration.name}) a été modifiée après application : ` +
              'les migrations sont immuables, ajoutez-en une nouvelle.'
          );
        }
        return false;
      }
      // Statements of one migration run inside this transaction (no parameters: simple protocol).
      for (const statement of splitSqlStatements(migration.sql)) {
        await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (done) {
      applied.push(`${String(migration.version).padStart(4, '0')}_${migration.name}`);
    }
  }
  return applied;
}

/**
 * Splits a migration into statements so each runs through the extended protocol inside the
 * transaction. Handles `--` comments, quoted strings and `$$` bodies — enough for our own files.
 */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i] as string;
    if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
      current += '\n';
      continue;
    }
    if (ch === "'") {
      const end = sql.indexOf("'", i + 1);
      current += sql.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (ch === '$' && sql[i + 1] === '$') {
      const end = sql.indexOf('$$', i + 2);
      current += sql.slice(i, end + 2);
      i = end + 2;
      continue;
    }
    if (ch === ';') {
      if (current.trim() !== '') {
        statements.push(current.trim());
      }
      current = '';
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  if (current.trim() !== '') {
    statements.push(current.trim());
  }
  return statements;
}
