/**
 * `npm run nabm:import -- <folder> [--dry-run]`: imports a CNAM NABM release — the open-data files
 * IR_BIO_R (acts) and IR_BTF_R (coefficient history), semicolon CSV — into the configured
 * database, printing the differences with the current release (new, removed, changed
 * coefficients). All or nothing. On PGlite the server must be stopped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SillageError, errorCatalog } from '@sillage/core';
import { loadConfig } from '../config.js';
import { openConfiguredDatabase } from '../db/open-database.js';
import { BillingService } from '../modules/billing/billing.service.js';
import { withoutProvenanceHeader } from '../modules/billing/nabm-file-text.js';

function findFile(folder: string, prefix: string): string {
  const match = readdirSync(folder).find((f) => f.toUpperCase().startsWith(prefix) && /\.(csv|txt)$/i.test(f));
  if (match === undefined) {
    throw new Error(`fichier ${prefix}*.csv introuvable dans ${folder}`);
  }
  return join(folder, match);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith('--'));
  if (folder === undefined) {
    console.error('usage : npm run nabm:import -- <dossier contenant IR_BIO_R*.csv et IR_BTF_R*.csv> [--dry-run]');
    return 2;
  }
  const dir = resolve(folder);
  const actsCsv = withoutProvenanceHeader(readFileSync(findFile(dir, 'IR_BIO_R'), 'latin1'));
  const historyCsv = withoutProvenanceHeader(readFileSync(findFile(dir, 'IR_BTF_R'), 'latin1'));
  const { database, lock } = await openConfiguredDatabase(loadConfig());
  try {
    const summary = await new BillingService(database).importNabm(
      { actsCsv, historyCsv, source: dir },
      !args.includes('--dry-run'),
      { actor: null, requestId: 'nabm-import-cli', address: null }
    );
    console.log(JSON.stringify(summary, null, 2));
    console.error(
      `${summary.actCount} actes, ${summary.periodCount} périodes : ${summary.added.length} nouveaux, ` +
        `${summary.removed.length} supprimés, ${summary.changedCoefficients.length} coefficients modifiés` +
        (summary.applied ? ' — importé.' : ' — simulation, rien n’a été écrit.')
    );
    return 0;
  } catch (error) {
    if (error instanceof SillageError) {
      console.error(`${errorCatalog[error.code].fr} ${error.detail ?? ''}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
    lock?.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
);
