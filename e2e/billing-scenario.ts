/**
 * Issue 5 end-to-end scenario (item 9) in Debian's chromium: the admin imports the CNAM NABM
 * release through the HTTP route; at the desk the order shows its quote, the secretary invoices
 * it, an amount above what is due is refused with the server's French message, the patient pays
 * in two parts; the invoice PDF is saved as e2e/artifacts/invoice.pdf and checked with pdftotext;
 * an imported AMO rejection becomes a dispute on the disputes page, resolved by billing the
 * patient, who then owes that amount at the desk; the desk's day is closed (Z report), a second
 * closing is refused, a refund on the closed day too; the invoice is cancelled by a credit note.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiSession, type ApiSession } from './api-session.js';
import { artifactsDir, assert, check } from './harness.js';
import { repoRoot } from './sillage-process.js';

const password = 'Allee-des-Platanes-2026';
const username = 'lucie.garnier';
const nabmDir = join(
  process.env.SILLAGE_SHARED_FIXTURES ?? join(repoRoot, '..', 'shared', 'fixtures'),
  'france',
  'nabm'
);

interface InvoiceLineJson {
  code: string;
  billed: boolean;
  amountCents: number;
}

interface InvoiceJson {
  id: string;
  number: string | null;
  totalCents: number;
  amoCents: number;
  patientCents: number;
  patientChargedCents: number;
  patientRemainingCents: number;
  lines: InvoiceLineJson[];
}

/** `5675` → `56,75`: amounts as the French documents print them (without thousands here). */
function frenchAmount(cents: number): string {
  return `${String(Math.floor(cents / 100))},${String(cents % 100).padStart(2, '0')}`;
}

/** A NIR with its key: 97 − (13-digit body mod 97) (décret 82-103, INSEE). */
function nirWithKey(body: string): string {
  return `${body}${String(97n - (BigInt(body) % 97n)).padStart(2, '0')}`;
}

function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

