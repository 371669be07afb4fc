/**
 * `npm run backup [-- <file>]`: a consistent archive of the database.
 * - PGlite: the data directory dumped by PGlite itself (`dumpDataDir`, gzip tarball). The server
 *   must be stopped: the data directory lock guarantees nobody writes during the dump.
 * - PostgreSQL (DATABASE_URL): `pg_dump --format=custom`, consistent by MVCC snapshot while
 *   the server keeps running.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../config.js';
import { acquireDataDirLock } from '../db/data-dir-lock.js';

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const requested = process.argv[2];
  if (config.databaseUrl !== undefined) {
    const target = resolve(requested ?? join('backups', `sillage-${timestamp()}.dump`));
    mkdirSync(dirname(target), { recursive: true });
    const result = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, config.databaseUrl], {
      stdio: 'inherit',
    });
    if (result.status !== 0) {
      throw new Error('pg_dump a échoué');
    }
    console.log(`Sauvegarde PostgreSQL écrite : ${target}`);
    return;
  }
  const target = resolve(requested ?? join('backups', `sillage-${timestamp()}.tar.gz`));
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const pglite = await PGlite.create(join(config.dataDir, 'pglite'));
    await pglite.exec('CHECKPOINT');
    const dump = await pglite.dumpDataDir('gzip');
    await pglite.close();
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
    console.log(`Sauvegarde PGlite écrite : ${target} (${dump.size} octets)`);
  } finally {
    lock.release();
  }
}

main().catch((error: unknown) => {
  console.error(`Sauvegarde impossible : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
