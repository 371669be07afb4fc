/**
 * Starts Sillage: open the database (lock, migrations), first-start setup, listen, and close
 * cleanly on SIGINT/SIGTERM within 10 s (connections drained, CHECKPOINT, lock released).
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { ensureFirstStart } from './bootstrap/first-start.js';
import type { SillageConfig } from './config.js';
import { openConfiguredDatabase } from './db/open-database.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

const shutdownDeadlineMs = 10_000;

export async function startServer(
  config: SillageConfig,
  hooks: { afterDatabase?: (app: FastifyInstance) => Promise<void> } = {}
): Promise<RunningServer> {
  const opened = await openConfiguredDatabase(config);
  const { database, lock } = opened;
  let app: FastifyInstance;
  try {
    const firstStart = await ensureFirstStart(database, {
      labName: config.labName,
      adminPassword: config.adminPassword,
    });
    app = await buildApp({ database, config });
    for (const migration of opened.appliedMigrations) {
      app.log.info(`migration appliquée : ${migration}`);
    }
    if (firstStart.generatedPassword !== null) {
      // Printed once, on the console only (not through the logger, which may ship logs away).
      console.log(
        `\n  Premier démarrage : compte « admin » créé.\n  Mot de passe (affiché une seule fois) : ${firstStart.generatedPassword}\n`
      );
    }
    await hooks.afterDatabase?.(app);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      try {
        await app.close(); // stops accepting, waits for in-flight requests
      } finally {
        await database.close(); // CHECKPOINT on PGlite, pool drained on PostgreSQL
        lock?.release();
      }
    })();
    return stopping;
  };
  return { app, url: `http://localhost:${port}`, stop };
}

export function stopOnSignals(server: RunningServer): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    server.app.log.info(`${signal} reçu : arrêt propre`);
    const deadline = setTimeout(() => {
      console.error('Arrêt forcé : délai de 10 s dépassé');
      process.exit(1);
    }, shutdownDeadlineMs);
    deadline.unref();
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Erreur à l’arrêt', error);
        process.exit(1);
      }
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
