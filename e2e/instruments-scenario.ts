/**
 * Issue 4 instrument screens in Debian's chromium: the admin creates an HL7 profile listening on a
 * port; a real TCP connection from Node sends ORU^R01 messages over MLLP (one with a code not yet
 * mapped, one for an unknown specimen); the browser shows the link connected with its last message,
 * the message log with the raw bytes and their control characters, the error queue — replayed once
 * the code mapping is added in the UI — and the orphan, assigned to its real tube.
 */
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiSession, type ApiSession } from './api-session.js';
import { artifactsDir, assert, check } from './harness.js';
import { freePort } from './sillage-process.js';

const instrumentCode = 'E2E-HL7';
/** The analyzer's own test code, unknown to Sillage until the admin maps it to GLUCOSE. */
const analyzerGlucoseCode = 'GLU-E2E';
const unknownSpecimen = '999999999999';

// MLLP framing (HL7 v2 minimal lower layer protocol): <VT> message <FS><CR>.
const vt = '\x0b';
const fsCr = '\x1c\r';

function oru(controlId: string, barcode: string, value: string): string {
  const now = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return [
    `MSH|^~\\&|E2E|LAB|SILLAGE|LABO|${now}||ORU^R01^ORU_R01|${controlId}|P|2.5.1|||AL|NE||UNICODE UTF-8`,
    'PID|1||E2E1^^^LAB^PI||GARNIER^Louis||19710409|M',
    'OBR|1|||GLY^Glycémie',
    `OBX|1|NM|${analyzerGlucoseCode}^Glucose^99E2E||${value}|mmol/L||N|||F|||${now}`,
    `SPM|1|${barcode}&LAB||SER`,
    '',
  ].join('\r');
}

/** One MLLP connection kept open (the link shows connected) that sends a message and reads its ACK. */
class MllpClient {
  private buffer = '';
  private waiting: ((frame: string) => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      const end = this.buffer.indexOf(fsCr);
      if (end >= 0 && this.waiting !== null) {
        const frame = this.buffer.slice(this.buffer.indexOf(vt) + 1, end);
        this.buffer = this.buffer.slice(end + fsCr.length);
        const resolve = this.waiting;
        this.waiting = null;
        resolve(frame);
      }
    });
  }

  static open(port: number): Promise<MllpClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new MllpClient(socket)));
      socket.once('error', reject);
    });
  }

  send(message: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('pas d’acquittement HL7 en 15 s')), 15_000);
      this.waiting = (frame) => {
        clearTimeout(timer);
        resolve(frame);
      };
      this.socket.write(vt + message + fsCr);
    });
  }

  close(): void {
    this.socket.end();
  }
}

