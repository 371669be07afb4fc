/**
 * Invoices on the CNAM NABM release (../shared/fixtures/france/nabm, IR_BIO_R + IR_BTF_R) —
 * golden cases worked out by hand, each citing its rule (issue 5 item 10). Skipped, with a
 * warning, when the shared fixtures are absent; invoices-hand-tariffs.routes.test.ts always runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../../../test-support/shared-fixtures.js';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createOrder, expectStatus } from '../orders/orders-test-helpers.js';
import { invoiceOrder, lineOf, patientWithOrder, pdftotextAvailable, pdfText } from './billing-test-helpers.js';
import type { InvoiceView } from './invoices.schemas.js';

function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

/** Birth date of someone who turns `age` today (29 February → 28 February). */
function birthDateForAge(age: number): string {
  const [year, month, day] = parisToday().split('-');
  return `${Number(year) - age}-${month}-${month === '02' && day === '29' ? '28' : day}`;
}

describe.skipIf(!sharedFixtures.available)('invoices on the CNAM NABM release (golden cases)', () => {
  let t: TestApp;
  let desk: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.services.billing.importNabm(
      {
        actsCsv: sharedFixtures.textWithoutHeader('france/nabm/IR_BIO_R_nabm_actes_biologie.csv', 'latin1'),
        historyCsv: sharedFixtures.textWithoutHeader('france/nabm/IR_BTF_R_coefficient_history.csv', 'latin1'),
        source: 'fixtures',
      },
      true,
      { actor: null, requestId: 'test', address: null }
    );
    desk = await loginAs(t, ['secretaire']);
  });
  afterAll(async () => t?.close());

  it('NFS + GLY + CREA: coefficient × B per act from the release, forfaits 9005 and 9105', async () => {
    const { order } = await patientWithOrder(desk, ['NFS', 'GLY', 'CREA']);
    const invoice = await invoiceOrder(desk, order.id);
    // Coefficients in force (IR_BTF_R periods open-ended, newer than IR_BIO_R's own): 1104 B 25 and
    // 9005 B 17 since 2019-04-01, 0552 B 5, 0592 B 6, 9105 B 5; B = 0,25 € (métropole, arrêté du
    // 5 janvier 2024) → 6,25 + 1,25 + 1,50 + 4,25 + 1,25 = 14,50 €; AMO 60 % per line
    // = 3,75 + 0,75 + 0,90 + 2,55 + 0,75 = 8,70 €.
    expect(invoice.lines.map((l) => [l.code, l.coefficient, l.amountCents, l.billed])).toEqual([
      ['1104', 25, 625, true],
      ['0552', 5, 125, true],
      ['0592', 6, 150, true],
      ['9005', 17, 425, true],
      ['9105', 5, 125, true],
    ]);
    expect(invoice).toMatchObject({ totalCents: 1450, amoCents: 870, patientCents: 580 });
    expect(lineOf(invoice, '9105').reason).toContain('prélèvement sanguin');
  });

  it('forfait 9005 once per patient and per day across two prescriptions (NABM art. 4 quater)', async () => {
    const { patientId, order } = await patientWithOrder(desk, ['NFS']);
    const first = await invoiceOrder(desk, order.id);
    const second = await invoiceOrder(
      desk,
      (await createOrder(desk, patientId, ['GLY'], { acknowledgeWarnings: true })).id
    );
    expect(lineOf(first, '9005')).toMatchObject({ billed: true, amountCents: 425 });
    expect(lineOf(second, '9005')).toMatchObject({ billed: false, amountCents: 0 });
    expect(lineOf(second, '9005').reason).toContain('déjà facturé');
    // Second prescription: 0552 B 5 = 1,25 € + 9105 B 5 = 1,25 € (its own blood sample) = 2,50 €.
    expect(second.totalCents).toBe(250);
    // Participation forfaitaire: 1 act on the first (2 €), then 1 more on the second (2 €) — the
    // 4 €/day ceiling is reached, not exceeded (CSS L160-13, 2 € since 15 May 2024).
    expect(first.participationForfaitaire.cents).toBe(200);
    expect(second.participationForfaitaire.cents).toBe(200);
    const third = await invoiceOrder(
      desk,
      (await createOrder(desk, patientId, ['CREA'], { acknowledgeWarnings: true })).id
    );
    expect(third.participationForfaitaire.cents).toBe(0);
    // The FSE numbers a repeated act within the day (SFG EF_IP11_03): 9105 is the second of the day.
    const fse = (await desk.get(`/api/invoices/${second.id}/fse`)).json<{
      actes: { codeAffineNabm: string; numeroOrdreDansJournee: number }[];
    }>();
    expect(fse.actes.find((a) => a.codeAffineNabm === '9105')?.numeroOrdreDansJournee).toBe(2);
    expect(fse.actes.map((a) => a.codeAffineNabm)).not.toContain('9005');
  });

  it.each([
    // CSS L160-13 and france-domain.md §1.4: 2 € per act, exempt minors, maternité, C2S, AME.
    ['an adult', {}, {}, 400, 870],
    ['a 17-year-old (minor)', { birthDate: birthDateForAge(17) }, {}, 0, 870],
    ['an 18-year-old (adult today)', { birthDate: birthDateForAge(18) }, {}, 400, 870],
    // Exonerated situations: AMO 100 % (ticket modérateur waived) and no participation.
    ['a C2S beneficiary', {}, { exoneration: 'c2s' }, 0, 1450],
    ['a maternity (from the 6th month)', {}, { exoneration: 'maternite' }, 0, 1450],
    // ALD patients pay the participation (not exempt) but the AMO pays 100 %.
    ['an ALD patient', {}, { exoneration: 'ald' }, 400, 1450],
  ])('participation forfaitaire and AMO share for %s', async (_, traits, amo, participation, amoCents) => {
    const { order } = await patientWithOrder(desk, ['NFS', 'GLY', 'CREA'], { traits, amo });
    const invoice = await invoiceOrder(desk, order.id);
    expect(invoice.participationForfaitaire.cents).toBe(participation);
    expect(invoice.amoCents).toBe(amoCents);
    expect(invoice.patientCents).toBe(1450 - amoCents);
  });

  it('régime local d’Alsace-Moselle: AMO 90 % per line, rounded half up to the cent', async () => {
    const { order } = await patientWithOrder(desk, ['NFS', 'GLY', 'CREA'], { amo: { alsaceMoselle: true } });
    const invoice = await invoiceOrder(desk, order.id);
    // 90 % of 625, 125, 150, 425, 125 = 562,5→563 + 112,5→113 + 135 + 382,5→383 + 112,5→113 = 1307
    // (half a cent rounded up, money.ts); patient 14,50 − 13,07 = 1,43 €.
    expect(invoice.lines.map((l) => l.amoCents)).toEqual([563, 113, 135, 383, 113]);
    expect(invoice).toMatchObject({ amoCents: 1307, patientCents: 143 });
    expect(lineOf(invoice, '1104').reason).toContain('Alsace-Moselle');
  });

  it('tiers payant AMC when the complementary has an agreement; otherwise the patient advances its share', async () => {
    const withAgreement = await invoiceOrder(
      desk,
      (await patientWithOrder(desk, ['NFS', 'GLY', 'CREA'], { amc: { ratePercentOfTm: 100, tiersPayant: true } })).order
        .id
    );
    // TM = 14,50 − 8,70 = 5,80 €, paid 100 % by the AMC directly to the lab: nothing at the desk.
    expect(withAgreement).toMatchObject({ amoCents: 870, amcCents: 580, patientCents: 0, amcRefundToPatientCents: 0 });
    const without = await invoiceOrder(
      desk,
      (await patientWithOrder(desk, ['NFS', 'GLY', 'CREA'], { amc: { ratePercentOfTm: 100, tiersPayant: false } }))
        .order.id
    );
    expect(without).toMatchObject({ amoCents: 870, amcCents: 0, patientCents: 580, amcRefundToPatientCents: 580 });
  });

  it('an exoneration whose dates ended is not applied, and the invoice says why', async () => {
    const { order } = await patientWithOrder(desk, ['GLY'], {
      amo: { exoneration: 'ald', exonerationValidFrom: '2020-01-01', exonerationValidTo: '2023-12-31' },
    });
    const invoice = await invoiceOrder(desk, order.id);
    expect(lineOf(invoice, '0552').amoRatePercent).toBe(60);
    expect(invoice.notes.join(' ')).toContain('Exonération ald close le 2023-12-31');
  });

  it('AMC rights expired at the date of the acts: refused with SIL_COVERAGE_EXPIRED', async () => {
    const { order } = await patientWithOrder(desk, ['GLY'], { amc: { validTo: '2023-01-31' } });
    const res = await desk.post(`/api/orders/${order.id}/invoice`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SIL_COVERAGE_EXPIRED');
  });

  it('FSE preparation export: documented fields, and the notice that Sillage is not a certified module', async () => {
    const { order } = await patientWithOrder(desk, ['NFS', 'CREA'], {
      amc: { ratePercentOfTm: 100, tiersPayant: true },
    });
    const invoice = await invoiceOrder(desk, order.id);
    const res = await desk.get(`/api/invoices/${invoice.id}/fse`);
    expectStatus(res, 200);
    const fse = res.json<Record<string, unknown> & { actes: Record<string, unknown>[]; avertissement: string }>();
    expect(fse.avertissement).toContain('n’est pas un module agréé SESAM-Vitale');
    expect(fse).toMatchObject({
      format: 'sillage-preparation-fse',
      facture: { numero: invoice.number, type: 'facture', dossier: order.orderNumber },
      assure: { rangBeneficiaire: '00' },
      amo: { codeRegime: '01', caisseGestionnaire: '751', centreGestionnaire: '0001', tiersPayant: true },
      amc: { organisme: 'Mutuelle des Tilleuls', tiersPayant: true, tauxPourcentTicketModerateur: 100 },
      totaux: { totalCents: 625 + 150 + 425 + 125, participationForfaitaire: { encaisseeAuLaboratoire: false } },
      valeurLettreCle: { valeurMilliCentimes: 25_000 },
    });
    expect(fse.actes[0]).toEqual({
      codeAffineNabm: '1104',
      libelle: lineOf(invoice, '1104').label,
      lettreCle: 'B',
      coefficient: 25,
      numeroOrdreDansJournee: 1,
      codePrestation: 'B',
      nature: 'analysis',
      montantCents: 625,
      tauxAmo: 60,
      partAmoCents: 375,
      partAmcCents: 250,
      partPatientCents: 0,
    });
    const reads = await t.db.database.query(
      `SELECT 1 FROM audit_event WHERE action = 'invoice.fse_exported' AND entity_id = $1`,
      [invoice.id]
    );
    expect(reads).toHaveLength(1);
    // The certified software transmitted it: the invoice becomes "sent".
    const sent = await desk.post(`/api/invoices/${invoice.id}/fse-sent`, { batch: 'LOT-0042' });
    expect(sent.json<InvoiceView>().status).toBe('sent');
  });

  it.skipIf(!pdftotextAvailable)('French invoice PDF: lab, patient, lines, shares, participation, notice', async () => {
    const { order } = await patientWithOrder(desk, ['NFS', 'GLY', 'CREA']);
    const invoice = await invoiceOrder(desk, order.id);
    const res = await desk.get(`/api/invoices/${invoice.id}/pdf`);
    expectStatus(res, 200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain(`Facture n° ${invoice.number}`);
    expect(text).toContain('Laboratoire de test');
    expect(text).toMatch(/1104\s+HEMOGRAMME/);
    expect(text).toMatch(/B 25\s+6,25 €/);
    expect(text).toContain('Total des actes');
    expect(text).toMatch(/Part à la charge du patient\s+5,80 €/);
    expect(text).toContain('Participation forfaitaire');
    expect(text).toContain('n’est pas un module agréé SESAM-Vitale');
    const receipt = pdfText((await desk.get(`/api/invoices/${invoice.id}/receipt.pdf`)).rawPayload);
    expect(receipt).toContain(`Reçu — facture ${invoice.number}`);
  });

  it('the value of B follows the site’s territory: La Réunion 0,31 €', async () => {
    const [site] = await t.db.database.query<{ id: string }>('SELECT id FROM site ORDER BY created_at LIMIT 1');
    const siteId = site?.id ?? '';
    await t.db.database.query(`UPDATE site SET territory = 'reunion' WHERE id = $1`, [siteId]);
    try {
      const { order } = await patientWithOrder(desk, ['NFS', 'GLY', 'CREA']);
      const invoice = await invoiceOrder(desk, order.id);
      // Coefficients 25 + 5 + 6 + 17 + 5 = 58 × 0,31 € = 17,98 € (avenant 12, Réunion).
      expect(invoice).toMatchObject({ territory: 'reunion', bValueMilliCents: 31_000, totalCents: 1798 });
    } finally {
      await t.db.database.query(`UPDATE site SET territory = 'metropole' WHERE id = $1`, [siteId]);
    }
  });
});
