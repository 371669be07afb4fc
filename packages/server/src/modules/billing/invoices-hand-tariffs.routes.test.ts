/**
 * Invoices with NABM acts entered by hand (runs without ../shared/fixtures): the golden
 * NFS + GLY + CREA invoice, one invoice per order, drafts, gap-free numbers under rollback,
 * credit notes instead of edits, coverage checked at the date of the acts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createOrder, createPatient, expectStatus } from '../orders/orders-test-helpers.js';
import { allocateInvoiceNumber } from './invoice-numbers.js';
import {
  billingCounts,
  currentParisYear,
  insertHandEnteredTariffs,
  invoiceOrder,
  lineOf,
  patientWithOrder,
  putCoverage,
} from './billing-test-helpers.js';
import type { InvoiceView } from './invoices.schemas.js';

const year = currentParisYear();
const invoiceNumber = (sequence: number) => `F${year}-${String(sequence).padStart(6, '0')}`;

describe('invoices on hand-entered NABM tariffs', () => {
  let t: TestApp;
  let desk: TestClient;
  let issued = 0;

  beforeAll(async () => {
    t = await createTestApp();
    await insertHandEnteredTariffs(t);
    desk = await loginAs(t, ['secretaire']);
  });
  afterAll(async () => t?.close());

  it('NFS + GLY + CREA for an adult, no complementary: each act coefficient × B, forfaits, 60 % AMO', async () => {
    const { patientId, order } = await patientWithOrder(desk, ['NFS', 'GLY', 'CREA']);
    const invoice = await invoiceOrder(desk, order.id);
    issued++;
    // Worked by hand, B = 0,25 € in métropole since 2024-01-15 (arrêté du 5 janvier 2024):
    //   1104 hémogramme B 25 = 6,25 € ; 0552 glucose B 5 = 1,25 € ; 0592 créatinine B 6 = 1,50 € ;
    //   9005 forfait pré-analytique B 17 = 4,25 € (NABM art. 4 quater, once a day) ;
    //   9105 forfait de sécurité, blood sample (EDTA, fluoride and heparin tubes) B 5 = 1,25 €.
    //   Total 14,50 €. AMO 60 % per line (CSS R160-5: ticket modérateur 40 % on B acts):
    //   3,75 + 0,75 + 0,90 + 2,55 + 0,75 = 8,70 € ; patient 5,80 €.
    expect(invoice.lines.filter((l) => l.billed).map((l) => [l.code, l.coefficient, l.amountCents])).toEqual([
      ['1104', 25, 625],
      ['0552', 5, 125],
      ['0592', 6, 150],
      ['9005', 17, 425],
      ['9105', 5, 125],
    ]);
    expect(invoice).toMatchObject({
      number: invoiceNumber(issued),
      status: 'issued',
      kind: 'invoice',
      totalCents: 1450,
      amoCents: 870,
      amcCents: 0,
      patientCents: 580,
      patientRemainingCents: 580,
      territory: 'metropole',
      bValueMilliCents: 25_000,
    });
    expect(lineOf(invoice, '1104')).toMatchObject({ amoRatePercent: 60, amoCents: 375, patientCents: 250 });
    // Participation forfaitaire (CSS L160-13): 2 € per act, capped at 4 €/day → 2 × 2 € for 3 acts;
    // tracked, never collected at the desk (tiers payant AMO, CSS L162-13-1).
    expect(invoice.participationForfaitaire).toMatchObject({ cents: 400, count: 2, collectedAtDesk: false });
    const [event] = await t.db.database.query<{ patient_id: string; entity_id: string }>(
      `SELECT patient_id, entity_id FROM audit_event WHERE action = 'invoice.issued' ORDER BY id DESC LIMIT 1`
    );
    expect(event).toEqual({ patient_id: patientId, entity_id: invoice.id });
  });

  it('one invoice per order: a second is refused until a credit note cancels the first', async () => {
    const { order } = await patientWithOrder(desk, ['GLY']);
    await invoiceOrder(desk, order.id);
    issued++;
    const before = await billingCounts(t);
    const again = await desk.post(`/api/orders/${order.id}/invoice`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SIL_INVOICE_ALREADY_EXISTS');
    expect(await billingCounts(t)).toEqual(before);
  });

  it('numbers have no gap: a rolled-back issue gives its number back, a refused invoice takes none', async () => {
    // A transaction that took a number and then failed (e.g. the database refused a line).
    await expect(
      t.db.database.transaction(async (tx) => {
        await allocateInvoiceNumber(tx, 'invoice');
        throw new Error('échec simulé après numérotation');
      })
    ).rejects.toThrow('échec simulé');
    // A refused invoice (coverage expired at the date of the acts) takes no number either.
    const { patientId, order } = await patientWithOrder(desk, ['GLY'], { amo: { validTo: '2021-12-31' } });
    const before = await billingCounts(t);
    const refused = await desk.post(`/api/orders/${order.id}/invoice`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('SIL_COVERAGE_EXPIRED');
    expect(await billingCounts(t)).toEqual(before);
    // Rights renewed: the next invoice takes the very next number.
    await putCoverage(desk, patientId, { validTo: null });
    const next = await invoiceOrder(desk, order.id);
    issued++;
    expect(next.number).toBe(invoiceNumber(issued));
  });

  it('concurrent invoices of several orders get consecutive numbers', async () => {
    const orders = await Promise.all([1, 2, 3].map(() => patientWithOrder(desk, ['CREA'])));
    const invoices = await Promise.all(orders.map(({ order }) => invoiceOrder(desk, order.id)));
    const numbers = invoices.map((i) => i.number).sort();
    expect(numbers).toEqual([issued + 1, issued + 2, issued + 3].map(invoiceNumber));
    issued += 3;
  });

  it('a patient without coverage cannot be invoiced (nothing written)', async () => {
    const { id: patientId } = await createPatient(desk);
    const order = await createOrder(desk, patientId, ['GLY'], { acknowledgeWarnings: true });
    const before = await billingCounts(t);
    const res = await desk.post(`/api/orders/${order.id}/invoice`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SIL_COVERAGE_MISSING');
    expect(await billingCounts(t)).toEqual(before);
  });

  it('an issued invoice is corrected by a credit note, then the order is invoiced again', async () => {
    const { order } = await patientWithOrder(desk, ['NFS', 'GLY']);
    const invoice = await invoiceOrder(desk, order.id);
    issued++;
    const noReason = await desk.post(`/api/invoices/${invoice.id}/credit-note`, {});
    expect(noReason.statusCode).toBe(400);

    const res = await desk.post(`/api/invoices/${invoice.id}/credit-note`, {
      reason: 'Erreur de saisie de la mutuelle',
    });
    expectStatus(res, 201);
    const credit = res.json<InvoiceView>();
    expect(credit).toMatchObject({
      kind: 'credit_note',
      number: `A${year}-000001`,
      status: 'issued',
      creditedInvoice: { id: invoice.id, number: invoice.number },
      totalCents: -invoice.totalCents,
      amoCents: -invoice.amoCents,
      patientCents: -invoice.patientCents,
      creditReason: 'Erreur de saisie de la mutuelle',
    });
    expect(credit.lines.map((l) => l.amountCents)).toEqual(invoice.lines.map((l) => -l.amountCents));
    const original = (await desk.get(`/api/invoices/${invoice.id}`)).json<InvoiceView>();
    expect(original).toMatchObject({ status: 'cancelled', creditNote: { id: credit.id, number: credit.number } });

    const twice = await desk.post(`/api/invoices/${invoice.id}/credit-note`, { reason: 'encore' });
    expect(twice.json().code).toBe('SIL_INVOICE_ALREADY_CREDITED');
    const ofCredit = await desk.post(`/api/invoices/${credit.id}/credit-note`, { reason: 'avoir d’avoir' });
    expect(ofCredit.json().code).toBe('SIL_INVOICE_STATE_INVALID');

    const again = await invoiceOrder(desk, order.id);
    issued++;
    expect(again.number).toBe(invoiceNumber(issued));
    // The cancelled invoice no longer counts for the day: 9005 is billed again on the new one.
    expect(lineOf(again, '9005').billed).toBe(true);
    // Issued invoice lines are final in the database too.
    await expect(
      t.db.database.query('UPDATE invoice_line SET amount_cents = 1 WHERE invoice_id = $1', [again.id])
    ).rejects.toThrow(/final/);
  });

  it('a draft is priced without a number, then issued with the next one', async () => {
    const { order } = await patientWithOrder(desk, ['CREA']);
    const res = await desk.post(`/api/orders/${order.id}/invoice`, { draft: true });
    expectStatus(res, 201);
    const draft = res.json<InvoiceView>();
    expect(draft).toMatchObject({ number: null, status: 'draft', totalCents: 150 + 425 + 125 });
    const noFse = await desk.get(`/api/invoices/${draft.id}/fse`);
    expect(noFse.json().code).toBe('SIL_INVOICE_STATE_INVALID');
    const issuedRes = await desk.post(`/api/invoices/${draft.id}/issue`);
    expectStatus(issuedRes, 200);
    issued++;
    expect(issuedRes.json<InvoiceView>()).toMatchObject({
      id: draft.id,
      number: invoiceNumber(issued),
      status: 'issued',
    });
    expect((await desk.post(`/api/invoices/${draft.id}/issue`)).json().code).toBe('SIL_INVOICE_STATE_INVALID');
  });

  it('invoicing is the desk’s: a technician may not', async () => {
    const technician = await loginAs(t, ['technicien']);
    const { order } = await patientWithOrder(desk, ['GLY']);
    const res = await technician.post(`/api/orders/${order.id}/invoice`, {});
    expect(res.statusCode).toBe(403);
  });
});
