/**
 * Exclusive lock on the PGlite data directory: two processes on one PGlite directory corrupt it
 * (electric-sql/pglite#327, #709), so a second `npm start` must refuse clearly.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number
  ) {
    super(
      `Le répertoire de données est déjà utilisé par le processus ${holderPid} (verrou ${lockPath}). ` +
        'Arrêtez l’autre instance de Sillage avant d’en démarrer une nouvelle.'
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'sillage.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return {
        release(): void {
          rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      const holder = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(lockPath, holder);
      }
      // Stale lock of a process that died (SIGKILL, power cut): take it over.
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Impossible de verrouiller ${lockPath}`);
}
