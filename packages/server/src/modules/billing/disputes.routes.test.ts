/**
 * Reimbursement returns and disputes (issue 5 item 7) on hand-entered tariffs: a returns file is
 * imported whole or not at all, each rejection opens a dispute, the list shows the ageing, a
 * dispute billed to the patient becomes an amount payable at the cash desk, and the patient
 * statement PDF shows it.
 */
import { returnsCsvHeader } from '@sillage/core';
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

interface DisputeAnswer {
  id: string;
  invoiceNumber: string;
  payer: string;
  rejectionCode: string;
  amountCents: number;
  status: string;
  openedOn: string;
  dueDate: string;
  ageDays: number;
  ageingBucket: string;
  assignee: { id: string } | null;
  version: number;
}

function parisDaysAgo(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

describe('reimbursement returns and disputes', () => {
  let t: TestApp;
  let desk: TestClient;
  let paid: InvoiceView;
  let rejected: InvoiceView;
  let rejectedPatientId: string;
  let amcRejected: InvoiceView;
  let old: InvoiceView;

  const postCsv = (lines: string[], filename = 'rsp.csv') =>
    desk.request('POST', `/api/billing/returns?filename=${filename}`, [returnsCsvHeader, ...lines].join('\n'), {
      'content-type': 'text/csv; charset=utf-8',
    });

  beforeAll(async () => {
    t = await createTestApp();
    await insertHandEnteredTariffs(t);
    desk = await loginAs(t, ['secretaire']);
    paid = await invoiceOrder(desk, (await patientWithOrder(desk, ['NFS', 'GLY', 'CREA'])).order.id);
    const withRejection = await patientWithOrder(desk, ['NFS', 'GLY', 'CREA']);
    rejectedPatientId = withRejection.patientId;
    rejected = await invoiceOrder(desk, withRejection.order.id);
    amcRejected = await invoiceOrder(
      desk,
      (await patientWithOrder(desk, ['GLY'], { amc: { ratePercentOfTm: 100, tiersPayant: true } })).order.id
    );
    old = await invoiceOrder(desk, (await patientWithOrder(desk, ['CREA'])).order.id);
  });
  afterAll(async () => t?.close());

  it('a file with an unknown invoice or a malformed line is refused whole, with an error per line', async () => {
    const before = await billingCounts(t);
    const res = await postCsv([
      `${paid.number};${paid.amoCents};;;${parisDaysAgo(2)};AMO`,
      `F2000-999999;870;;;${parisDaysAgo(2)};AMO`,
      `${rejected.number};8,70;;;${parisDaysAgo(2)};AMO`,
      `${amcRejected.number};999999;;;${parisDaysAgo(2)};AMO`,
      `${paid.number};100;;;${parisDaysAgo(2)};AMC`,
    ]);
    expect(res.statusCode).toBe(422);
    const body = res.json<{ code: string; lineErrors: { line: number; field: string; message: string }[] }>();
    expect(body.code).toBe('SIL_RETURNS_FILE_INVALID');
    // The parser reports the malformed amount first (nothing is matched while a line is malformed).
    expect(body.lineErrors).toEqual([{ line: 4, field: 'paidCents', message: expect.stringContaining('8,70') }]);
    expect(await billingCounts(t)).toEqual(before);

    const matched = await postCsv([
      `${paid.number};${paid.amoCents};;;${parisDaysAgo(2)};AMO`,
      `F2000-999999;870;;;${parisDaysAgo(2)};AMO`,
      `${amcRejected.number};999999;;;${parisDaysAgo(2)};AMO`,
      `${paid.number};100;;;${parisDaysAgo(2)};AMC`,
    ]);
    expect(matched.statusCode).toBe(422);
    expect(matched.json<typeof body>().lineErrors.map((e) => [e.line, e.field])).toEqual([
      [3, 'invoiceNumber'],
      [4, 'paidCents'],
      [5, 'payer'],
    ]);
    expect(matched.json<typeof body>().lineErrors[0]?.message).toContain('F2000-999999 inconnue');
    expect(await billingCounts(t)).toEqual(before);
    const untouched = (await desk.get(`/api/invoices/${paid.id}`)).json<InvoiceView>();
    expect(untouched.amoPaidCents).toBe(0);
  });

  it('imports payments and rejections; each rejection opens a dispute; the same file twice is refused', async () => {
    const lines = [
      `${paid.number};${paid.amoCents};;;${parisDaysAgo(5)};AMO`,
      `${rejected.number};0;R12;Droits AMO fermés à la date des soins;${parisDaysAgo(5)};AMO`,
      `${amcRejected.number};0;M07;Contrat ne couvrant pas la biologie;${parisDaysAgo(45)};AMC`,
      `${amcRejected.number};${amcRejected.amoCents};;;${parisDaysAgo(45)};AMO`,
      `${old.number};0;R31;Prescripteur inconnu;${parisDaysAgo(100)};AMO`,
    ];
    const res = await postCsv(lines, 'rsp-2026.csv');
    expectStatus(res, 201);
    expect(res.json()).toMatchObject({
      lineCount: 5,
      paymentCount: 2,
      rejectionCount: 3,
      paidTotalCents: 870 + amcRejected.amoCents,
    });
    expect((await desk.get(`/api/invoices/${paid.id}`)).json<InvoiceView>().amoPaidCents).toBe(870);

    const before = await billingCounts(t);
    const twice = await postCsv(lines, 'rsp-2026-bis.csv');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('SIL_RETURNS_ALREADY_IMPORTED');
    expect(await billingCounts(t)).toEqual(before);
  });

  it('lists open disputes with their ageing buckets', async () => {
    const res = await desk.get('/api/disputes');
    expectStatus(res, 200);
    const body = res.json<{
      items: DisputeAnswer[];
      ageing: { bucket: string; count: number; amountCents: number }[];
    }>();
    const byInvoice = new Map(body.items.map((d) => [d.invoiceNumber, d]));
    // Rejected amounts: what the payer was expected to pay minus what it paid.
    expect(byInvoice.get(rejected.number as string)).toMatchObject({
      payer: 'AMO',
      rejectionCode: 'R12',
      amountCents: 870,
      status: 'open',
      ageDays: 5,
      ageingBucket: '0-30',
      openedOn: parisDaysAgo(5),
      dueDate: parisDaysAgo(5 - 30),
    });
    // GLY alone: 0552 1,25 + 9005 4,25 + 9105 1,25 = 6,75 €; AMO 60 % = 4,05 €; the AMC (100 % of
    // the ticket modérateur, tiers payant) was expected to pay 2,70 € and paid nothing.
    expect(byInvoice.get(amcRejected.number as string)).toMatchObject({
      payer: 'AMC',
      amountCents: 270,
      ageingBucket: '31-60',
    });
    expect(byInvoice.get(old.number as string)).toMatchObject({ amountCents: old.amoCents, ageingBucket: '>90' });
    expect(body.ageing).toEqual([
      { bucket: '0-30', label: '0 à 30 jours', count: 1, amountCents: 870 },
      { bucket: '31-60', label: '31 à 60 jours', count: 1, amountCents: 270 },
      { bucket: '61-90', label: '61 à 90 jours', count: 0, amountCents: 0 },
      { bucket: '>90', label: 'plus de 90 jours', count: 1, amountCents: old.amoCents },
    ]);
  });

  it('assigns a dispute and moves its due date (audited, optimistic version)', async () => {
    const dispute = (await desk.get(`/api/disputes?invoiceId=${old.id}`)).json<{ items: DisputeAnswer[] }>()
      .items[0] as DisputeAnswer;
    const res = await desk.patch(`/api/disputes/${dispute.id}`, {
      assigneeId: desk.userId,
      dueDate: parisDaysAgo(-7),
      version: dispute.version,
    });
    expectStatus(res, 200);
    expect(res.json<DisputeAnswer>()).toMatchObject({ assignee: { id: desk.userId }, dueDate: parisDaysAgo(-7) });
    const stale = await desk.patch(`/api/disputes/${dispute.id}`, {
      dueDate: parisDaysAgo(-8),
      version: dispute.version,
    });
    expect(stale.json().code).toBe('SIL_CONFLICT');
    expect((await desk.get(`/api/disputes?assigneeId=${desk.userId}`)).json<{ items: unknown[] }>().items).toHaveLength(
      1
    );
  });

  it('billing the patient creates an amount payable at the cash desk; the invoice is then settled', async () => {
    const dispute = (await desk.get(`/api/disputes?invoiceId=${rejected.id}`)).json<{ items: DisputeAnswer[] }>()
      .items[0] as DisputeAnswer;
    const res = await desk.post(`/api/disputes/${dispute.id}/resolve`, {
      resolution: 'billed_to_patient',
      reason: 'Patient sans droits ouverts : facturé au patient après appel',
    });
    expectStatus(res, 200);
    expect(res.json<DisputeAnswer>().status).toBe('billed_to_patient');
    const invoice = (await desk.get(`/api/invoices/${rejected.id}`)).json<InvoiceView>();
    // The patient now owes the whole 14,50 €: 5,80 € (ticket modérateur) + 8,70 € refused by the AMO.
    expect(invoice).toMatchObject({ patientChargedCents: 870, patientRemainingCents: 1450 });
    const over = await desk.post(`/api/invoices/${rejected.id}/payments`, {
      deskCode: 'ACCUEIL',
      method: 'card',
      amountCents: 1451,
    });
    expect(over.json().code).toBe('SIL_PAYMENT_EXCEEDS_DUE');
    const payment = await desk.post(`/api/invoices/${rejected.id}/payments`, {
      deskCode: 'ACCUEIL',
      method: 'card',
      amountCents: 1450,
    });
    expectStatus(payment, 201);
    expect(payment.json()).toMatchObject({ invoiceStatus: 'paid', patientRemainingCents: 0 });

    const again = await desk.post(`/api/disputes/${dispute.id}/resolve`, {
      resolution: 'written_off',
      reason: 'encore',
    });
    expect(again.json().code).toBe('SIL_DISPUTE_ALREADY_RESOLVED');
    const events = await t.db.database.query<{ action: string }>(
      `SELECT action FROM audit_event WHERE patient_id = $1 AND action IN ('dispute.opened', 'dispute.resolved') ORDER BY id`,
      [rejectedPatientId]
    );
    expect(events.map((e) => e.action)).toEqual(['dispute.opened', 'dispute.resolved']);
  });

  it('write-off and corrected-resubmitted: the rejected amount is closed or expected again', async () => {
    const amc = (await desk.get(`/api/disputes?invoiceId=${amcRejected.id}`)).json<{ items: DisputeAnswer[] }>()
      .items[0] as DisputeAnswer;
    expectStatus(
      await desk.post(`/api/disputes/${amc.id}/resolve`, {
        resolution: 'written_off',
        reason: 'Montant trop faible pour relancer',
      }),
      200
    );
    const amcInvoice = (await desk.get(`/api/invoices/${amcRejected.id}`)).json<InvoiceView>();
    // AMO paid 4,05 €, AMC 2,70 € written off, patient share 0: nothing remains to collect.
    expect(amcInvoice).toMatchObject({ status: 'paid', patientRemainingCents: 0 });

    const oldDispute = (await desk.get(`/api/disputes?invoiceId=${old.id}`)).json<{ items: DisputeAnswer[] }>()
      .items[0] as DisputeAnswer;
    expectStatus(
      await desk.post(`/api/disputes/${oldDispute.id}/resolve`, {
        resolution: 'corrected_resubmitted',
        reason: 'RPPS corrigé, FSE renvoyée',
      }),
      200
    );
    // The AMO is expected to pay again: a later return paying its share (4,20 €) is accepted.
    expectStatus(await postCsv([`${old.number};${old.amoCents};;;${parisDaysAgo(0)};AMO`], 'rsp-relance.csv'), 201);
    expect((await desk.get('/api/disputes')).json<{ items: unknown[] }>().items).toHaveLength(0);
  });

  it('the JSON form of the returns is accepted too', async () => {
    const invoice = await invoiceOrder(desk, (await patientWithOrder(desk, ['GLY'])).order.id);
    const res = await desk.post('/api/billing/returns?filename=rsp.json', {
      lines: [
        {
          invoiceNumber: invoice.number,
          paidCents: 0,
          rejectionCode: 'R02',
          rejectionReason: 'NIR erroné',
          paymentDate: parisDaysAgo(1),
          payer: 'AMO',
        },
      ],
    });
    expectStatus(res, 201);
    expect(res.json()).toMatchObject({ format: 'json', rejectionCount: 1 });
  });

  it.skipIf(!pdftotextAvailable)(
    'patient statement PDF: invoice, amount billed after rejection, payment, balance',
    async () => {
      const res = await desk.get(`/api/patients/${rejectedPatientId}/statement.pdf`);
      expectStatus(res, 200);
      const text = pdfText(res.rawPayload);
      expect(text).toContain('Relevé de compte patient');
      expect(text).toContain(rejected.number as string);
      expect(text).toMatch(/Rejet AMO R12/);
      expect(text).toMatch(/Total restant dû : 0,00 €/);
      expect(text).toMatch(/14,50 €\s+\(Carte bancaire\)/);
    }
  );

  it('disputes are the desk’s: a technician may not import returns', async () => {
    const technician = await loginAs(t, ['technicien']);
    expect((await technician.get('/api/disputes')).statusCode).toBe(403);
  });
});
