/**
 * End-to-end suite (issue 2 § tests): the built Sillage on a temporary data directory, driven in
 * Debian's chromium by playwright-core. Also checks the process contract: the data-directory
 * lock refuses a second instance, SIGTERM stops cleanly within 10 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { artifactsDir, assert, check, writeResults } from './harness.js';
import { startSillage, type SillageProcess } from './sillage-process.js';
import { runBillingScenario } from './billing-scenario.js';
import { runInstrumentsScenario } from './instruments-scenario.js';
import { runWorkflowScenario } from './workflow-scenario.js';

const adminPassword = 'Escalier-de-Montmartre-2026';
const secretaryPassword = 'Tulipe-verte-sur-le-quai';
const secretaryNewPassword = 'Glycine-mauve-au-balcon';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// As root on a closed network, chromium needs these flags (machine notes: node.md).
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

async function loginInBrowser(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Identifiant').fill(username);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sillage-e2e-'));
  let server: SillageProcess | undefined;
  let browser: Browser | undefined;
  try {
    server = await startSillage({ SILLAGE_DATA_DIR: dataDir, SILLAGE_ADMIN_PASSWORD: adminPassword });
    const url = server.url;
    console.log(`Sillage démarré sur ${url} (données : ${dataDir})`);

    await check('GET /api/health répond sur PGlite', async () => {
      const health = (await (await fetch(`${url}/api/health`)).json()) as { status: string; db: string };
      assert(health.status === 'ok' && health.db === 'pglite', JSON.stringify(health));
    });

    await check('un second démarrage sur le même répertoire de données est refusé', async () => {
      const second = await startSillage({ SILLAGE_DATA_DIR: dataDir, SILLAGE_ADMIN_PASSWORD: adminPassword }, false);
      const code = await second.exited;
      assert(code === 2, `code de sortie ${code}`);
      assert(/déjà utilisé/.test(second.output()), second.output());
    });

    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();

    await check(
      'l’administrateur se connecte, en français',
      async () => {
        await loginInBrowser(page, url, 'admin', adminPassword);
        await page.getByText('Administration', { exact: false }).first().waitFor({ timeout: 15_000 });
        await shot(page, '01-admin-accueil');
      },
      page
    );

    const secretaryUsername = 'sophie.martin';
    await check(
      'l’administrateur crée une secrétaire',
      async () => {
        await page.goto(`${url}/admin/utilisateurs`);
        await page
          .getByRole('button', { name: /Créer l.utilisateur|Nouvel utilisateur/ })
          .first()
          .click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('Identifiant').fill(secretaryUsername);
        await dialog.getByLabel(/Nom affiché|Nom complet/).fill('Sophie Martin');
        await dialog
          .getByLabel(/Mot de passe/)
          .first()
          .fill(secretaryPassword);
        await dialog.getByLabel(/Secrétaire/).check();
        await shot(page, '02-admin-nouvelle-secretaire');
        await dialog.getByRole('button', { name: /Créer|Enregistrer/ }).click();
        await page.getByRole('cell', { name: secretaryUsername }).waitFor({ timeout: 10_000 });
        await shot(page, '03-admin-utilisateurs');
      },
      page
    );

    await check(
      'la secrétaire se connecte',
      async () => {
        await context.clearCookies();
        await loginInBrowser(page, url, secretaryUsername, secretaryPassword);
        // A password set by an admin is provisional: the first login asks for a new one.
        await page.getByLabel('Mot de passe actuel').fill(secretaryPassword);
        await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(secretaryNewPassword);
        await page.getByLabel('Confirmation du nouveau mot de passe').fill(secretaryNewPassword);
        await shot(page, '04a-secretaire-changement-mot-de-passe');
        await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
        await page.getByLabel('Rechercher un patient').waitFor({ timeout: 15_000 });
        await shot(page, '04-secretaire-accueil');
      },
      page
    );

    await check(
      'la secrétaire crée une patiente',
      async () => {
        await page.goto(`${url}/patients/nouveau`);
        await page.getByLabel('Nom de naissance', { exact: true }).fill('Lefèvre');
        await page.getByLabel('Prénoms de naissance').fill('Camille Jeanne');
        await page.getByLabel('Premier prénom de naissance').fill('Camille');
        await page.getByLabel('Date de naissance').fill('14/07/1989');
        await page.getByLabel('Sexe').first().click();
        await page.getByRole('option', { name: /Féminin/ }).click();
        await shot(page, '05-secretaire-nouvelle-patiente');
        await page.getByRole('button', { name: /Créer le patient|Enregistrer/ }).click();
        await page
          .getByText(/P\d{8}/)
          .first()
          .waitFor({ timeout: 10_000 });
        await page.getByText('LEFEVRE').first().waitFor();
        await shot(page, '06-secretaire-dossier-patiente');
      },
      page
    );

    await check(
      'la secrétaire la retrouve par « LEFEVRE 14/07/1989 »',
      async () => {
        await page.goto(url);
        const search = page.getByLabel('Rechercher un patient');
        await search.fill('LEFEVRE 14/07/1989');
        await search.press('Enter');
        await page.getByText('CAMILLE').first().waitFor({ timeout: 10_000 });
        await shot(page, '07-secretaire-recherche');
      },
      page
    );

    await runWorkflowScenario(browser, url, adminPassword);
    await runBillingScenario(browser, url, adminPassword);
    await runInstrumentsScenario(browser, url, adminPassword);

    await check('SIGTERM arrête Sillage proprement en moins de 10 s', async () => {
      const started = Date.now();
      server?.child.kill('SIGTERM');
      const code = await server?.exited;
      assert(code === 0, `code de sortie ${code}`);
      assert(Date.now() - started < 10_000, `${Date.now() - started} ms`);
      server = undefined;
    });
  } finally {
    await browser?.close();
    server?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main()
  .catch(async (error: unknown) => {
    await check('démarrage de la suite', () => Promise.reject(error));
  })
  .finally(() => {
    const { failed } = writeResults();
    process.exit(failed === 0 ? 0 : 1);
  });
