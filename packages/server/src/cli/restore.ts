/**
 * `npm run restore -- <archive>`: restores a backup into an EMPTY target — a data directory
 * without database (PGlite) or an empty database (PostgreSQL). It never overwrites live data.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { loadConfig } from '../config.js';
import { acquireDataDirLock } from '../db/data-dir-lock.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const archive = process.argv[2];
  if (archive === undefined || !existsSync(archive)) {
    throw new Error('usage : npm run restore -- <fichier de sauvegarde>');
  }
  if (config.databaseUrl !== undefined) {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    const [row] = (
      await client.query<{ n: string }>(
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'"
      )
    ).rows;
    await client.end();
    if (Number(row?.n ?? 0) > 0) {
      throw new Error('la base cible n’est pas vide : restaurez dans une base neuve');
    }
    const result = spawnSync('pg_restore', ['--no-owner', `--dbname=${config.databaseUrl}`, resolve(archive)], {
      stdio: 'inherit',
    });
    if (result.status !== 0) {
      throw new Error('pg_restore a échoué');
    }
    console.log('Restauration PostgreSQL terminée.');
    return;
  }
  const pgliteDir = join(config.dataDir, 'pglite');
  if (existsSync(pgliteDir) && readdirSync(pgliteDir).length > 0) {
    throw new Error(`le répertoire ${pgliteDir} contient déjà une base : restaurez dans un répertoire vide`);
  }
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const blob = new Blob([readFileSync(archive)]);
    const pglite = await PGlite.create({ dataDir: pgliteDir, loadDataDir: blob });
    const [check] = (await pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migration')).rows;
    await pglite.exec('CHECKPOINT');
    await pglite.close();
    console.log(`Restauration PGlite terminée dans ${pgliteDir} (${check?.n ?? 0} migrations présentes).`);
  } finally {
    lock.release();
  }
}

main().catch((error: unknown) => {
  console.error(`Restauration impossible : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
