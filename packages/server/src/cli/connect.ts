/**
 * `npm run connect` (node packages/server/dist/cli/connect.js): the instrument links and the inbound
 * queue worker in their own process, so that restarting or upgrading the HTTP server never drops an
 * analyzer connection. For PostgreSQL (DATABASE_URL): run the server with SILLAGE_CONNECT=external
 * and this process beside it. On PGlite the data directory is locked by one process, so this runs
 * only while the server does not (e.g. a dedicated link box, or the crash test).
 *
 * Writes one JSON object per line on stdout (`{"event":"listening","instrument":…,"port":…}`,
 * `{"event":"ready",…}`), publishes link statuses to `instrument_link_status` every 5 s for the
 * server's screens, and stops cleanly on SIGINT/SIGTERM (links closed, queue drained, CHECKPOINT).
 */
import { errorCatalog, SillageError } from '@sillage/core';
import type { ConnectLogger } from '../connect/connect-options.js';
import { loadConfig } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { openConfiguredDatabase } from '../db/open-database.js';
import { AccessEventWriter } from '../modules/audit/audit-writer.js';
import { InstrumentService } from '../modules/instruments/instruments.service.js';
import { upsertLinkStatus } from '../modules/instruments/messages.repository.js';

const statusPublishMs = 5000;

function line(event: string, data: object = {}): void {
  process.stdout.write(`${JSON.stringify({ event, at: new Date().toISOString(), ...data })}\n`);
}

const logger: ConnectLogger = {
  info: (data, message) => line(message === 'liaison en écoute' ? 'listening' : 'info', { message, ...data }),
  warn: (data, message) => line('warn', { message, ...data }),
  error: (data, message) => line('error', { message, ...data }),
};

async function main(): Promise<void> {
  const config = loadConfig();
  const opened = await openConfiguredDatabase(config);
  const { database, lock } = opened;
  const instruments = new InstrumentService(database, new AccessEventWriter(database));
  await instruments.startLinks({ logger }, true);

  const publish = async (): Promise<void> => {
    for (const [id, status] of instruments.linkManager.allStatuses()) {
      await upsertLinkStatus(database, id, { ...status, source: 'connect-process' });
    }
  };
  await publish();
  const publisher = setInterval(() => {
    publish().catch((error: unknown) => logger.warn({ err: String(error) }, 'état des liaisons non publié'));
  }, statusPublishMs);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    line('stopping', { signal });
    clearInterval(publisher);
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    instruments
      .stopLinks()
      .then(() => database.close())
      .then(
        () => {
          lock?.release();
          line('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          line('error', { message: String(error) });
          process.exit(1);
        }
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  line('ready', {
    engine: database.kind,
    links: [...instruments.linkManager.allStatuses()].map(([id, status]) => ({
      id,
      state: status.state,
      port: status.port,
    })),
  });
}

main().catch((error: unknown) => {
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
  console.error(`Liaisons automates : démarrage impossible : ${message}`);
  process.exit(1);
});
