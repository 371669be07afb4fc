/**
 * Cash desk (issue 5 item 6) on hand-entered tariffs: partial payments, refunds, a payment above
 * what is due, the daily closing with its Z report (counted vs expected), nothing after closing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';
import { expectStatus } from '../orders/orders-test-helpers.js';
import {
  billingCounts,
  insertHandEnteredTariffs,
  invoiceOrder,
  patientWithOrder,
  pdftotextAvailable,
  pdfText,
} from './billing-test-helpers.js';
import type { InvoiceView } from './invoices.schemas.js';

interface PaymentAnswer {
  payment: { id: string; method: string; amountCents: number; cashDay: string; direction: string };
  invoiceStatus: string;
  patientPaidCents: number;
  patientRemainingCents: number;
}

interface ClosingAnswer {
  id: string;
  date: string;
  deskCode: string;
  figures: {
    lines: {
      method: string;
      expectedCents: number;
      countedCents: number;
      differenceCents: number;
      movementCount: number;
    }[];
    expectedTotalCents: number;
    countedTotalCents: number;
    differenceTotalCents: number;
    movementCount: number;
  };
}

describe('cash desk', () => {
  let t: TestApp;
  let desk: TestClient;

  /** An invoice for NFS + GLY + CREA: patient share 5,80 € (no complementary). */
  async function invoiceOf580(): Promise<InvoiceView> {
    const { order } = await patientWithOrder(desk, ['NFS', 'GLY', 'CREA']);
    const invoice = await invoiceOrder(desk, order.id);
    expect(invoice.patientCents).toBe(580);
    return invoice;
  }

  const pay = (invoiceId: string, body: Record<string, unknown>) =>
    desk.post(`/api/invoices/${invoiceId}/payments`, body);
  const refund = (invoiceId: string, body: Record<string, unknown>) =>
    desk.post(`/api/invoices/${invoiceId}/refunds`, body);

  beforeAll(async () => {
    t = await createTestApp();
    await insertHandEnteredTariffs(t);
    desk = await loginAs(t, ['secretaire']);
  });
  afterAll(async () => t?.close());

  it('partial payments, then a payment above what is due is refused and nothing is written', async () => {
    const invoice = await invoiceOf580();
    const first = await pay(invoice.id, { deskCode: 'accueil', method: 'cash', amountCents: 200 });
    expectStatus(first, 201);
    expect(first.json<PaymentAnswer>()).toMatchObject({
      payment: { method: 'cash', amountCents: 200, direction: 'payment' },
      invoiceStatus: 'partially_paid',
      patientPaidCents: 200,
      patientRemainingCents: 380,
    });
    const second = (
      await pay(invoice.id, { deskCode: 'ACCUEIL', method: 'card', amountCents: 380, reference: 'TPE 0042' })
    ).json<PaymentAnswer>();
    expect(second).toMatchObject({ patientPaidCents: 580, patientRemainingCents: 0 });
    // The AMO part (8,70 €) is still to come: paid only when the insurers have paid too.
    expect(second.invoiceStatus).toBe('partially_paid');

    const before = await billingCounts(t);
    const over = await pay(invoice.id, { deskCode: 'ACCUEIL', method: 'cash', amountCents: 1 });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'SIL_PAYMENT_EXCEEDS_DUE', remainingCents: 0 });
    expect(await billingCounts(t)).toEqual(before);
    const view = (await desk.get(`/api/invoices/${invoice.id}`)).json<InvoiceView>();
    expect(view.payments.map((p) => [p.method, p.amountCents])).toEqual([
      ['cash', 200],
      ['card', 380],
    ]);
  });

  it('refunds: with a reason, never above what was paid', async () => {
    const invoice = await invoiceOf580();
    await pay(invoice.id, { deskCode: 'ACCUEIL', method: 'cheque', amountCents: 580, reference: 'CHQ 1234567' });
    const noReason = await refund(invoice.id, { deskCode: 'ACCUEIL', method: 'cash', amountCents: 100 });
    expect(noReason.json().code).toBe('SIL_VALIDATION');
    const ok = await refund(invoice.id, {
      deskCode: 'ACCUEIL',
      method: 'cash',
      amountCents: 100,
      reason: 'Trop perçu',
    });
    expectStatus(ok, 201);
    expect(ok.json<PaymentAnswer>()).toMatchObject({
      patientPaidCents: 480,
      patientRemainingCents: 100,
      payment: { direction: 'refund' },
    });
    const before = await billingCounts(t);
    const tooMuch = await refund(invoice.id, {
      deskCode: 'ACCUEIL',
      method: 'cash',
      amountCents: 481,
      reason: 'erreur',
    });
    expect(tooMuch.json().code).toBe('SIL_REFUND_EXCEEDS_PAID');
    expect(await billingCounts(t)).toEqual(before);
  });

  it('a credit-noted invoice takes no more payments, but its payments can be refunded', async () => {
    const invoice = await invoiceOf580();
    await pay(invoice.id, { deskCode: 'ACCUEIL', method: 'cash', amountCents: 580 });
    expectStatus(await desk.post(`/api/invoices/${invoice.id}/credit-note`, { reason: 'Dossier en double' }), 201);
    expect((await pay(invoice.id, { deskCode: 'ACCUEIL', method: 'cash', amountCents: 1 })).json().code).toBe(
      'SIL_PAYMENT_INVOICE_CANCELLED'
    );
    const back = await refund(invoice.id, {
      deskCode: 'ACCUEIL',
      method: 'cash',
      amountCents: 580,
      reason: 'Dossier en double',
    });
    expect(back.json<PaymentAnswer>()).toMatchObject({ invoiceStatus: 'cancelled', patientPaidCents: 0 });
  });

  it('daily closing: counted vs expected per method, Z report PDF, then the day is closed', async () => {
    const a = await invoiceOf580();
    const b = await invoiceOf580();
    await pay(a.id, { deskCode: 'Z1', method: 'cash', amountCents: 300 });
    await pay(a.id, { deskCode: 'Z1', method: 'card', amountCents: 280 });
    await refund(a.id, { deskCode: 'Z1', method: 'cash', amountCents: 50, reason: 'Erreur de rendu' });
    await pay(b.id, { deskCode: 'Z1', method: 'cheque', amountCents: 580 });

    const day = (await desk.get('/api/cash/day?deskCode=Z1')).json<{
      closed: boolean;
      movements: unknown[];
      expected: ClosingAnswer['figures'];
    }>();
    expect(day.closed).toBe(false);
    expect(day.movements).toHaveLength(4);
    expect(day.expected.expectedTotalCents).toBe(300 - 50 + 280 + 580);

    // Worked by hand: cash 3,00 − 0,50 + float 20,00 = 22,50 € expected, 22,40 € counted (0,10 € missing);
    // card 2,80 €; cheque 5,80 €; transfer 0. Expected 31,10 €, counted 31,00 €, difference −0,10 €.
    const res = await desk.post('/api/cash/closings', {
      deskCode: 'Z1',
      counted: { cash: 2240, card: 280, cheque: 580, transfer: 0 },
      cashFloatCents: 2000,
      comment: 'Pièce de 10 centimes manquante',
    });
    expectStatus(res, 201);
    const closing = res.json<ClosingAnswer>();
    const line = (method: string) => closing.figures.lines.find((l) => l.method === method);
    expect(line('cash')).toMatchObject({
      expectedCents: 2250,
      countedCents: 2240,
      differenceCents: -10,
      movementCount: 2,
    });
    expect(line('card')).toMatchObject({ expectedCents: 280, differenceCents: 0, movementCount: 1 });
    expect(line('cheque')).toMatchObject({ expectedCents: 580, differenceCents: 0, movementCount: 1 });
    expect(closing.figures).toMatchObject({
      expectedTotalCents: 3110,
      countedTotalCents: 3100,
      differenceTotalCents: -10,
      movementCount: 4,
    });
    const [audit] = await t.db.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'cash.closed' AND entity_id = $1`,
      [closing.id]
    );
    expect(audit?.n).toBe(1);

    // Nothing editable after closing: no payment, no refund, no second closing, rows append-only.
    const before = await billingCounts(t);
    const late = await pay(a.id, { deskCode: 'Z1', method: 'cash', amountCents: 10 });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('SIL_CASH_DAY_CLOSED');
    expect((await refund(a.id, { deskCode: 'Z1', method: 'cash', amountCents: 10, reason: 'x y z' })).json().code).toBe(
      'SIL_CASH_DAY_CLOSED'
    );
    const again = await desk.post('/api/cash/closings', {
      deskCode: 'Z1',
      counted: { cash: 0, card: 0, cheque: 0, transfer: 0 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SIL_CASH_ALREADY_CLOSED');
    expect(await billingCounts(t)).toEqual(before);
    await expect(
      t.db.database.query('UPDATE payment SET amount_cents = 1 WHERE desk_code = $1', ['Z1'])
    ).rejects.toThrow(/append-only/);
    await expect(t.db.database.query('DELETE FROM cash_closing WHERE id = $1', [closing.id])).rejects.toThrow(
      /append-only/
    );
    // Another desk of the same site is still open that day.
    expectStatus(await pay(a.id, { deskCode: 'Z2', method: 'cash', amountCents: 10 }), 201);
    expect((await desk.get('/api/cash/day?deskCode=Z1')).json<{ closed: boolean }>().closed).toBe(true);

    const pdf = await desk.get(`/api/cash/closings/${closing.id}/pdf`);
    expectStatus(pdf, 200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    if (pdftotextAvailable) {
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('Rapport Z — caisse Z1');
      expect(text).toMatch(/Espèces \(2\)\s+3,00 €\s+0,50 €\s+22,50 €\s+22,40 €\s+-0,10 €/);
      expect(text).toMatch(/Carte bancaire \(1\)\s+2,80 €\s+0,00 €\s+2,80 €\s+2,80 €\s+0,00 €/);
      expect(text).toMatch(/Total\s+11,60 €\s+0,50 €\s+31,10 €\s+31,00 €\s+-0,10 €/);
      expect(text).toContain('Pièce de 10 centimes manquante');
    } else {
      console.warn('[billing] pdftotext absent: Z report text not checked');
    }
  });

  it('a future day cannot be closed; the closing list shows today’s closings', async () => {
    const res = await desk.post('/api/cash/closings', {
      deskCode: 'Z3',
      date: '2999-01-01',
      counted: { cash: 0, card: 0, cheque: 0, transfer: 0 },
    });
    expect(res.json().code).toBe('SIL_CASH_CLOSING_FUTURE_DAY');
    const list = (await desk.get('/api/cash/closings')).json<{ items: { deskCode: string }[] }>();
    expect(list.items.map((c) => c.deskCode)).toContain('Z1');
  });

  it('the cash desk is the desk’s: a technician may not take payments', async () => {
    const invoice = await invoiceOf580();
    const technician = await loginAs(t, ['technicien']);
    expect(
      (await technician.post(`/api/invoices/${invoice.id}/payments`, { deskCode: 'A', method: 'cash', amountCents: 1 }))
        .statusCode
    ).toBe(403);
  });
});
