/**
 * Issue 3 end-to-end scenario in Debian's chromium: the secretary registers a patient and an order
 * (NFS, glycémie, créatinine) and prints labels; the technician receives the tubes by typing their
 * barcodes, enters one high and one critical value, validates; the biologist sees flags, delta and
 * a previous result from an earlier order, records the critical-value call, validates; the
 * secretary prints the report, saved as e2e/artifacts/report.pdf and checked with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiSession, type ApiSession } from './api-session.js';
import { artifactsDir, assert, check } from './harness.js';

const password = 'Chemin-des-Vignes-2026';

async function makeUser(
  admin: ApiSession,
  base: string,
  username: string,
  displayName: string,
  role: string
): Promise<ApiSession> {
  const sites = (await admin.req('GET', '/api/admin/sites')).json as { items: { id: string }[] };
  const initial = 'Mot-de-passe-initial-2026';
  const created = await admin.req('POST', '/api/admin/users', {
    username,
    displayName,
    password: initial,
    roles: [role],
    siteIds: [sites.items[0]?.id],
  });
  assert(created.status === 201, `création ${username} : ${JSON.stringify(created.json)}`);
  const first = apiSession(base);
  await first.req('POST', '/api/auth/login', { username, password: initial });
  const changed = await first.req('POST', '/api/auth/password', { currentPassword: initial, newPassword: password });
  assert(changed.status === 204, `mot de passe ${username} : ${JSON.stringify(changed.json)}`);
  const session = apiSession(base);
  const login = await session.req('POST', '/api/auth/login', { username, password });
  assert(login.status === 200, `connexion ${username}`);
  return session;
}

async function openAs(browser: Browser, base: string, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByLabel('Identifiant').fill(username);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('navigation').waitFor();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

export async function runWorkflowScenario(browser: Browser, base: string, adminPassword: string): Promise<void> {
  const admin = apiSession(base);
  await admin.req('POST', '/api/auth/login', { username: 'admin', password: adminPassword });
  const desk = await makeUser(admin, base, 'claire.petit', 'Claire Petit', 'secretaire');
  const bench = await makeUser(admin, base, 'thomas.bernard', 'Thomas Bernard', 'technicien');
  const biologist = await makeUser(admin, base, 'dr.dubois', 'Dr Hélène Dubois', 'biologiste');
  const prescriber = await desk.req('POST', '/api/prescribers', {
    lastName: 'Moreau',
    firstName: 'Paul',
    specialty: 'Médecine générale',
  });
  assert(prescriber.status === 201, JSON.stringify(prescriber.json));

  const sec = await openAs(browser, base, 'claire.petit');
  let patientId = '';
  await check(
    'accueil : la secrétaire enregistre la patiente',
    async () => {
      await sec.goto(`${base}/patients/nouveau`);
      await sec.getByLabel('Nom de naissance', { exact: true }).fill('Rousseau');
      await sec.getByLabel('Prénoms de naissance').fill('Margaux Anne');
      await sec.getByLabel('Premier prénom de naissance').fill('Margaux');
      await sec.getByLabel('Date de naissance').fill('02/11/1958');
      await sec.getByLabel('Sexe').first().click();
      await sec.getByRole('option', { name: /Féminin/ }).click();
      await sec.getByRole('button', { name: 'Créer le patient' }).click();
      await sec.getByTestId('patient-view').waitFor();
      patientId = sec.url().split('/').pop() ?? '';
      assert(patientId.length === 36, `id patient ${patientId}`);
    },
    sec
  );

  await check('antériorité : une demande plus ancienne validée (glycémie, créatinine)', async () => {
    const order = await desk.req('POST', '/api/orders', {
      patientId,
      analyses: ['GLY', 'CREA'],
      patientFasting: 'yes',
    });
    assert(order.status === 201, JSON.stringify(order.json));
    const earlier = order.json as { id: string; specimens: { barcode: string }[] };
    const barcodes = earlier.specimens.map((s) => s.barcode);
    await desk.req('POST', '/api/specimens/collect', {
      barcodes,
      collectedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    });
    for (const barcode of barcodes) {
      const received = await bench.req('POST', `/api/specimens/${barcode}/receive`, {
        accept: true,
        identityMatches: true,
        containerOk: true,
        fillingOk: true,
        temperature: 'ambiante',
        haemolysis: 0,
        lipaemia: 0,
        icterus: 0,
      });
      assert(received.status === 200, JSON.stringify(received.json));
    }
    const worklist = (await bench.req('GET', '/api/worklists')).json as {
      specimens: {
        orderId: string;
        barcode: string;
        results: { resultId: string; analyteCode: string; calculated: boolean }[];
      }[];
    };
    const mine = worklist.specimens.filter((s) => s.orderId === earlier.id);
    for (const specimen of mine) {
      for (const result of specimen.results.filter((r) => !r.calculated)) {
        const value = result.analyteCode === 'GLUCOSE' ? '5,2' : '80';
        const saved = await bench.req('PUT', `/api/results/${result.resultId}`, { value, expectedVersion: 0 });
        assert(saved.status === 200, JSON.stringify(saved.json));
      }
      await bench.req('POST', '/api/results/validate-technical', { specimenBarcode: specimen.barcode });
    }
    const review = (await biologist.req('GET', `/api/validation/orders/${earlier.id}`)).json as {
      results: { id: string; status: string }[];
    };
    const validated = await biologist.req('POST', `/api/validation/orders/${earlier.id}/validate`, {
      resultIds: review.results.filter((r) => r.status === 'technically_validated').map((r) => r.id),
    });
    assert(validated.status === 200, JSON.stringify(validated.json));
  });

  let orderUrl = '';
  const barcodes: Record<string, string> = {};
  await check(
    'accueil : demande NFS, glycémie, créatinine au clavier, tubes et devis',
    async () => {
      await sec.goto(`${base}/patients/${patientId}`);
      await sec.getByTestId('patient-new-order').click();
      await sec.getByLabel('Prescripteur').fill('moreau');
      await sec
        .getByRole('option', { name: /MOREAU/ })
        .first()
        .waitFor();
      await sec.getByLabel('Prescripteur').press('Enter');
      const analyses = sec.getByLabel('Analyses');
      for (const code of ['NFS', 'GLY', 'CREA']) {
        await analyses.fill(code);
        await analyses.press('Enter');
        await sec.locator(`[data-testid="order-analysis-chip"][data-code="${code}"]`).waitFor();
      }
      await sec.getByLabel('Renseignements cliniques').fill('Bilan annuel, diabète de type 2');
      await sec.getByRole('radiogroup', { name: 'Patient à jeun' }).getByLabel('Oui').check();
      await shot(sec, '10-accueil-nouvelle-demande');
      await sec.getByRole('button', { name: 'Enregistrer la demande' }).click();
      await sec.getByTestId('order-view').waitFor();
      orderUrl = sec.url();
      const rows = sec.getByTestId('order-tube-row');
      await rows.first().waitFor();
      for (const row of await rows.all()) {
        const text = await row.innerText();
        const code = (await row.getAttribute('data-barcode')) ?? '';
        for (const analysis of ['NFS', 'GLY', 'CREA']) {
          if (text.includes(analysis)) {
            barcodes[analysis] = code;
          }
        }
      }
      assert(barcodes.NFS && barcodes.GLY && barcodes.CREA, `tubes ${JSON.stringify(barcodes)}`);
      await sec
        .locator('[data-testid="order-quote"] :is([data-testid="api-error"], [data-testid="quote-total"])')
        .first()
        .waitFor();
      await shot(sec, '11-accueil-demande-tubes-devis');
    },
    sec
  );

  await check(
    'accueil : étiquettes 50 × 25 en PDF',
    async () => {
      const href = await sec.getByRole('link', { name: 'Étiquettes (50 × 25)' }).getAttribute('href');
      const labels = await sec.request.get(base + (href ?? ''));
      assert(
        labels.status() === 200 && labels.headers()['content-type']?.startsWith('application/pdf'),
        `étiquettes ${labels.status()}`
      );
      const file = join(artifactsDir, 'labels.pdf');
      writeFileSync(file, await labels.body());
      const text = execFileSync('pdftotext', [file, '-']).toString();
      assert(
        text.includes('ROUSSEAU') && text.includes(barcodes.NFS ?? '?'),
        `texte étiquettes : ${text.slice(0, 200)}`
      );
    },
    sec
  );

  const tech = await openAs(browser, base, 'thomas.bernard');
  await check(
    'réception : le technicien saisit les codes-barres et accepte les tubes',
    async () => {
      await tech.goto(`${base}/reception`);
      for (const code of [barcodes.CREA, barcodes.GLY, barcodes.NFS] as string[]) {
        await tech.getByLabel('Code-barres du tube').fill(code);
        await tech.getByLabel('Code-barres du tube').press('Enter');
        await tech.getByTestId('reception-checklist').waitFor();
        await tech.getByLabel('Identité concordante').check();
        await tech.getByLabel('Contenant conforme').check();
        await tech.getByLabel('Remplissage conforme').check();
        if ((await tech.getByLabel('Préleveur').count()) > 0) {
          await tech.getByLabel('Préleveur').fill('IDE Martin');
        }
        if (code === barcodes.CREA) {
          await shot(tech, '12-reception-controle');
        }
        await tech.getByRole('button', { name: 'Accepter' }).click();
        await tech.locator(`[data-testid="reception-decided-row"]:has-text("${code}")`).waitFor();
      }
    },
    tech
  );

  await check(
    'paillasse : créatinine haute (H) et glycémie critique, validation technique',
    async () => {
      await tech.goto(`${base}/paillasse/saisie?section=biochimie`);
      await tech.getByLabel('Code-barres du tube').fill(barcodes.CREA ?? '');
      await tech.getByLabel('Code-barres du tube').press('Enter');
      await tech.getByTestId('result-grid').waitFor();
      await tech.getByLabel('Créatinine (méthode enzymatique)').fill('150');
      await tech.getByLabel('Créatinine (méthode enzymatique)').press('Enter');
      const creaFlag = tech.locator('[data-analyte="CREATININE"] [data-testid="result-flag"]');
      await creaFlag.waitFor();
      assert(
        (await creaFlag.getAttribute('data-flag')) === 'H',
        `drapeau créatinine ${await creaFlag.getAttribute('data-flag')}`
      );
      await tech.getByRole('button', { name: 'Valider techniquement' }).click();
      await tech.locator('[data-analyte="CREATININE"]:has-text("Validé techniquement")').waitFor();
      await tech.getByLabel('Code-barres du tube').fill(barcodes.GLY ?? '');
      await tech.getByLabel('Code-barres du tube').press('Enter');
      await tech.locator(`[data-testid="result-grid"][data-barcode="${barcodes.GLY}"]`).waitFor();
      await tech.getByLabel('Glucose (glycémie)').fill('30,5');
      await tech.getByLabel('Glucose (glycémie)').press('Enter');
      await tech.getByTestId('critical-call-form').waitFor();
      await shot(tech, '13-paillasse-valeur-critique');
      await tech.getByRole('button', { name: 'Valider techniquement' }).click();
      await tech.locator('[data-analyte="GLUCOSE"]:has-text("Validé techniquement")').waitFor();
    },
    tech
  );

  const bio = await openAs(browser, base, 'dr.dubois');
  await check(
    'validation : le biologiste voit drapeaux, delta et antériorité, note l’appel, valide',
    async () => {
      await bio.goto(`${base}/validation`);
      const orderNumber = await sec.getByTestId('order-number').innerText();
      await bio
        .locator(`[data-testid="validation-queue-row"][data-order-number="${orderNumber}"]`)
        .getByRole('link')
        .click();
      await bio.getByTestId('validation-review').waitFor();
      const crea = bio.locator('[data-testid="validation-result-row"][data-analyte="CREATININE"]');
      await crea.getByTestId('validation-previous').waitFor();
      await crea.getByTestId('result-delta').waitFor();
      assert((await crea.innerText()).includes('80'), 'antériorité 80 µmol/L absente');
      await shot(bio, '14-validation-revue');
      await bio.getByLabel('Personne appelée').fill('Dr Moreau (médecin traitant)');
      await bio.getByLabel('Commentaire').fill('Glycémie 30,5 mmol/L communiquée par téléphone');
      await bio.getByRole('button', { name: 'Enregistrer l’appel' }).click();
      await bio.getByTestId('critical-call-record').first().waitFor();
      await bio.getByRole('button', { name: 'Valider tout' }).click();
      await bio
        .locator('[data-testid="validation-result-row"][data-analyte="GLUCOSE"][data-status="biologically_validated"]')
        .waitFor();
    },
    bio
  );

  await check(
    'compte rendu : la secrétaire l’édite et le remet ; texte vérifié par pdftotext',
    async () => {
      await sec.goto(orderUrl);
      await sec.getByRole('button', { name: 'Éditer le compte rendu' }).click();
      await sec.getByTestId('report-version-row').first().waitFor();
      const href = await sec.getByRole('link', { name: 'Ouvrir le PDF' }).first().getAttribute('href');
      const pdf = await sec.request.get(base + (href ?? ''));
      const file = join(artifactsDir, 'report.pdf');
      writeFileSync(file, await pdf.body());
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      for (const expected of [
        'ROUSSEAU',
        'MARGAUX',
        'Créatinine',
        '150',
        'µmol/L',
        'Glucose',
        '30,50',
        'mmol/L',
        'HH',
        'Dubois',
      ]) {
        assert(text.includes(expected), `« ${expected} » absent du compte rendu`);
      }
      assert(
        /\d+,\d+\s*[–-]\s*\d+/.test(text) || text.includes('≤') || text.includes('≥'),
        'intervalles de référence absents'
      );
      await sec.getByLabel('Identité vérifiée').check();
      await sec.getByRole('button', { name: 'Enregistrer la remise' }).click();
      await sec.getByTestId('report-delivery-row').first().waitFor();
      await shot(sec, '15-accueil-compte-rendu-remis');
    },
    sec
  );
}
