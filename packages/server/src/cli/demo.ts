/**
 * `npm run demo`: a living demo lab in ./data-demo (SILLAGE_DATA_DIR to change it), seeded on
 * first run, then served like `npm start`.
 */
import { loadConfig } from '../config.js';
import { demoAccounts, demoAdminPassword, seedDemo } from '../demo/demo-seed.js';
import { startServer, stopOnSignals } from '../server-runtime.js';
import type { Services } from '../services.js';

const config = loadConfig({
  ...process.env,
  SILLAGE_DATA_DIR: process.env.SILLAGE_DATA_DIR ?? './data-demo',
  SILLAGE_ADMIN_PASSWORD: process.env.SILLAGE_ADMIN_PASSWORD ?? demoAdminPassword,
  SILLAGE_LAB_NAME: process.env.SILLAGE_LAB_NAME ?? 'Laboratoire de démonstration Sillage',
});

try {
  const server = await startServer(config, {
    afterDatabase: async (app) => {
      const services = (app as unknown as { services: Services }).services;
      const seeded = await seedDemo(services);
      if (seeded.created) {
        console.log(`Démo : ${seeded.patients} patients et ${demoAccounts.length} comptes créés.`);
      }
    },
  });
  stopOnSignals(server);
  console.log(`\nSillage (démo) écoute sur ${server.url}\nComptes :`);
  console.log(`  admin / ${demoAdminPassword}`);
  for (const account of demoAccounts) {
    console.log(`  ${account.username} / ${account.password}`);
  }
} catch (error) {
  console.error('La démo n’a pas pu démarrer :', error instanceof Error ? error.message : error);
  process.exit(1);
}
