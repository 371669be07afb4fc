import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  loginAs,
  testAdminPassword,
  type TestApp,
  type TestClient,
} from '../../testing/test-app.js';
import {
  count,
  createOrder,
  createPatient,
  expectStatus,
  orderTableCounts,
  type OrderBody,
} from './orders-test-helpers.js';

const acceptChecklist = {
  accept: true,
  identityMatches: true,
  containerOk: true,
  fillingOk: true,
  temperature: 'ambiante',
  haemolysis: 0,
  lipaemia: 0,
  icterus: 0,
};

interface ReplacementBody {
  id: string;
  barcode: string;
  replacesBarcode: string;
  orderId: string;
  status: string;
  containerCode: string;
  analyses: string[];
  results: number;
  nonConformityIds: string[];
}

interface ResultRow {
  id: string;
  analyte_code: string;
  status: string;
  barcode: string;
}

describe('replacement tube and rejection after acceptance', () => {
  let t: TestApp;
  let desk: TestClient;
  let technician: TestClient;
  let sampler: TestClient;
  let patientId: string;

  async function resultsOf(orderId: string): Promise<ResultRow[]> {
    return t.db.database.query<ResultRow>(
      `SELECT r.id, r.analyte_code, r.status, s.barcode FROM result r JOIN specimen s ON s.id = r.specimen_id
       WHERE r.order_id = $1 ORDER BY s.barcode, r.analyte_code`,
      [orderId]
    );
  }

  async function orderStatus(orderId: string): Promise<string> {
    const res = await desk.get(`/api/orders/${orderId}`);
    expectStatus(res, 200);
    return res.json<{ status: string }>().status;
  }

  async function rejectAtReception(barcode: string, reasonCode = 'HEMOLYSE'): Promise<void> {
    expectStatus(await technician.post(`/api/specimens/${barcode}/receive`, { accept: false, reasonCode }), 200);
  }

  async function receive(barcode: string): Promise<void> {
    expectStatus(await sampler.post('/api/specimens/collect', { barcodes: [barcode] }), 200);
    expectStatus(await technician.post(`/api/specimens/${barcode}/receive`, acceptChecklist), 200);
  }

  async function tubeStatus(barcode: string): Promise<string | undefined> {
    const [row] = await t.db.database.query<{ status: string }>('SELECT status FROM specimen WHERE barcode = $1', [
      barcode,
    ]);
    return row?.status;
  }

  function tubeOf(order: OrderBody, analysis: string): string {
    return order.specimens.find((s) => s.analyses.includes(analysis))?.barcode as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    desk = await loginAs(t, ['secretaire']);
    technician = await loginAs(t, ['technicien']);
    sampler = await loginAs(t, ['preleveur']);
    patientId = (await createPatient(desk)).id;
  });
  afterAll(async () => t?.close());

  it('redraws a rejected tube: next number, same analyses, new pending results, order awaiting specimens again', async () => {
    const order = await createOrder(desk, patientId, ['GLY', 'NFS']);
    const glyTube = tubeOf(order, 'GLY');
    const nfsTube = tubeOf(order, 'NFS');
    const lastIndex = Math.max(...order.specimens.map((s) => Number(s.barcode.slice(10))));
    await receive(nfsTube);
    await rejectAtReception(glyTube);
    const glyBefore = (await resultsOf(order.id)).filter((r) => r.barcode === glyTube);
    expect(glyBefore.length).toBeGreaterThan(0);
    expect(glyBefore.every((r) => r.status === 'cancelled')).toBe(true);

    const res = await desk.post(`/api/specimens/${glyTube}/replacement`);
    expectStatus(res, 201);
    const replacement = res.json<ReplacementBody>();
    expect(replacement).toMatchObject({
      barcode: `${order.orderNumber}${String(lastIndex + 1).padStart(2, '0')}`,
      replacesBarcode: glyTube,
      status: 'expected',
      analyses: ['GLY'],
      results: glyBefore.length,
    });
    expect(replacement.nonConformityIds).toHaveLength(1);

    // The cancelled results stay; a new pending one per analyte lives on the new tube.
    const after = await resultsOf(order.id);
    expect(after.filter((r) => r.barcode === glyTube)).toEqual(glyBefore);
    const onNew = after.filter((r) => r.barcode === replacement.barcode);
    expect(onNew.map((r) => [r.analyte_code, r.status])).toEqual(glyBefore.map((r) => [r.analyte_code, 'pending']));

    const view = (await desk.get(`/api/orders/${order.id}`)).json<{
      specimens: {
        barcode: string;
        status: string;
        replacesBarcode: string | null;
        replacedByBarcode: string | null;
      }[];
    }>();
    expect(view.specimens.find((s) => s.barcode === glyTube)).toMatchObject({ replacedByBarcode: replacement.barcode });
    expect(view.specimens.find((s) => s.barcode === replacement.barcode)).toMatchObject({
      status: 'expected',
      replacesBarcode: glyTube,
    });
    const [nc] = await t.db.database.query<{ status: string; resolution: string }>(
      'SELECT status, resolution FROM non_conformity WHERE id = $1',
      [replacement.nonConformityIds[0] ?? '']
    );
    expect(nc).toMatchObject({ status: 'in_progress' });
    expect(nc?.resolution).toContain(replacement.barcode);
    const [audit] = await t.db.database.query<{ patient_id: string; after: { replacesBarcode: string } }>(
      "SELECT patient_id, after FROM audit_event WHERE action = 'specimen.replacement_created' AND entity_id = $1",
      [replacement.id]
    );
    expect(audit).toMatchObject({ patient_id: patientId, after: { replacesBarcode: glyTube } });

    // Its label prints alone.
    const label = await desk.get(`/api/orders/${order.id}/labels?format=label50x25&barcode=${replacement.barcode}`);
    expectStatus(label, 200);
    expect(label.headers['content-type']).toContain('application/pdf');

    // The new tube goes through reception like any other.
    await receive(replacement.barcode);
    expect(await orderStatus(order.id)).toBe('in_progress');
  });

  it('puts a fully rejected order back to awaiting specimens', async () => {
    const order = await createOrder(desk, patientId, ['GLY']);
    const tube = tubeOf(order, 'GLY');
    await rejectAtReception(tube, 'COAGULE');
    expect(await orderStatus(order.id)).toBe('cancelled');
    expectStatus(await desk.post(`/api/specimens/${tube}/replacement`), 201);
    expect(await orderStatus(order.id)).toBe('awaiting_specimens');
  });

  it('refuses a tube not rejected, already replaced, of another site or with nothing to redraw; nothing changes', async () => {
    const order = await createOrder(desk, patientId, ['GLY', 'NFS']);
    const glyTube = tubeOf(order, 'GLY');
    const nfsTube = tubeOf(order, 'NFS');

    let before = await orderTableCounts(t);
    const notRejected = await desk.post(`/api/specimens/${nfsTube}/replacement`);
    expect(notRejected.statusCode).toBe(409);
    expect(notRejected.json()).toMatchObject({ code: 'SIL_SPECIMEN_NOT_REJECTED', status: 'expected' });
    const unknown = await desk.post('/api/specimens/999999999999/replacement');
    expect(unknown.json()).toMatchObject({ code: 'SIL_SPECIMEN_NOT_FOUND' });
    expect(await orderTableCounts(t)).toEqual(before);

    await rejectAtReception(glyTube);
    // A desk of another site may not redraw this order's tube.
    const admin = await login(t.app, 'admin', testAdminPassword);
    const site = await admin.post('/api/admin/sites', {
      code: `B${process.pid % 1000}`,
      name: 'Site annexe',
      territory: 'metropole',
    });
    expectStatus(site, 201);
    const otherDesk = await loginAs(t, ['secretaire'], [site.json<{ id: string }>().id]);
    before = await orderTableCounts(t);
    const wrongSite = await otherDesk.post(`/api/specimens/${glyTube}/replacement`);
    expect(wrongSite.statusCode).toBe(403);
    expect(wrongSite.json()).toMatchObject({ code: 'SIL_SPECIMEN_WRONG_SITE' });
    // The bench may not create tubes (order creation permission).
    expect((await technician.post(`/api/specimens/${glyTube}/replacement`)).statusCode).toBe(403);
    expect(await orderTableCounts(t)).toEqual(before);

    const first = await desk.post(`/api/specimens/${glyTube}/replacement`);
    expectStatus(first, 201);
    before = await orderTableCounts(t);
    const again = await desk.post(`/api/specimens/${glyTube}/replacement`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'SIL_SPECIMEN_ALREADY_REPLACED',
      replacedByBarcode: first.json<ReplacementBody>().barcode,
    });
    expect(await orderTableCounts(t)).toEqual(before);

    // Analysis cancelled meanwhile: nothing left to redraw.
    const other = await createOrder(desk, patientId, ['GLY', 'NFS']);
    const otherGly = tubeOf(other, 'GLY');
    await rejectAtReception(otherGly);
    expectStatus(
      await desk.post(`/api/orders/${other.id}/analyses`, { add: [], cancel: ['GLY'], reason: 'Annulé' }),
      200
    );
    before = await orderTableCounts(t);
    const nothing = await desk.post(`/api/specimens/${otherGly}/replacement`);
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json()).toMatchObject({ code: 'SIL_SPECIMEN_NOTHING_TO_REDRAW' });
    expect(await orderTableCounts(t)).toEqual(before);
  });

  it('rejects an accepted tube at the bench: results cancelled (kept), non-conformity, then redrawn', async () => {
    const order = await createOrder(desk, patientId, ['GLY']);
    const tube = tubeOf(order, 'GLY');
    await receive(tube);
    const [gly] = await resultsOf(order.id);
    expectStatus(await technician.put(`/api/results/${gly?.id}`, { value: '5,2', expectedVersion: 0 }), 200);
    const versionsBefore = await count(t, 'result_version', `result_id = '${gly?.id}'`);
    expect(versionsBefore).toBe(1);

    const res = await technician.post(`/api/specimens/${tube}/reject`, { reasonCode: 'COAGULE', comment: 'caillot' });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      status: 'rejected',
      cancelledResults: (await resultsOf(order.id)).length,
      conformity: { decision: 'accepted', lateRejection: { reasonCode: 'COAGULE', previousStatus: 'in_analysis' } },
    });
    const results = await resultsOf(order.id);
    expect(results.every((r) => r.status === 'cancelled')).toBe(true);
    // Append-only: the value typed is still there, the cancellation is logged with its reason.
    expect(await count(t, 'result_version', `result_id = '${gly?.id}'`)).toBe(versionsBefore);
    const [logged] = await t.db.database.query<{ reason: string }>(
      "SELECT reason FROM validation_event WHERE result_id = $1 AND kind = 'cancelled'",
      [gly?.id ?? '']
    );
    expect(logged?.reason).toContain('après acceptation');
    const recall = await desk.get(`/api/non-conformities?orderId=${order.id}`);
    expect(recall.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({
        status: 'open',
        recallPatient: true,
        reasonCode: 'COAGULE',
        specimen: expect.objectContaining({ barcode: tube, status: 'rejected', replacedByBarcode: null }),
      }),
    ]);
    // Entering a value on the rejected tube is refused.
    expect((await technician.put(`/api/results/${gly?.id}`, { value: '5,3', expectedVersion: 1 })).statusCode).not.toBe(
      200
    );

    const replacement = await desk.post(`/api/specimens/${tube}/replacement`);
    expectStatus(replacement, 201);
    expect(replacement.json<ReplacementBody>().analyses).toEqual(['GLY']);
  });

  it('refuses to reject a tube not yet accepted or whose result is validated; nothing changes', async () => {
    const order = await createOrder(desk, patientId, ['GLY']);
    const tube = tubeOf(order, 'GLY');
    let before = await orderTableCounts(t);
    const notAccepted = await technician.post(`/api/specimens/${tube}/reject`, { reasonCode: 'COAGULE' });
    expect(notAccepted.statusCode).toBe(409);
    expect(notAccepted.json()).toMatchObject({ code: 'SIL_SPECIMEN_NOT_ACCEPTED', status: 'expected' });
    const noReason = await technician.post(`/api/specimens/${tube}/reject`, { reasonCode: 'AUTRE' });
    expect(noReason.statusCode).toBe(400);
    // The desk does not reject at the bench.
    expect((await desk.post(`/api/specimens/${tube}/reject`, { reasonCode: 'COAGULE' })).statusCode).toBe(403);
    expect(await orderTableCounts(t)).toEqual(before);

    await receive(tube);
    const results = await resultsOf(order.id);
    for (const result of results) {
      expectStatus(await technician.put(`/api/results/${result.id}`, { value: '5,2', expectedVersion: 0 }), 200);
    }
    expectStatus(await technician.post('/api/results/validate-technical', { specimenBarcode: tube }), 200);
    before = await orderTableCounts(t);
    const statusBefore = await tubeStatus(tube);
    expect(statusBefore).toBe('in_analysis');
    const validated = await technician.post(`/api/specimens/${tube}/reject`, { reasonCode: 'HEMOLYSE' });
    expect(validated.statusCode).toBe(409);
    expect(validated.json()).toMatchObject({ code: 'SIL_SPECIMEN_RESULTS_VALIDATED', barcode: tube });
    expect(await orderTableCounts(t)).toEqual(before);
    expect(await tubeStatus(tube)).toBe(statusBefore);
  });
});
