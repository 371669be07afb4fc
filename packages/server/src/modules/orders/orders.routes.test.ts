import { parisDateOf } from '@sillage/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';
import {
  count,
  createOrder,
  createPatient,
  expectStatus,
  orderTableCounts,
  type OrderBody,
} from './orders-test-helpers.js';

interface CatalogueRow {
  code: string;
  container_code: string;
  volume_ml: string;
  shareable: boolean;
  analyte_codes: string[];
  colour: string;
  draw_order: number;
}

async function catalogueOf(t: TestApp, codes: string[]): Promise<Map<string, CatalogueRow>> {
  const rows = await t.db.database.query<CatalogueRow>(
    `SELECT a.code, a.container_code, a.volume_ml, a.shareable, a.analyte_codes, c.colour, c.draw_order
     FROM analysis a JOIN container c ON c.code = a.container_code
     WHERE a.valid_to IS NULL AND a.code = ANY($1::text[])`,
    [codes]
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** YYMMDD of the lab day (Europe/Paris) an order registered now belongs to. */
function todaysPrefix(): string {
  return parisDateOf(new Date()).slice(2).replaceAll('-', '');
}

describe('orders at the desk', () => {
  let t: TestApp;
  let desk: TestClient;
  let sampler: TestClient;
  let technician: TestClient;
  let patientId: string;

  beforeAll(async () => {
    t = await createTestApp();
    desk = await loginAs(t, ['secretaire']);
    sampler = await loginAs(t, ['preleveur']);
    technician = await loginAs(t, ['technicien']);
    patientId = (await createPatient(desk)).id;
  });
  afterAll(async () => t?.close());

  it('registers NFS + GLY + CREA: tubes from the catalogue in order of draw, pending results, audit', async () => {
    const catalogue = await catalogueOf(t, ['NFS', 'GLY', 'CREA']);
    expect([...catalogue.keys()].sort()).toEqual(['CREA', 'GLY', 'NFS']);
    const order = await createOrder(desk, patientId, ['NFS', 'gly', 'Crea']);

    expect(order.orderNumber).toMatch(new RegExp(`^${todaysPrefix()}\\d{4}$`));
    expect(order.status).toBe('awaiting_specimens');
    expect(order.analyses.map((a) => a.code)).toEqual(['NFS', 'GLY', 'CREA']);

    const tubeOf = (code: string) => order.specimens.find((s) => s.analyses.includes(code));
    const nfs = catalogue.get('NFS') as CatalogueRow;
    const gly = catalogue.get('GLY') as CatalogueRow;
    const crea = catalogue.get('CREA') as CatalogueRow;
    // NFS on the EDTA tube (violet cap); GLY and CREA share a tube exactly when the catalogue puts
    // them in the same shareable container.
    expect(tubeOf('NFS')).toMatchObject({ containerCode: nfs.container_code, colour: 'violet' });
    const shared = gly.container_code === crea.container_code && gly.shareable && crea.shareable;
    expect(tubeOf('GLY')?.barcode === tubeOf('CREA')?.barcode).toBe(shared);
    expect(order.specimens).toHaveLength(new Set([nfs, gly, crea].map((a) => a.container_code)).size);

    // Barcodes: order number + rank in the order of draw (01, 02…), draw order never decreasing.
    expect(order.specimens.map((s) => s.barcode)).toEqual(
      order.specimens.map((_, i) => `${order.orderNumber}${String(i + 1).padStart(2, '0')}`)
    );
    const drawOrders = order.specimens.map((s) => s.drawOrder);
    expect(drawOrders).toEqual([...drawOrders].sort((a, b) => a - b));
    for (const tube of order.specimens) {
      const needed = tube.analyses.reduce((sum, code) => sum + Number(catalogue.get(code)?.volume_ml), 0);
      expect(tube.volumeMl).toBeCloseTo(needed, 6);
      expect(tube.status).toBe('expected');
    }

    // One pending result per analyte, on the current analyte version, on the tube carrying it.
    const results = await t.db.database.query<{
      analyte_code: string;
      status: string;
      barcode: string;
      analysis_code: string;
      urgent: boolean;
      current_analyte: boolean;
      patient_id: string;
    }>(
      `SELECT r.analyte_code, r.status, s.barcode, a.code AS analysis_code, r.urgent, r.patient_id,
         (an.valid_to IS NULL AND an.code = r.analyte_code) AS current_analyte
       FROM result r JOIN specimen s ON s.id = r.specimen_id JOIN order_analysis oa ON oa.id = r.order_analysis_id
       JOIN analysis a ON a.id = oa.analysis_id JOIN analyte an ON an.id = r.analyte_id
       WHERE r.order_id = $1`,
      [order.id]
    );
    const expectedAnalytes = [nfs, gly, crea].flatMap((a) => a.analyte_codes);
    expect(results.map((r) => r.analyte_code).sort()).toEqual([...expectedAnalytes].sort());
    for (const result of results) {
      expect(result).toMatchObject({ status: 'pending', urgent: false, current_analyte: true, patient_id: patientId });
      expect(result.barcode).toBe(tubeOf(result.analysis_code)?.barcode);
    }

    const [audit] = await t.db.database.query<{ patient_id: string; after: { orderNumber: string; tubes: string[] } }>(
      "SELECT patient_id, after FROM audit_event WHERE action = 'order.created' AND entity_id = $1",
      [order.id]
    );
    expect(audit?.patient_id).toBe(patientId);
    expect(audit?.after.orderNumber).toBe(order.orderNumber);
    expect(audit?.after.tubes).toEqual(order.specimens.map((s) => s.barcode));
  });

  it('numbers orders without gaps: a failed order gives its number back', async () => {
    const first = await createOrder(desk, patientId, ['NFS']);
    // A failure after the number is allocated (the order insert itself fails) rolls it back.
    await t.db.database.exec(`
      CREATE FUNCTION fail_test_order() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.clinical_info = 'ECHEC-TEST' THEN RAISE EXCEPTION 'échec simulé'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fail_test_order BEFORE INSERT ON lab_order FOR EACH ROW EXECUTE FUNCTION fail_test_order();`);
    const before = await orderTableCounts(t);
    const failed = await desk.post('/api/orders', { patientId, analyses: ['NFS'], clinicalInfo: 'ECHEC-TEST' });
    expect(failed.statusCode).toBe(500);
    expect(await orderTableCounts(t)).toEqual(before);
    await t.db.database.exec('DROP TRIGGER fail_test_order ON lab_order; DROP FUNCTION fail_test_order();');

    const second = await createOrder(desk, patientId, ['NFS']);
    expect(Number(second.orderNumber)).toBe(Number(first.orderNumber) + 1);
    const [counter] = await t.db.database.query<{ value: number }>('SELECT value FROM number_counter WHERE name = $1', [
      `order:${parisDateOf(new Date())}`,
    ]);
    expect(Number(counter?.value)).toBe(Number(second.orderNumber.slice(6)));

    // Concurrent registrations (several connections on PostgreSQL) still give consecutive numbers.
    const concurrent = await Promise.all(
      Array.from({ length: 6 }, () => desk.post('/api/orders', { patientId, analyses: ['NFS'] }))
    );
    const numbers = concurrent
      .map((res) => Number(res.json<{ orderNumber: string }>().orderNumber))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => Number(second.orderNumber) + 1 + i));
  });

  it('refuses unknown analysis codes, naming each, and creates nothing', async () => {
    const before = await orderTableCounts(t);
    const res = await desk.post('/api/orders', { patientId, analyses: ['NFS', 'XYZ', 'gly', 'PASUNCODE'] });
    expect(res.statusCode).toBe(422);
    const body = res.json<{ code: string; unknown: string[]; errors: { path: string }[] }>();
    expect(body.code).toBe('SIL_ANALYSIS_UNKNOWN');
    expect(body.unknown).toEqual(['XYZ', 'PASUNCODE']);
    expect(body.errors.map((e) => e.path)).toEqual(['analyses.1', 'analyses.3']);
    expect(await orderTableCounts(t)).toEqual(before);
  });

  it('refuses bad input with a clear code and changes nothing', async () => {
    const before = await orderTableCounts(t);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ patientId, analyses: ['NFS', 'nfs'] }, 422, 'SIL_ORDER_ANALYSIS_DUPLICATE'],
      [{ patientId: '00000000-0000-4000-8000-000000000000', analyses: ['NFS'] }, 404, 'SIL_PATIENT_NOT_FOUND'],
      [
        { patientId, analyses: ['NFS'], prescriberId: '00000000-0000-4000-8000-000000000000' },
        422,
        'SIL_ORDER_PRESCRIBER_UNKNOWN',
      ],
      [{ patientId, analyses: ['NFS'], prescriptionDate: '2999-01-01' }, 422, 'SIL_ORDER_PRESCRIPTION_DATE_INVALID'],
      [{ patientId, analyses: [] }, 400, 'SIL_VALIDATION'],
      [{ patientId, analyses: ['NFS'], urgency: 'asap' }, 400, 'SIL_VALIDATION'],
      [{ patientId, analyses: ['NFS'], plannedSamplingAt: '2026-03-02T08:15:00' }, 400, 'SIL_VALIDATION'],
      [{ patientId, analyses: ['NFS'], status: 'complete' }, 400, 'SIL_VALIDATION'],
    ];
    for (const [body, status, code] of cases) {
      const res = await desk.post('/api/orders', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json<{ code: string }>().code, JSON.stringify(body)).toBe(code);
    }
    expect(await orderTableCounts(t)).toEqual(before);
  });

  it('refuses an order for a merged patient record', async () => {
    const merged = await createPatient(desk, { birthName: 'Fusion' });
    const kept = await createPatient(desk, { birthName: 'Garde' });
    await t.db.database.query('UPDATE patient SET merged_into_id = $2 WHERE id = $1', [merged.id, kept.id]);
    const res = await desk.post('/api/orders', { patientId: merged.id, analyses: ['NFS'] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'SIL_ORDER_PATIENT_MERGED', mergedIntoId: kept.id });
  });

  it('warns without blocking (fasting unknown, time window) and blocks a transport beyond stability unless acknowledged', async () => {
    const fasting = await createOrder(desk, patientId, ['GLY'], { patientFasting: 'unknown' });
    expect(fasting.warnings).toEqual([
      expect.objectContaining({ code: 'FASTING_UNKNOWN', severity: 'warning', analysisCode: 'GLY' }),
    ]);

    // A morning-only analysis (07:00–10:00 Paris) planned at 15:00 Paris time.
    const [glyRow] = await t.db.database.query<{ container_code: string; analyte_codes: string[] }>(
      "SELECT container_code, analyte_codes FROM analysis WHERE code = 'GLY' AND valid_to IS NULL"
    );
    if (glyRow === undefined) {
      throw new Error('GLY missing from the starter catalogue');
    }
    await t.db.database.query(
      `INSERT INTO analysis (code, version, mnemonic, label, chapter, section, container_code, volume_ml,
         time_window_start, time_window_end, analyte_codes)
       VALUES ('TEST_MATIN', 1, 'TMATIN', 'Analyse du matin (test)', 'Biochimie', 'biochimie', $1, 0.5,
         '07:00', '10:00', $2)`,
      [glyRow.container_code, glyRow.analyte_codes.slice(0, 1)]
    );
    const windowed = await createOrder(desk, patientId, ['tmatin'], { plannedSamplingAt: '2026-03-02T15:00:00+01:00' });
    expect(windowed.warnings.map((w) => [w.code, w.severity])).toEqual([['SAMPLING_TIME_OUTSIDE_WINDOW', 'warning']]);

    const before = await orderTableCounts(t);
    const transport = { hours: 100, temperature: 'ambiante' };
    const blocked = await desk.post('/api/orders', { patientId, analyses: ['NFS'], plannedTransport: transport });
    expect(blocked.statusCode).toBe(422);
    const problem = blocked.json<{ code: string; warnings: { code: string; severity: string }[] }>();
    expect(problem.code).toBe('SIL_ORDER_FEASIBILITY_BLOCKED');
    expect(problem.warnings).toContainEqual(
      expect.objectContaining({ code: 'STABILITY_EXCEEDED', severity: 'blocking' })
    );
    expect(await orderTableCounts(t)).toEqual(before);

    const acknowledged = await createOrder(desk, patientId, ['NFS'], {
      plannedTransport: transport,
      acknowledgeWarnings: true,
    });
    expect(acknowledged.warnings.map((w) => w.code)).toContain('STABILITY_EXCEEDED');
    const [audit] = await t.db.database.query<{ after: { warningsAcknowledged: boolean } }>(
      "SELECT after FROM audit_event WHERE action = 'order.created' AND entity_id = $1",
      [acknowledged.id]
    );
    expect(audit?.after.warningsAcknowledged).toBe(true);
  });

  it('lists the day’s orders with their derived status, filters them, and logs reading an order', async () => {
    const other = await createPatient(desk, { birthName: 'Liste' });
    const order = await createOrder(desk, other.id, ['NFS'], { urgency: 'urgent' });
    const list = await desk.get('/api/orders');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { id: string; status: string; urgency: string; analyses: string[] }[] }>().items;
    expect(items.find((i) => i.id === order.id)).toMatchObject({
      status: 'awaiting_specimens',
      urgency: 'urgent',
      analyses: ['NFS'],
    });
    const byPatient = await desk.get(`/api/orders?patientId=${other.id}`);
    expect(byPatient.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([order.id]);
    const complete = await desk.get(`/api/orders?date=${parisDateOf(new Date())}&status=complete`);
    expect(complete.json<{ items: unknown[] }>().items).toEqual([]);
    const otherDay = await desk.get('/api/orders?date=2001-01-01');
    expect(otherDay.json<{ items: unknown[] }>().items).toEqual([]);

    // The status follows the results: all validated → complete (derived, never stored).
    await t.db.database.query("UPDATE result SET status = 'biologically_validated' WHERE order_id = $1", [order.id]);
    const read = await sampler.get(`/api/orders/${order.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ status: 'complete', patient: { id: other.id }, urgency: 'urgent' });
    const [access] = await t.db.database.query<{ patient_id: string; actor_id: string }>(
      "SELECT patient_id, actor_id FROM audit_event WHERE action = 'order.read' AND entity_id = $1",
      [order.id]
    );
    expect(access).toEqual({ patient_id: other.id, actor_id: sampler.userId });

    expect((await desk.get('/api/orders/00000000-0000-4000-8000-000000000000')).json()).toMatchObject({
      code: 'SIL_ORDER_NOT_FOUND',
    });
  });

  it('adds analyses on a usable tube with room or a new tube, and cancels with a reason', async () => {
    const catalogue = await catalogueOf(t, ['CREA']);
    const crea = catalogue.get('CREA') as CatalogueRow;
    // Another shareable analysis of the same container as CREA, small enough to share its tube.
    const [companion] = await t.db.database.query<{ code: string }>(
      `SELECT a.code FROM analysis a JOIN container c ON c.code = a.container_code
       WHERE a.valid_to IS NULL AND a.orderable AND a.shareable AND a.container_code = $1 AND a.code <> 'CREA'
         AND a.volume_ml + $2::numeric <= c.capacity_ml ORDER BY a.code LIMIT 1`,
      [crea.container_code, crea.volume_ml]
    );
    const order = await createOrder(desk, patientId, ['NFS']);
    const added = await desk.post(`/api/orders/${order.id}/analyses`, { add: ['CREA'] });
    expectStatus(added, 200);
    const afterAdd = added.json<OrderBody>();
    expect(afterAdd.specimens.map((s) => s.barcode)).toEqual([`${order.orderNumber}01`, `${order.orderNumber}02`]);
    expect(afterAdd.specimens[1]).toMatchObject({ containerCode: crea.container_code, analyses: ['CREA'] });

    if (companion !== undefined) {
      const shared = await desk.post(`/api/orders/${order.id}/analyses`, { add: [companion.code] });
      expectStatus(shared, 200);
      const tubes = shared.json<OrderBody>().specimens;
      expect(tubes).toHaveLength(2);
      expect(tubes[1]?.analyses).toEqual(['CREA', companion.code]);
    }

    const noReason = await desk.post(`/api/orders/${order.id}/analyses`, { cancel: ['NFS'] });
    expect(noReason.json()).toMatchObject({ code: 'SIL_REASON_REQUIRED' });
    const cancelled = await desk.post(`/api/orders/${order.id}/analyses`, {
      cancel: ['nfs'],
      reason: 'Demande en double avec le dossier de la veille',
    });
    expectStatus(cancelled, 200);
    expect(cancelled.json<OrderBody>().analyses.find((a) => a.code === 'NFS')).toMatchObject({ cancelled: true });
    const nfsResults = await t.db.database.query<{ status: string; logged: number }>(
      `SELECT r.status, (SELECT count(*)::int FROM validation_event v WHERE v.result_id = r.id AND v.kind = 'cancelled'
         AND v.reason = 'Demande en double avec le dossier de la veille') AS logged
       FROM result r JOIN order_analysis oa ON oa.id = r.order_analysis_id JOIN analysis a ON a.id = oa.analysis_id
       WHERE r.order_id = $1 AND a.code = 'NFS'`,
      [order.id]
    );
    expect(nfsResults.length).toBeGreaterThan(0);
    expect(nfsResults.every((r) => r.status === 'cancelled' && Number(r.logged) === 1)).toBe(true);
    const [audit] = await t.db.database.query<{ reason: string; patient_id: string }>(
      "SELECT reason, patient_id FROM audit_event WHERE action = 'order.analyses_changed' AND entity_id = $1 ORDER BY id DESC LIMIT 1",
      [order.id]
    );
    expect(audit).toEqual({ reason: 'Demande en double avec le dossier de la veille', patient_id: patientId });

    const before = await orderTableCounts(t);
    const refusals: [Record<string, unknown>, string][] = [
      [{ add: ['NFS'] }, 'SIL_ORDER_ANALYSIS_ALREADY_ORDERED'],
      [{ cancel: ['NFS'], reason: 'encore' }, 'SIL_ORDER_ANALYSIS_NOT_ORDERED'],
      [{ cancel: ['GLY'], reason: 'absente' }, 'SIL_ORDER_ANALYSIS_NOT_ORDERED'],
      [{ add: ['XYZ'] }, 'SIL_ANALYSIS_UNKNOWN'],
      [{}, 'SIL_VALIDATION'],
    ];
    for (const [body, code] of refusals) {
      const res = await desk.post(`/api/orders/${order.id}/analyses`, body);
      expect(res.json<{ code: string }>().code, JSON.stringify(body)).toBe(code);
    }
    // A biologically validated analysis can no longer be cancelled.
    await t.db.database.query(
      `UPDATE result SET status = 'biologically_validated' WHERE order_id = $1 AND order_analysis_id IN
         (SELECT oa.id FROM order_analysis oa JOIN analysis a ON a.id = oa.analysis_id WHERE a.code = 'CREA')`,
      [order.id]
    );
    const locked = await desk.post(`/api/orders/${order.id}/analyses`, { cancel: ['CREA'], reason: 'trop tard' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ code: 'SIL_ORDER_ANALYSIS_LOCKED' });
    expect(await orderTableCounts(t)).toEqual(before);
  });

  it('describes its routes in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expectStatus(res, 200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    for (const path of [
      '/api/orders',
      '/api/orders/{id}',
      '/api/orders/{id}/analyses',
      '/api/orders/{id}/labels',
      '/api/orders/{id}/prescription',
      '/api/orders/{id}/prescription/{docId}',
      '/api/specimens/collect',
      '/api/specimens/{barcode}',
      '/api/specimens/{barcode}/receive',
      '/api/non-conformities',
      '/api/non-conformities/{id}',
    ]) {
      expect(paths, path).toContain(path);
    }
  });

  it('keeps order entry to the desk and the biologist: a préleveur or a technicien cannot create orders', async () => {
    const before = await count(t, 'lab_order');
    for (const client of [sampler, technician]) {
      const res = await client.post('/api/orders', { patientId, analyses: ['NFS'] });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'SIL_FORBIDDEN' });
    }
    expect(await count(t, 'lab_order')).toBe(before);
    expect((await sampler.get('/api/orders')).statusCode).toBe(200);
  });
});
