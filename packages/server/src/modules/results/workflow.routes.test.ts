/**
 * The results workflow on rows made by the real desk and reception (orders feature) and the starter
 * catalogue seeded at first start: the order's pending results are entered, validated and read back
 * for the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';

interface OrderView {
  id: string;
  specimens: { barcode: string; analyses: string[] }[];
}

interface WorklistBody {
  specimens: {
    barcode: string;
    orderId: string;
    results: { resultId: string; analyteCode: string; calculated: boolean; version: number }[];
  }[];
}

const checklist = {
  identityMatches: true,
  containerOk: true,
  fillingOk: true,
  temperature: 'ambiante',
  haemolysis: 0,
  lipaemia: 0,
  icterus: 0,
};

describe('results on a real order', () => {
  let t: TestApp;
  let desk: TestClient;
  let bench: TestClient;
  let biologist: TestClient;
  let order: OrderView;

  beforeAll(async () => {
    t = await createTestApp();
    desk = await loginAs(t, ['secretaire']);
    bench = await loginAs(t, ['technicien']);
    biologist = await loginAs(t, ['biologiste']);
    const patient = await desk.post('/api/patients', {
      birthName: 'Lefebvre',
      birthFirstNames: 'Claire',
      firstFirstName: 'Claire',
      birthDate: '1962-09-17',
      sex: 'F',
    });
    expect(patient.statusCode, patient.body).toBe(201);
    const created = await desk.post('/api/orders', {
      patientId: patient.json<{ id: string }>().id,
      analyses: ['NFS', 'GLY', 'CREA', 'EAL'],
      acknowledgeWarnings: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    order = created.json<OrderView>();
    const barcodes = order.specimens.map((s) => s.barcode);
    const collected = await desk.post('/api/specimens/collect', { barcodes });
    expect(collected.statusCode, collected.body).toBe(200);
  });
  afterAll(async () => t?.close());

  it('enters, validates and reports the biochemistry of a received tube; the DFG follows the créatinine', async () => {
    const tubes = order.specimens.filter((s) => !s.analyses.includes('NFS'));
    for (const tube of tubes) {
      const received = await bench.post(`/api/specimens/${tube.barcode}/receive`, { accept: true, ...checklist });
      expect(received.statusCode, received.body).toBe(200);
    }
    const worklist = (await bench.get('/api/worklists?section=biochimie&limit=500')).json<WorklistBody>();
    const rows = worklist.specimens
      .filter((s) => s.orderId === order.id)
      .flatMap((s) => s.results.map((r) => ({ ...r, barcode: s.barcode })));
    const glucose = rows.find((r) => r.analyteCode === 'GLUCOSE');
    const creatinine = rows.find((r) => r.analyteCode === 'CREATININE');
    const dfg = rows.find((r) => r.analyteCode === 'DFG_CKDEPI');
    expect(glucose && creatinine && dfg, JSON.stringify(rows)).toBeTruthy();
    expect(dfg?.calculated).toBe(true);

    const g = await bench.put(`/api/results/${glucose?.resultId}`, { value: '7,2', expectedVersion: 0 });
    expect(g.statusCode, g.body).toBe(200);
    expect(g.json()).toMatchObject({ result: { value: '7,20', flag: 'H' } });
    const c = await bench.put(`/api/results/${creatinine?.resultId}`, { value: '70', expectedVersion: 0 });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json<{ recalculated: { analyteCode: string; valueNumeric: number }[] }>().recalculated).toEqual([
      expect.objectContaining({ analyteCode: 'DFG_CKDEPI', valueNumeric: expect.any(Number) }),
    ]);

    // The lipid panel: LDL by Friedewald once CT, HDL and TG are in (mmol/L here, g/L in the formula).
    let ldl: { valueNumeric: number | null } | undefined;
    for (const [code, value] of [
      ['CHOLESTEROL_T', '5,20'],
      ['HDL', '1,30'],
      ['TRIGLYCERIDES', '1,50'],
    ] as const) {
      const row = rows.find((r) => r.analyteCode === code);
      const res = await bench.put(`/api/results/${row?.resultId}`, { value, expectedVersion: 0 });
      expect(res.statusCode, res.body).toBe(200);
      ldl = res
        .json<{ recalculated: { analyteCode: string; valueNumeric: number | null }[] }>()
        .recalculated.find((r) => r.analyteCode === 'LDL_CALC');
    }
    expect(ldl?.valueNumeric).toBeCloseTo(5.2 - 1.3 - (1.5 * 885.7) / 386.65 / 5, 1);

    const ids = [glucose?.resultId, creatinine?.resultId, dfg?.resultId] as string[];
    const technical = await bench.post('/api/results/validate-technical', { resultIds: ids });
    expect(technical.statusCode, technical.body).toBe(200);
    const validated = await biologist.post(`/api/validation/orders/${order.id}/validate`, { resultIds: ids });
    expect(validated.statusCode, validated.body).toBe(200);
    // The haemogram is still pending: a partial report.
    expect(validated.json()).toMatchObject({ reportKind: 'partial' });

    const forReport = await t.db.database.transaction((tx) =>
      t.app.services.results.validatedResultsForOrder(tx, order.id)
    );
    expect(forReport.map((r) => r.analyteCode).sort()).toEqual(['CREATININE', 'DFG_CKDEPI', 'GLUCOSE']);
    expect(forReport.find((r) => r.analyteCode === 'GLUCOSE')).toMatchObject({
      value: '7,20',
      flag: 'H',
      unit: 'mmol/L',
      validatorName: 'Test biologiste',
    });
    expect(forReport.find((r) => r.analyteCode === 'CREATININE')?.interval?.display).toBe('45 – 84');
  });

  it('refuses results on a tube rejected at reception', async () => {
    const tube = order.specimens.find((s) => s.analyses.includes('NFS'));
    const rejected = await bench.post(`/api/specimens/${tube?.barcode}/receive`, {
      accept: false,
      reasonCode: 'COAGULE',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const [row] = await t.db.database.query<{ id: string }>(
      `SELECT r.id FROM result r JOIN specimen s ON s.id = r.specimen_id WHERE s.barcode = $1 LIMIT 1`,
      [tube?.barcode ?? null]
    );
    const res = await bench.put(`/api/results/${row?.id}`, { value: '130', expectedVersion: 0 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'SIL_SPECIMEN_REJECTED' });
  });
});
