/**
 * The invoices list of the desk (`GET /api/invoices`): filters by patient, day and status, each row
 * names its patient, and every patient whose invoices were listed gets an access event (secret
 * médical: who saw whose bills, CSP L1110-4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';
import { count, expectStatus } from '../orders/orders-test-helpers.js';
import { insertHandEnteredTariffs, invoiceOrder, patientWithOrder } from './billing-test-helpers.js';
import type { InvoiceListItem } from './invoices.schemas.js';

describe('invoices list', () => {
  let t: TestApp;
  let desk: TestClient;
  let first: { patientId: string; invoiceId: string; number: string | null };
  let second: { patientId: string; invoiceId: string };

  beforeAll(async () => {
    t = await createTestApp();
    await insertHandEnteredTariffs(t);
    desk = await loginAs(t, ['secretaire']);
    const a = await patientWithOrder(desk, ['GLY'], {
      traits: { birthName: 'Lebrun', birthFirstNames: 'Odile Anne', firstFirstName: 'Odile' },
    });
    const invoiceA = await invoiceOrder(desk, a.order.id);
    first = { patientId: a.patientId, invoiceId: invoiceA.id, number: invoiceA.number };
    const b = await patientWithOrder(desk, ['NFS'], {
      traits: { birthName: 'Garnier', birthFirstNames: 'Paul', firstFirstName: 'Paul' },
    });
    const draft = await desk.post(`/api/orders/${b.order.id}/invoice`, { draft: true });
    expectStatus(draft, 201);
    second = { patientId: b.patientId, invoiceId: draft.json<{ id: string }>().id };
  });
  afterAll(async () => t?.close());

  const list = async (query: string): Promise<InvoiceListItem[]> => {
    const res = await desk.get(`/api/invoices?${query}`);
    expectStatus(res, 200);
    return res.json<{ items: InvoiceListItem[] }>().items;
  };

  it('names the patient of each invoice', async () => {
    const items = await list(`patientId=${first.patientId}`);
    expect(items.map((i) => i.id)).toEqual([first.invoiceId]);
    expect(items[0]?.patient).toEqual({ birthName: 'LEBRUN', usedName: 'MARTIN', firstName: 'ODILE' });
  });

  it('filters by status: the draft only among drafts, the issued invoice only among issued ones', async () => {
    const drafts = await list('status=draft');
    expect(drafts.map((i) => i.id)).toContain(second.invoiceId);
    expect(drafts.every((i) => i.status === 'draft')).toBe(true);
    const issued = await list('status=issued');
    expect(issued.map((i) => i.id)).toContain(first.invoiceId);
    expect(issued.map((i) => i.id)).not.toContain(second.invoiceId);
  });

  it('refuses an unknown status with a clear error', async () => {
    const res = await desk.get('/api/invoices?status=perdue');
    expect(res.statusCode).toBe(400);
  });

  it('logs one access event per patient listed', async () => {
    const before = await count(t, 'audit_event', `action = 'invoice.listed' AND patient_id = '${second.patientId}'`);
    await list('status=draft');
    const after = await count(t, 'audit_event', `action = 'invoice.listed' AND patient_id = '${second.patientId}'`);
    expect(after).toBe(before + 1);
  });
});
