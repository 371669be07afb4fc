/**
 * Billing settings stored with the catalogue and the sites (migration 0012), on hand-entered NABM
 * tariffs (runs without ../shared/fixtures):
 * - an analysis outside the NABM carries the lab's own price: the invoice and the quote bill it in
 *   full to the patient, the Assurance maladie pays nothing (CSS L162-1-7 covers listed acts only);
 * - a patient without AMO coverage to bill (not insured, rights not open): the patient pays every act,
 *   no participation forfaitaire (only ever deducted from a reimbursement, CSS L160-13), no FSE;
 * - a site in Alsace-Moselle: Good Friday is a public holiday there (Code du travail L3134-13), so an
 *   urgent act that day takes the Sunday-and-holiday supplement 9004 (NABM art. 6) — elsewhere not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  loginAs,
  testAdminPassword,
  type TestApp,
  type TestClient,
} from '../../testing/test-app.js';
import { count, createOrder, createPatient, expectStatus } from '../orders/orders-test-helpers.js';
import {
  insertHandEnteredTariffs,
  invoiceOrder,
  lineOf,
  patientWithOrder,
  pdfText,
  pdftotextAvailable,
} from './billing-test-helpers.js';
import type { InvoiceView } from './invoices.schemas.js';

interface QuoteAnswer {
  lines: { code: string; amountCents: number; billed: boolean; reason: string }[];
  totalCents: number;
  amoCents: number;
  patientCents: number;
}

const urgentGoodFriday = {
  date: '2025-04-18T10:00:00+02:00',
  territory: 'metropole',
  patient: { birthDate: '1980-01-31', sex: 'F', amo: { exoneration: null, alsaceMoselle: false }, amc: null },
  acts: ['1104'],
  bloodSample: true,
  urgent: true,
};

describe('billing: off-nomenclature catalogue prices and Alsace-Moselle sites', () => {
  let t: TestApp;
  let admin: TestClient;
  let desk: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    await insertHandEnteredTariffs(t);
    await t.db.database.query(
      `INSERT INTO nabm_act (code, label, created_on, key_letter, coefficient_hundredths, coefficient_valid_from)
       VALUES ('9004', 'SUPPLEMENT POUR ACTES EN URGENCE (SAMEDI APRES 12H, DIMANCHE, FERIE)', '2001-02-07', 'B', 2600,
       '2014-04-13')`
    );
    admin = await login(t.app, 'admin', testAdminPassword);
    desk = await loginAs(t, ['secretaire']);
    // An off-nomenclature copy of the starter glucose: same tube and analytes, the lab's price 12,00 €.
    const gly = (await admin.get('/api/catalogue/analyses/GLY')).json<Record<string, unknown>>();
    const created = await admin.post('/api/catalogue/analyses', {
      code: 'GLYHN',
      mnemonic: 'GLYHN',
      label: 'Glycémie (hors nomenclature, test)',
      nabmCodes: [],
      chapter: gly.chapter,
      section: gly.section,
      containerCode: gly.containerCode,
      volumeMl: gly.volumeMl,
      analyteCodes: gly.analyteCodes,
      offNomenclaturePriceCents: 1200,
      reason: 'Acte non inscrit à la NABM, prix fixé par le laboratoire',
    });
    expectStatus(created, 201);
  });
  afterAll(async () => t?.close());

  it('refuses an off-nomenclature price on an analysis that has NABM codes, and writes nothing', async () => {
    const before = await count(t, 'analysis');
    const res = await admin.post('/api/catalogue/analyses', {
      code: 'GLYBOTH',
      mnemonic: 'GLYBOTH',
      label: 'Glycémie doublement cotée',
      nabmCodes: ['0552'],
      chapter: 'Biochimie',
      section: 'biochimie',
      containerCode: 'FLUORURE',
      volumeMl: 1,
      analyteCodes: ['GLU'],
      offNomenclaturePriceCents: 500,
      reason: 'essai',
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.body).toContain('SIL_CATALOGUE_OFF_NOMENCLATURE_WITH_NABM');
    expect(await count(t, 'analysis')).toBe(before);
  });

  it('the catalogue shows the price and keeps it with the version', async () => {
    const analysis = (await desk.get('/api/catalogue/analyses/GLYHN')).json<{
      offNomenclaturePriceCents: number | null;
      version: number;
    }>();
    expect(analysis).toMatchObject({ offNomenclaturePriceCents: 1200, version: 1 });
  });

  it('an invoice bills the off-nomenclature analysis at the lab price, wholly to the patient', async () => {
    const { order } = await patientWithOrder(desk, ['NFS', 'GLYHN']);
    const invoice = await invoiceOrder(desk, order.id);
    const hn = lineOf(invoice, 'GLYHN');
    expect(hn).toMatchObject({ kind: 'hors-nomenclature', amountCents: 1200, billed: true, amoCents: 0 });
    expect(hn.patientCents).toBe(1200);
    // NFS 1104 B 25 = 6,25 € at 60 % AMO (CSS R160-5) is unchanged by the off-nomenclature line.
    expect(lineOf(invoice, '1104')).toMatchObject({ amountCents: 625, amoCents: 375 });
    expect(invoice.totalCents).toBe(invoice.lines.filter((l) => l.billed).reduce((sum, l) => sum + l.amountCents, 0));
    expect(invoice.amoCents + invoice.amcCents + invoice.patientCents).toBe(invoice.totalCents);
  });

  it('the desk quote takes the catalogue mnemonic and prices it the same way', async () => {
    const res = await desk.post('/api/billing/quote', { ...urgentGoodFriday, urgent: false, acts: ['GLYHN'] });
    expect(res.statusCode, res.body).toBe(200);
    const quote = res.json<QuoteAnswer>();
    expect(quote.lines.find((l) => l.code === 'GLYHN')).toMatchObject({ amountCents: 1200, billed: true });
    expect(quote.amoCents).toBe(0);
  });

  it('stores the Alsace-Moselle flag of a site, audited', async () => {
    const res = await admin.post('/api/admin/sites', {
      code: 'STRAS',
      name: 'Site de Strasbourg',
      territory: 'metropole',
      alsaceMoselle: true,
    });
    expectStatus(res, 201);
    const site = res.json<{ id: string; alsaceMoselle: boolean }>();
    expect(site.alsaceMoselle).toBe(true);
    const listed = (await admin.get('/api/admin/sites')).json<{ items: { code: string; alsaceMoselle: boolean }[] }>();
    expect(listed.items.find((s) => s.code === 'STRAS')?.alsaceMoselle).toBe(true);
    expect(listed.items.filter((s) => s.code !== 'STRAS').every((s) => !s.alsaceMoselle)).toBe(true);
    expect(await count(t, 'audit_event', `action = 'site.created' AND entity_id = '${site.id}'`)).toBe(1);
  });

  it('Good Friday: the urgent supplement 9004 at the Strasbourg desk, none at the Paris desk', async () => {
    const sites = (await admin.get('/api/admin/sites')).json<{ items: { id: string; code: string }[] }>().items;
    const strasbourg = sites.find((s) => s.code === 'STRAS')?.id ?? '';
    const alsaceDesk = await loginAs(t, ['secretaire'], [strasbourg]);
    const there = (await alsaceDesk.post('/api/billing/quote', urgentGoodFriday)).json<QuoteAnswer>();
    // 9004 B 26 = 6,50 € (IR_BTF_R since 2014-04-13).
    expect(there.lines.find((l) => l.code === '9004')).toMatchObject({ billed: true, amountCents: 650 });
    expect(there.lines.find((l) => l.code === '9004')?.reason).toMatch(/Vendredi saint/);
    const here = (await desk.post('/api/billing/quote', urgentGoodFriday)).json<QuoteAnswer>();
    expect(here.lines.some((l) => l.code === '9004')).toBe(false);
    expect(there.totalCents - here.totalCents).toBe(650);
  });

  it('without coverage the desk is told so; billed to the patient, every act is the patient’s and no FSE is made', async () => {
    const { id: patientId } = await createPatient(desk);
    const order = await createOrder(desk, patientId, ['NFS', 'GLY'], { acknowledgeWarnings: true });
    const refused = await desk.post(`/api/orders/${order.id}/invoice`, {});
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.body).toContain('SIL_COVERAGE_MISSING');
    expect(await count(t, 'invoice', `order_id = '${order.id}'`)).toBe(0);

    const res = await desk.post(`/api/orders/${order.id}/invoice`, { payer: 'patient' });
    expectStatus(res, 201);
    const invoice = res.json<InvoiceView>();
    // Same cotation as with coverage: 1104 B 25 + 0552 B 5 + 9005 B 17 + 9105 B 5 = 52 × 0,25 € = 13,00 €.
    expect(invoice.totalCents).toBe(1300);
    expect(invoice).toMatchObject({ amoCents: 0, amcCents: 0, patientCents: 1300 });
    expect(invoice.participationForfaitaire.cents).toBe(0);
    expect(
      invoice.lines.filter((l) => l.billed).every((l) => l.amoCents === 0 && l.patientCents === l.amountCents)
    ).toBe(true);
    const fse = await desk.get(`/api/invoices/${invoice.id}/fse`);
    expect(fse.statusCode, fse.body).toBe(409);
    expect(fse.body).toContain('SIL_INVOICE_STATE_INVALID');
    if (pdftotextAvailable) {
      const pdf = await desk.get(`/api/invoices/${invoice.id}/pdf`);
      expect(pdfText(pdf.rawPayload)).toMatch(/Sans prise en charge AMO/);
    }
  });

  it('a draft billed to the patient stays so when it is issued', async () => {
    const { id: patientId } = await createPatient(desk);
    const order = await createOrder(desk, patientId, ['GLY'], { acknowledgeWarnings: true });
    const draft = (
      await desk.post(`/api/orders/${order.id}/invoice`, { draft: true, payer: 'patient' })
    ).json<InvoiceView>();
    const issued = await desk.post(`/api/invoices/${draft.id}/issue`, {});
    expectStatus(issued, 200);
    expect(issued.json<InvoiceView>()).toMatchObject({
      amoCents: 0,
      patientCents: issued.json<InvoiceView>().totalCents,
    });
  });
});