function ackCode(frame: string): string {
  return (
    frame
      .split('\r')
      .find((segment) => segment.startsWith('MSA|'))
      ?.split('|')[1] ?? ''
  );
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

const accepted = {
  accept: true,
  identityMatches: true,
  containerOk: true,
  fillingOk: true,
  temperature: 'ambiante',
  haemolysis: 0,
  lipaemia: 0,
  icterus: 0,
};

/** A glycémie order whose tube is collected and accepted: the analyzer's result will land on it. */
async function receivedGlucoseTube(
  admin: ApiSession,
  patientId: string
): Promise<{ barcode: string; orderId: string }> {
  const order = await admin.req('POST', '/api/orders', { patientId, analyses: ['GLY'], patientFasting: 'yes' });
  assert(order.status === 201, JSON.stringify(order.json));
  const created = order.json as { id: string; specimens: { barcode: string }[] };
  const barcode = created.specimens[0]?.barcode ?? '';
  const collected = await admin.req('POST', '/api/specimens/collect', { barcodes: [barcode] });
  assert(collected.status === 200, JSON.stringify(collected.json));
  const received = await admin.req('POST', `/api/specimens/${barcode}/receive`, accepted);
  assert(received.status === 200, JSON.stringify(received.json));
  return { barcode, orderId: created.id };
}

/** The glucose value stored on a tube, read back through the worklist API. */
async function glucoseOnTube(admin: ApiSession, barcode: string): Promise<string | null> {
  const worklist = (await admin.req('GET', '/api/worklists?limit=500')).json as {
    specimens: { barcode: string; results: { analyteCode: string; value: string | null; status: string }[] }[];
  };
  const tube = worklist.specimens.find((s) => s.barcode === barcode);
  return tube?.results.find((r) => r.analyteCode === 'GLUCOSE')?.value ?? null;
}

async function openAsAdmin(browser: Browser, base: string, adminPassword: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByLabel('Identifiant').fill('admin');
  await page.getByLabel('Mot de passe', { exact: true }).fill(adminPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('navigation').waitFor();
  return page;
}

function rowWith(page: Page | Locator, text: string): Locator {
  return page.getByRole('row').filter({ hasText: text });
}

export async function runInstrumentsScenario(browser: Browser, base: string, adminPassword: string): Promise<void> {
  const admin = apiSession(base);
  await admin.req('POST', '/api/auth/login', { username: 'admin', password: adminPassword });
  const patient = await admin.req('POST', '/api/patients', {
    birthName: 'Garnier',
    birthFirstNames: 'Louis',
    firstFirstName: 'Louis',
    birthDate: '1971-04-09',
    sex: 'M',
    identityStatus: 'PROV',
    confirmDuplicate: true,
  });
  assert(patient.status === 201, JSON.stringify(patient.json));
  const patientId = (patient.json as { id: string }).id;
  const tube = await receivedGlucoseTube(admin, patientId);
  const orphanTube = await receivedGlucoseTube(admin, patientId);
  const port = await freePort();
  const page = await openAsAdmin(browser, base, adminPassword);
  let instrumentId = '';
  let client: MllpClient | undefined;

  try {
    await check(
      'automates : l’administrateur crée un profil HL7 en écoute',
      async () => {
        await page.goto(`${base}/automates`);
        await page.getByRole('button', { name: 'Nouvel automate' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('Code', { exact: true }).fill(instrumentCode);
        await dialog.getByLabel('Nom', { exact: true }).fill('Analyseur de chimie (e2e)');
        await dialog.getByLabel('Protocole').selectOption('hl7');
        // HL7 carries the barcode in SPM-2, not in the ASTM O.3 field the form starts with.
        const location = await dialog.getByLabel('Champ du code-barres').inputValue();
        assert(location === 'SPM-2.1', `champ du code-barres ${location}`);
        await dialog.getByLabel('Hôte', { exact: true }).fill('127.0.0.1');
        await dialog.getByLabel('Port', { exact: true }).fill(String(port));
        await dialog.getByLabel('Jeu de caractères').selectOption('utf-8');
        await shot(page, '30-automates-nouveau-profil');
        await dialog.getByRole('button', { name: 'Créer' }).click();
        const row = rowWith(page.getByTestId('instruments-table'), instrumentCode);
        await row.getByText('En écoute').waitFor({ timeout: 15_000 });
        const list = (await admin.req('GET', '/api/instruments')).json as { items: { id: string; code: string }[] };
        instrumentId = list.items.find((i) => i.code === instrumentCode)?.id ?? '';
        assert(instrumentId !== '', 'profil absent de l’API');
      },
      page
    );

    await check('automates : deux ORU^R01 par une vraie connexion TCP (MLLP), acquittés AA', async () => {
      client = await MllpClient.open(port);
      const unmapped = await client.send(oru('E2E-1', tube.barcode, '5.4'));
      assert(ackCode(unmapped) === 'AA', `acquittement ${unmapped}`);
      const orphan = await client.send(oru('E2E-2', unknownSpecimen, '6.1'));
      assert(ackCode(orphan) === 'AA', `acquittement ${orphan}`);
    });

    await check(
      'automates : la liaison est « Connectée », avec l’heure du dernier message',
      async () => {
        await page.goto(`${base}/automates`);
        const row = rowWith(page.getByTestId('instruments-table'), instrumentCode);
        // The list polls the live status every 5 s.
        await row.getByText('Connectée').waitFor({ timeout: 20_000 });
        const cells = await row.getByRole('cell').allInnerTexts();
        const lastMessage = cells[5] ?? '';
        assert(/\d{2}\/\d{2}\/\d{4}/.test(lastMessage), `dernier message « ${lastMessage} »`);
        await shot(page, '31-automates-liaison-connectee');
      },
      page
    );

    await check(
      'journal : le message est listé, la vue brute montre les caractères de contrôle',
      async () => {
        await page.goto(`${base}/automates/messages`);
        // The message in error is found by its reason (code not mapped yet).
        const row = rowWith(page, 'SIL_CONNECT_CODE_UNMAPPED');
        await row.first().waitFor({ timeout: 15_000 });
        await rowWith(page, unknownSpecimen).getByText('Orphelin').waitFor();
        await row.first().getByRole('button', { name: 'Voir' }).click();
        const dialog = page.getByRole('dialog');
        const raw = dialog.locator('pre[aria-label="Octets bruts"]');
        await raw.waitFor();
        const text = await raw.innerText();
        assert(text.includes('<CR>'), `pas de <CR> dans la vue brute : ${text.slice(0, 200)}`);
        assert(text.includes('ORU^R01') && text.includes(tube.barcode), text.slice(0, 300));
        await page.waitForTimeout(400); // the modal's opening transition, for a readable screenshot
        await shot(page, '32-automates-message-brut');
        // The decoded text reads the profile's charset (UTF-8 here), one segment a line.
        await dialog.getByRole('tab', { name: 'Texte décodé' }).click();
        const decoded = await dialog.locator('pre[aria-label="Texte décodé"]').innerText();
        assert(decoded.includes('OBR|1|||GLY^Glycémie\nOBX|'), `texte décodé : ${decoded.slice(0, 300)}`);
        await shot(page, '33-automates-message-texte');
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
      },
      page
    );

    await check(
      'file des erreurs : code non correspondant, rejoué après ajout de la correspondance',
      async () => {
        await page.getByRole('tab', { name: 'File des erreurs' }).click();
        const errorRow = rowWith(page.getByRole('tabpanel'), 'SIL_CONNECT_CODE_UNMAPPED');
        await errorRow.waitFor({ timeout: 15_000 });
        await shot(page, '34-automates-file-erreurs');

        await page.goto(`${base}/automates/${instrumentId}`);
        const mappings = page.getByTestId('instrument-mappings-table');
        await mappings.getByLabel('Code automate').last().fill(analyzerGlucoseCode);
        await mappings.getByLabel('Code analyte').last().fill('GLUCOSE');
        await mappings.getByRole('button', { name: 'Enregistrer' }).last().click();
        await rowWith(mappings, 'GLUCOSE').getByText(analyzerGlucoseCode).waitFor({ timeout: 10_000 });
        await shot(page, '35-automates-correspondance');

        await page.goto(`${base}/automates/messages`);
        await page.getByRole('tab', { name: 'File des erreurs' }).click();
        const replayRow = rowWith(page.getByRole('tabpanel'), 'SIL_CONNECT_CODE_UNMAPPED');
        await replayRow.getByRole('button', { name: 'Rejouer' }).click();
        await replayRow.waitFor({ state: 'detached', timeout: 15_000 });
        const value = await glucoseOnTube(admin, tube.barcode);
        assert(value !== null && Number(value.replace(',', '.')) === 5.4, `glucose ${value}`);
      },
      page
    );

    await check(
      'orphelins : l’échantillon inconnu est listé puis rattaché à son tube',
      async () => {
        await page.getByRole('tab', { name: 'Orphelins' }).click();
        const orphanRow = rowWith(page.getByRole('tabpanel'), unknownSpecimen);
        await orphanRow.waitFor({ timeout: 15_000 });
        await shot(page, '36-automates-orphelins');
        const assign = orphanRow.getByLabel('Affecter à un tube');
        await assign.fill(orphanTube.barcode);
        await assign.press('Enter');
        await orphanRow.waitFor({ state: 'detached', timeout: 15_000 });
        const value = await glucoseOnTube(admin, orphanTube.barcode);
        assert(value !== null && Number(value.replace(',', '.')) === 6.1, `glucose ${value}`);
      },
      page
    );
  } finally {
    client?.close();
    await page.context().close();
  }
}
