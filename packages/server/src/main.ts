import { errorCatalog, SillageError } from '@sillage/core';
import { loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { startServer, stopOnSignals } from './server-runtime.js';

try {
  const server = await startServer(loadConfig());
  stopOnSignals(server);
  console.log(`Sillage écoute sur ${server.url}`);
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  const message =
    error instanceof SillageError
      ? `${errorCatalog[error.code].fr}${error.detail === undefined ? '' : ` (${error.detail})`}`
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(`Sillage n’a pas pu démarrer : ${message}`);
  process.exit(1);
}
