/**
 * `npm run audit:verify`: recomputes the audit hash chain on the configured database and names
 * the first broken link. On PGlite the server must be stopped (the data directory is locked).
 */
import { loadConfig } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { openConfiguredDatabase } from '../db/open-database.js';
import { verifyAuditChain } from '../modules/audit/audit-verify.js';

async function main(): Promise<number> {
  const { database, lock } = await openConfiguredDatabase(loadConfig());
  try {
    const result = await verifyAuditChain(database);
    console.log(JSON.stringify(result));
    if (result.ok) {
      console.log(`Piste d’audit intègre : ${result.eventCount} événements vérifiés.`);
      return 0;
    }
    console.error(
      `Piste d’audit ALTÉRÉE : premier maillon rompu à l’événement n° ${result.brokenAtId} (${result.problem}).`
    );
    return 1;
  } finally {
    await database.close();
    lock?.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof DataDirLockedError ? `${error.message} (arrêtez le serveur avant la vérification)` : error
    );
    process.exit(2);
  }
);