async function makeSecretary(admin: ApiSession, base: string): Promise<ApiSession> {
  const sites = (await admin.req('GET', '/api/admin/sites')).json as { items: { id: string }[] };
  const initial = 'Mot-de-passe-initial-2026';
  const created = await admin.req('POST', '/api/admin/users', {
    username,
    displayName: 'Lucie Garnier',
    password: initial,
    roles: ['secretaire'],
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

async function openAs(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
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

async function readInvoice(desk: ApiSession, id: string): Promise<InvoiceJson> {
  const answer = await desk.req('GET', `/api/invoices/${id}`);
  assert(answer.status === 200, `facture ${id} : ${JSON.stringify(answer.json)}`);
  return answer.json as InvoiceJson;
}

export async function runBillingScenario(browser: Browser, base: string, adminPassword: string): Promise<void> {
  if (!existsSync(nabmDir)) {
    await check('facturation : import NABM, facture, paiement, litige (ignoré : ../shared absent)', async () => {
      console.log(`    ${nabmDir} absent : scénario de facturation non joué`);
    });
    return;
  }
  const admin = apiSession(base);
  await admin.req('POST', '/api/auth/login', { username: 'admin', password: adminPassword });

  await check('facturation : l’administrateur importe la NABM (fichiers CNAM IR_BIO_R et IR_BTF_R)', async () => {
    // The CNAM files are latin1 (nabm.routes.ts): decoded as such before going into JSON.
    const answer = await admin.req('POST', '/api/billing/nabm/import', {
      actsCsv: readFileSync(join(nabmDir, 'IR_BIO_R_nabm_actes_biologie.csv'), 'latin1'),
      historyCsv: readFileSync(join(nabmDir, 'IR_BTF_R_coefficient_history.csv'), 'latin1'),
      dryRun: false,
      source: 'e2e : fixtures CNAM',
    });
    const summary = answer.json as { applied?: boolean; actCount?: number };
    assert(
      answer.status === 200 && summary.applied === true,
      `import NABM ${answer.status} ${JSON.stringify(answer.json).slice(0, 300)}`
    );
    assert((summary.actCount ?? 0) > 1000, `actes importés : ${summary.actCount}`);
  });

  const desk = await makeSecretary(admin, base);
  const patient = await desk.req('POST', '/api/patients', {
    birthName: 'Fontaine',
    usedName: null,
    birthFirstNames: 'Élise Marie',
    firstFirstName: 'Élise',
    birthDate: '1975-04-23',
    sex: 'F',
    identityStatus: 'PROV',
    confirmDuplicate: true,
  });
  assert(patient.status === 201, `patiente : ${JSON.stringify(patient.json)}`);
  const patientId = (patient.json as { id: string }).id;
  // Coverage entered by hand from the carte Vitale reading (régime général, no AMC): tiers payant AMO.
  const coverage = await desk.req('PUT', `/api/patients/${patientId}/coverage`, {
    amo: {
      regime: '01',
      caisse: '751',
      centre: '0001',
      insuredNir: nirWithKey('2750475123456'),
      beneficiaryRank: '00',
      validFrom: '2020-01-01',
      validTo: null,
      exoneration: null,
      alsaceMoselle: false,
    },
    amc: null,
  });
  assert(coverage.status === 200, `couverture : ${JSON.stringify(coverage.json)}`);
  const order = await desk.req('POST', '/api/orders', {
    patientId,
    analyses: ['NFS', 'GLY', 'CREA'],
    patientFasting: 'yes',
    acknowledgeWarnings: true,
  });
  assert(order.status === 201, `demande : ${JSON.stringify(order.json)}`);
  const orderId = (order.json as { id: string }).id;

  const sec = await openAs(browser, base);
  let invoice: InvoiceJson | undefined;

  await check(
    'facturation : au guichet la demande affiche son devis, puis la secrétaire la facture',
    async () => {
      await sec.goto(`${base}/demandes/${orderId}`);
      const quoteTotal = sec.getByTestId('quote-total');
      await quoteTotal.waitFor({ timeout: 15_000 });
      await sec.getByTestId('invoice-none').waitFor();
      await shot(sec, '20-facturation-devis');
      await sec.getByRole('button', { name: 'Facturer le dossier' }).click();
      const detail = sec.getByTestId('invoice-detail');
      await detail.waitFor();
      const id = (await detail.getAttribute('data-invoice-id')) ?? '';
      invoice = await readInvoice(desk, id);
      assert(invoice.number !== null && /^F\d{4}-\d{6}$/.test(invoice.number), `numéro ${invoice.number}`);
      const billed = invoice.lines.filter((line) => line.billed).map((line) => line.code);
      for (const code of ['1104', '0552', '0592', '9005']) {
        assert(billed.includes(code), `acte ${code} absent des lignes facturées (${billed.join(', ')})`);
        await sec.locator(`[data-testid="invoice-line"][data-code="${code}"]`).waitFor();
      }
      // The quote told the patient what the invoice now says (same cotation engine, same data).
      const quoted = await quoteTotal.innerText();
      const invoiced = await sec.getByTestId('invoice-total').innerText();
      assert(quoted === invoiced, `devis ${quoted} ≠ facture ${invoiced}`);
      assert(invoice.patientCents > 0, `part patient ${invoice.patientCents}`);
      await shot(sec, '21-facturation-facture');
    },
    sec
  );

  await check(
    'facturation : un paiement supérieur au reste dû est refusé avec le message du serveur',
    async () => {
      assert(invoice !== undefined, 'pas de facture');
      const form = sec.getByTestId('payment-form');
      await form.getByLabel('Montant (€)').fill(frenchAmount(invoice.patientRemainingCents + 100));
      await form.getByRole('button', { name: 'Encaisser' }).click();
      const error = form.getByTestId('api-error');
      await error.waitFor();
      assert((await error.getAttribute('data-code')) === 'SIL_PAYMENT_EXCEEDS_DUE', 'code d’erreur');
      const text = await error.innerText();
      assert(text.includes('Paiement supérieur au reste dû'), `message : ${text}`);
      const after = await readInvoice(desk, invoice.id);
      assert(after.patientRemainingCents === invoice.patientRemainingCents, 'un paiement refusé a changé le reste dû');
      await shot(sec, '22-facturation-paiement-refuse');
    },
    sec
  );

  await check(
    'facturation : la patiente paie en deux fois (2,00 € en espèces, le reste par carte)',
    async () => {
      assert(invoice !== undefined, 'pas de facture');
      const form = sec.getByTestId('payment-form');
      await form.getByRole('radio', { name: 'Espèces' }).check();
      await form.getByLabel('Montant (€)').fill('2,00');
      await form.getByRole('button', { name: 'Encaisser' }).click();
      await sec.locator('[data-testid="invoice-payment-row"]').first().waitFor();
      const rest = frenchAmount(invoice.patientRemainingCents - 200);
      await sec.getByTestId('invoice-remaining').filter({ hasText: rest }).waitFor();
      await form.getByRole('radio', { name: 'Carte bancaire' }).check();
      assert((await form.getByLabel('Montant (€)').inputValue()) === rest, 'montant prérempli ≠ reste dû');
      await form.getByRole('button', { name: 'Encaisser' }).click();
      await sec.getByTestId('invoice-settled').waitFor();
      const after = await readInvoice(desk, invoice.id);
      assert(after.patientRemainingCents === 0, `reste dû ${after.patientRemainingCents}`);
      assert((await sec.getByTestId('invoice-payment-row').count()) === 2, 'deux paiements attendus');
      await shot(sec, '23-facturation-payee');
    },
    sec
  );

  await check(
    'facturation : la facture PDF est enregistrée (e2e/artifacts/invoice.pdf) et lue par pdftotext',
    async () => {
      assert(invoice !== undefined, 'pas de facture');
      const href = await sec.getByTestId('invoice-pdf').getAttribute('href');
      const pdf = await sec.request.get(base + (href ?? ''));
      assert(
        pdf.status() === 200 && pdf.headers()['content-type']?.startsWith('application/pdf'),
        `PDF ${pdf.status()}`
      );
      const file = join(artifactsDir, 'invoice.pdf');
      writeFileSync(file, await pdf.body());
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      for (const expected of [
        'FONTAINE',
        invoice.number ?? '?',
        '1104',
        '0552',
        '0592',
        '9005',
        frenchAmount(invoice.totalCents),
        frenchAmount(invoice.amoCents),
        frenchAmount(invoice.patientCents),
      ]) {
        assert(text.includes(expected), `« ${expected} » absent de la facture PDF`);
      }
      const receipt = await sec.request.get(
        base + ((await sec.getByTestId('invoice-receipt').getAttribute('href')) ?? '')
      );
      assert(receipt.status() === 200, `reçu ${receipt.status()}`);
    },
    sec
  );

  await check(
    'facturation : la liste des factures montre la facture, son total et son reste dû',
    async () => {
      assert(invoice !== undefined, 'pas de facture');
      await sec.goto(`${base}/factures?date=${parisToday()}`);
      const row = sec.locator(`[data-testid="invoices-row"][data-invoice-number="${invoice.number}"]`);
      await row.waitFor();
      const text = await row.innerText();
      assert(text.includes(frenchAmount(invoice.totalCents)), `total absent : ${text}`);
      assert(text.includes('FONTAINE'), `patiente absente : ${text}`);
      await shot(sec, '24-facturation-liste');
    },
    sec
  );

  await runDisputeSteps(sec, base, desk, orderId, () => invoice);

  await check(
    'caisse : compté contre attendu, clôture de la journée et rapport Z ; seconde clôture refusée',
    async () => {
      await sec.goto(`${base}/caisse`);
      const day = sec.getByTestId('cash-day');
      await day.waitFor();
      assert((await sec.getByTestId('cash-movement-row').count()) === 3, 'trois paiements attendus ce jour');
      const expected: Record<string, string> = {};
      for (const row of await sec.getByTestId('cash-count-row').all()) {
        const method = (await row.getAttribute('data-method')) ?? '';
        expected[method] = (await row.getByTestId('cash-expected').innerText()).replace(/[^\d,]/g, '');
      }
      assert(expected.cash === '2,00', `espèces attendues ${expected.cash}`);
      // One euro missing in the drawer: the difference shows before closing and is archived.
      await sec.getByLabel('Compté — Espèces').fill('1,00');
      await sec.getByLabel('Compté — Carte bancaire').fill(expected.card ?? '0');
      await sec.getByLabel('Compté — Chèque').fill(expected.cheque ?? '0');
      await sec.getByLabel('Compté — Virement').fill(expected.transfer ?? '0');
      const difference = await sec.getByTestId('cash-difference-total').innerText();
      assert(difference.replace(/\s/g, '').startsWith('-1,00'), `écart ${difference}`);
      await sec.getByLabel('Commentaire de clôture').fill('Un euro manquant, recompté deux fois');
      await shot(sec, '27-caisse-comptage');
      await sec.getByRole('button', { name: 'Clôturer la journée' }).click();
      await sec.getByRole('dialog').getByRole('button', { name: 'Clôturer définitivement' }).click();
      await sec.getByTestId('cash-day-closed').waitFor();
      assert((await sec.getByTestId('cash-count-form').count()) === 0, 'saisie encore possible après clôture');
      const href = await sec.getByTestId('cash-z-report').getAttribute('href');
      const z = await sec.request.get(base + (href ?? ''));
      assert(z.status() === 200, `rapport Z ${z.status()}`);
      const file = join(artifactsDir, 'z-report.pdf');
      writeFileSync(file, await z.body());
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      assert(text.includes('ACCUEIL'), 'caisse absente du rapport Z');
      await sec.locator('[data-testid="cash-closing-row"][data-desk="ACCUEIL"]').first().waitFor();
      await shot(sec, '28-caisse-cloturee');
      const again = await desk.req('POST', '/api/cash/closings', {
        deskCode: 'ACCUEIL',
        counted: { cash: 100, card: 0, cheque: 0, transfer: 0 },
      });
      const code = (again.json as { code?: string }).code;
      assert(again.status === 409 && code === 'SIL_CASH_ALREADY_CLOSED', `seconde clôture : ${again.status} ${code}`);
    },
    sec
  );

  await check(
    'après clôture : un remboursement est refusé (caisse close) ; la facture est annulée par un avoir',
    async () => {
      assert(invoice !== undefined, 'pas de facture');
      await sec.goto(`${base}/demandes/${orderId}`);
      await sec.getByTestId('invoice-detail').waitFor();
      await sec.getByRole('button', { name: 'Rembourser le patient' }).click();
      const refund = sec.getByTestId('refund-form');
      await refund.getByLabel('Montant remboursé (€)').fill('1,00');
      await refund.getByLabel('Motif du remboursement').fill('Erreur de rendu de monnaie');
      await refund.getByRole('button', { name: 'Enregistrer le remboursement' }).click();
      const error = refund.getByTestId('api-error');
      await error.waitFor();
      assert((await error.getAttribute('data-code')) === 'SIL_CASH_DAY_CLOSED', 'remboursement sur caisse close');
      assert((await error.innerText()).includes('Caisse clôturée'), await error.innerText());
      await refund.getByRole('button', { name: 'Annuler', exact: true }).click();
      await sec.getByRole('button', { name: 'Annuler par un avoir' }).click();
      const credit = sec.getByTestId('credit-note-form');
      await credit.getByLabel('Motif de l’avoir').fill('Erreur de prescripteur : dossier à refacturer');
      await credit.getByRole('button', { name: 'Émettre l’avoir' }).click();
      await sec.getByTestId('invoice-none').waitFor();
      const note = sec.locator('[data-testid="invoice-history-row"][data-kind="credit_note"]');
      await note.waitFor();
      assert(/A\d{4}-\d{6}/.test(await note.innerText()), `avoir : ${await note.innerText()}`);
      const pdf = await sec.request.get(base + ((await note.getByRole('link').getAttribute('href')) ?? ''));
      assert(pdf.status() === 200, `avoir PDF ${pdf.status()}`);
      await shot(sec, '29-facturation-avoir');
    },
    sec
  );
}

/**
 * The AMO rejects the invoice (NOEMIE RSP exported by the certified software, RETURNS-FORMAT.md):
 * the returns file is imported on the disputes page, the dispute is resolved by billing the
 * patient, who then owes the AMO share at the desk and pays it by cheque.
 */
async function runDisputeSteps(
  sec: Page,
  base: string,
  desk: ApiSession,
  orderId: string,
  current: () => InvoiceJson | undefined
): Promise<void> {
  await check(
    'litiges : un rejet AMO importé ouvre un litige, résolu en facturant la patiente',
    async () => {
      const invoice = current();
      assert(invoice !== undefined && invoice.number !== null, 'pas de facture émise');
      const csv = [
        'invoiceNumber;paidCents;rejectionCode;rejectionReason;paymentDate;payer',
        `${invoice.number};0;R12;Droits AMO fermés à la date des soins;${parisToday()};AMO`,
        '',
      ].join('\n');
      await sec.goto(`${base}/litiges`);
      await sec.getByTestId('returns-file').setInputFiles({
        name: 'rsp-e2e.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await sec.getByRole('button', { name: 'Importer les retours' }).click();
      await sec.getByTestId('returns-import-result').waitFor();
      const row = sec.locator(`[data-testid="dispute-row"][data-invoice="${invoice.number}"]`);
      await row.waitFor();
      assert((await row.getAttribute('data-status')) === 'open', 'litige non ouvert');
      const rowText = await row.innerText();
      assert(rowText.includes('R12') && rowText.includes(frenchAmount(invoice.amoCents)), `litige : ${rowText}`);
      await shot(sec, '25-litiges-rejet-importe');
      await row.getByRole('button', { name: `Traiter le litige ${invoice.number} (AMO)` }).click();
      const dialog = sec.getByRole('dialog');
      await dialog.getByLabel('Facturé au patient').check();
      await dialog.getByLabel('Motif').fill('Droits fermés : part AMO facturée à la patiente, prévenue par téléphone');
      await dialog.getByRole('button', { name: 'Résoudre le litige' }).click();
      await dialog.getByTestId('dispute-resolution').waitFor();
      await shot(sec, '25b-litiges-resolu');
      const disputes = await desk.req('GET', `/api/disputes?status=all&invoiceId=${invoice.id}`);
      const items = (disputes.json as { items: { status: string; amountCents: number }[] }).items;
      assert(
        items.length === 1 && items[0]?.status === 'billed_to_patient' && items[0].amountCents === invoice.amoCents,
        `litiges : ${JSON.stringify(items)}`
      );

      await sec.goto(`${base}/demandes/${orderId}`);
      const charged = sec.getByTestId('invoice-charged');
      await charged.waitFor();
      assert((await charged.innerText()).includes(frenchAmount(invoice.amoCents)), 'montant facturé à la patiente');
      await sec
        .getByTestId('invoice-remaining')
        .filter({ hasText: frenchAmount(invoice.amoCents) })
        .waitFor();
      const form = sec.getByTestId('payment-form');
      await form.getByRole('radio', { name: 'Chèque' }).check();
      assert(
        (await form.getByLabel('Montant (€)').inputValue()) === frenchAmount(invoice.amoCents),
        'montant prérempli ≠ part AMO facturée'
      );
      await form.getByLabel('Référence (n° de chèque, ticket carte…)').fill('Chèque n° 4521873');
      await form.getByRole('button', { name: 'Encaisser' }).click();
      await sec.getByTestId('invoice-settled').waitFor();
      const after = await readInvoice(desk, invoice.id);
      assert(after.patientRemainingCents === 0 && after.patientChargedCents === invoice.amoCents, 'solde après litige');
      await shot(sec, '26-facturation-part-amo-encaissee');
    },
    sec
  );
}
