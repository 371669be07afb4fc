import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';
import { count, createOrder, createPatient, expectStatus, orderTableCounts } from './orders-test-helpers.js';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

const conformChecklist = {
  accept: true,
  identityMatches: true,
  containerOk: true,
  fillingOk: true,
  temperature: 'ambiante',
  haemolysis: 0,
  lipaemia: 0,
  icterus: 0,
};

interface SpecimenState {
  status: string;
  collected_at: Date | null;
  collected_by: string | null;
  collector_name: string | null;
  received_by: string | null;
  rejection_reason: string | null;
  conformity: Record<string, unknown> | null;
}

describe('sampling and reception', () => {
  let t: TestApp;
  let desk: TestClient;
  let sampler: TestClient;
  let technician: TestClient;
  let patientId: string;

  async function specimen(barcode: string): Promise<SpecimenState> {
    const [row] = await t.db.database.query<SpecimenState>(
      `SELECT status, collected_at, collected_by, collector_name, received_by, rejection_reason, conformity
       FROM specimen WHERE barcode = $1`,
      [barcode]
    );
    return row as SpecimenState;
  }

  async function tubeCarrying(orderId: string, analysisCode: string): Promise<string> {
    const [row] = await t.db.database.query<{ barcode: string }>(
      `SELECT s.barcode FROM specimen s JOIN specimen_analysis sa ON sa.specimen_id = s.id
       JOIN order_analysis oa ON oa.id = sa.order_analysis_id JOIN analysis a ON a.id = oa.analysis_id
       WHERE s.order_id = $1 AND a.code = $2`,
      [orderId, analysisCode]
    );
    return (row as { barcode: string }).barcode;
  }

  beforeAll(async () => {
    t = await createTestApp();
    desk = await loginAs(t, ['secretaire']);
    sampler = await loginAs(t, ['preleveur']);
    technician = await loginAs(t, ['technicien']);
    patientId = (await createPatient(desk)).id;
  });
  afterAll(async () => t?.close());

  it('records collection time and collector tube by tube; a tube scanned twice is refused and nothing changes', async () => {
    const order = await createOrder(desk, patientId, ['NFS', 'GLY', 'CREA']);
    const [first, second, third] = order.specimens.map((s) => s.barcode) as [string, string, string];
    const at = hoursAgo(1);
    // Scanners append CR/LF: blanks around a barcode are ignored; the same tube twice in a batch is one.
    const res = await sampler.post('/api/specimens/collect', {
      barcodes: [`${first}\r\n`, second, first],
      collectedAt: at,
    });
    expectStatus(res, 200);
    expect(
      res.json<{ items: { barcode: string; status: string }[] }>().items.map((i) => [i.barcode, i.status])
    ).toEqual([
      [first, 'collected'],
      [second, 'collected'],
    ]);
    const collected = await specimen(first);
    expect(collected).toMatchObject({ status: 'collected', collected_by: sampler.userId });
    expect(collected.collected_at?.toISOString()).toBe(at);
    expect(await specimen(third)).toMatchObject({ status: 'expected', collected_at: null });
    const [audit] = await t.db.database.query<{ patient_id: string }>(
      "SELECT patient_id FROM audit_event WHERE action = 'specimen.collected' AND after->>'barcode' = $1",
      [first]
    );
    expect(audit?.patient_id).toBe(patientId);

    // The batch is all-or-nothing: an already collected tube or an unknown barcode refuses it whole.
    const again = await sampler.post('/api/specimens/collect', { barcodes: [third, first] });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'SIL_SPECIMEN_TRANSITION_NOT_ALLOWED', barcode: first });
    const unknown = await sampler.post('/api/specimens/collect', { barcodes: [third, '999999999999'] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'SIL_SPECIMEN_NOT_FOUND', errors: [{ message: '999999999999' }] });
    const future = await sampler.post('/api/specimens/collect', {
      barcodes: [third],
      collectedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.json()).toMatchObject({ code: 'SIL_SPECIMEN_COLLECTION_TIME_INVALID' });
    expect(await specimen(third)).toMatchObject({ status: 'expected', collected_at: null });
    expect((await specimen(first)).collected_at?.toISOString()).toBe(at);
  });

  it('shows the checklist context: identity on the tube, container, delay against stability', async () => {
    const order = await createOrder(desk, patientId, ['NFS']);
    const barcode = order.specimens[0]?.barcode as string;
    const [nfs] = await t.db.database.query<{ stability_hours_room: string }>(
      "SELECT stability_hours_room FROM analysis WHERE code = 'NFS' AND valid_to IS NULL"
    );
    const beyond = Number(nfs?.stability_hours_room) + 6;
    await sampler.post('/api/specimens/collect', { barcodes: [barcode], collectedAt: hoursAgo(beyond) });
    const res = await technician.get(`/api/specimens/${barcode}`);
    expectStatus(res, 200);
    const context = res.json<{
      specimen: { status: string; containerCode: string; colour: string };
      patient: { id: string; birthName: string; usedName: string; firstFirstName: string; sex: string };
      analyses: { code: string; stabilityRoom: string }[];
      delay: { hoursSinceCollection: number; exceededAtRoomTemperature: boolean };
      canReceive: boolean;
      rejectionReasons: { code: string }[];
    }>();
    expect(context.specimen).toMatchObject({ status: 'collected', colour: 'violet' });
    expect(context.patient).toMatchObject({ id: patientId, birthName: 'DUPONT', usedName: 'MARTIN', sex: 'F' });
    expect(context.analyses).toEqual([expect.objectContaining({ code: 'NFS', stabilityRoom: 'exceeded' })]);
    expect(context.delay.hoursSinceCollection).toBeCloseTo(beyond, 1);
    expect(context.delay.exceededAtRoomTemperature).toBe(true);
    expect(context.canReceive).toBe(true);
    expect(context.rejectionReasons.map((r) => r.code)).toContain('HEMOLYSE');
    const [access] = await t.db.database.query<{ patient_id: string }>(
      "SELECT patient_id FROM audit_event WHERE action = 'specimen.read' ORDER BY id DESC LIMIT 1"
    );
    expect(access?.patient_id).toBe(patientId);

    // The technician decides: accepted, the exceeded delay stays flagged in the stored checklist.
    const accepted = await technician.post(`/api/specimens/${barcode}/receive`, { ...conformChecklist, haemolysis: 1 });
    expectStatus(accepted, 200);
    expect(accepted.json()).toMatchObject({
      status: 'received',
      conformity: { stabilityExceeded: true, haemolysis: 1, temperature: 'ambiante' },
    });
    expect(await specimen(barcode)).toMatchObject({ status: 'received', received_by: technician.userId });
    expect((await desk.get(`/api/orders/${order.id}`)).json()).toMatchObject({ status: 'in_progress' });
  });

  it('the desk can receive; a barcode scanned twice at reception is refused and changes nothing', async () => {
    const order = await createOrder(desk, patientId, ['NFS']);
    const barcode = order.specimens[0]?.barcode as string;
    await sampler.post('/api/specimens/collect', { barcodes: [barcode] });
    expectStatus(await desk.post(`/api/specimens/${barcode}/receive`, conformChecklist), 200);
    const stored = await specimen(barcode);
    const before = await orderTableCounts(t);
    for (const body of [conformChecklist, { accept: false, reasonCode: 'HEMOLYSE' }]) {
      const twice = await technician.post(`/api/specimens/${barcode}/receive`, body);
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ code: 'SIL_SPECIMEN_ALREADY_RECEIVED', status: 'received' });
    }
    expect(await specimen(barcode)).toEqual(stored);
    expect(await orderTableCounts(t)).toEqual(before);
    expect((await technician.get(`/api/specimens/${barcode}`)).json()).toMatchObject({ canReceive: false });
  });

  it('refuses to accept a tube whose identity does not match (it must be rejected)', async () => {
    const order = await createOrder(desk, patientId, ['NFS']);
    const barcode = order.specimens[0]?.barcode as string;
    await sampler.post('/api/specimens/collect', { barcodes: [barcode] });
    const res = await technician.post(`/api/specimens/${barcode}/receive`, {
      ...conformChecklist,
      identityMatches: false,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'SIL_RECEPTION_IDENTITY_MISMATCH' });
    expect((await specimen(barcode)).status).toBe('collected');
  });

  it('rejects one tube with a coded reason: its results cancelled, the other tubes untouched, the desk told to recall', async () => {
    const order = await createOrder(desk, patientId, ['NFS', 'GLY', 'CREA']);
    const nfsTube = await tubeCarrying(order.id, 'NFS');
    const creaTube = await tubeCarrying(order.id, 'CREA');
    await sampler.post('/api/specimens/collect', { barcodes: order.specimens.map((s) => s.barcode) });

    const rejected = await technician.post(`/api/specimens/${nfsTube}/receive`, {
      accept: false,
      reasonCode: 'COAGULE',
      comment: 'caillot visible',
      haemolysis: 0,
    });
    expectStatus(rejected, 200);
    const body = rejected.json<{ status: string; nonConformityId: string; cancelledResults: number }>();
    expect(body.status).toBe('rejected');
    const nfsResults = await t.db.database.query<{ status: string; logged: number }>(
      `SELECT r.status, (SELECT count(*)::int FROM validation_event v WHERE v.result_id = r.id AND v.kind = 'cancelled')
         AS logged
       FROM result r JOIN specimen s ON s.id = r.specimen_id WHERE s.barcode = $1`,
      [nfsTube]
    );
    expect(nfsResults.length).toBe(body.cancelledResults);
    expect(nfsResults.length).toBeGreaterThan(0);
    expect(nfsResults.every((r) => r.status === 'cancelled' && Number(r.logged) === 1)).toBe(true);
    expect(await specimen(nfsTube)).toMatchObject({ status: 'rejected', rejection_reason: 'COAGULE' });

    // Rejecting one tube does not block the others.
    expectStatus(await technician.post(`/api/specimens/${creaTube}/receive`, conformChecklist), 200);
    const others = await t.db.database.query<{ status: string }>(
      'SELECT DISTINCT r.status FROM result r JOIN specimen s ON s.id = r.specimen_id WHERE r.order_id = $1 AND s.barcode <> $2',
      [order.id, nfsTube]
    );
    expect(others.map((r) => r.status)).toEqual(['pending']);

    // The desk sees the non-conformity and whom to call back.
    const open = await desk.get('/api/non-conformities?status=open');
    expectStatus(open, 200);
    const item = open.json<{ items: Record<string, unknown>[] }>().items.find((nc) => nc.id === body.nonConformityId);
    expect(item).toMatchObject({
      kind: 'specimen_rejected',
      reasonCode: 'COAGULE',
      reasonLabel: 'Échantillon coagulé',
      description: 'Échantillon coagulé — caillot visible',
      recallPatient: true,
      status: 'open',
      order: { id: order.id, orderNumber: order.orderNumber },
      specimen: { barcode: nfsTube },
      patient: { id: patientId, birthName: 'DUPONT' },
    });
    const [audit] = await t.db.database.query<{ patient_id: string; after: { nonConformityId: string } }>(
      "SELECT patient_id, after FROM audit_event WHERE action = 'specimen.rejected' AND entity_id = (SELECT id::text FROM specimen WHERE barcode = $1)",
      [nfsTube]
    );
    expect(audit).toMatchObject({ patient_id: patientId, after: { nonConformityId: body.nonConformityId } });
    expect((await desk.get(`/api/orders/${order.id}`)).json()).toMatchObject({ openNonConformities: 1 });

    // The desk records the call, then closes it.
    const recalled = await desk.patch(`/api/non-conformities/${body.nonConformityId}`, {
      status: 'in_progress',
      resolution: 'Patiente rappelée, nouveau prélèvement demain',
    });
    expect(recalled.json()).toMatchObject({ status: 'in_progress' });
    expectStatus(
      await desk.patch(`/api/non-conformities/${body.nonConformityId}`, { status: 'closed', resolution: 'Reprélevée' }),
      200
    );
    const reopen = await desk.patch(`/api/non-conformities/${body.nonConformityId}`, {
      status: 'in_progress',
      resolution: 'non',
    });
    expect(reopen.json()).toMatchObject({ code: 'SIL_CONFLICT' });
    const stillOpen = await desk.get('/api/non-conformities?status=open');
    expect(stillOpen.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(body.nonConformityId);
  });

  it('moves the pending results to another tube carrying the same analysis instead of cancelling them', async () => {
    const order = await createOrder(desk, patientId, ['NFS', 'GLY']);
    const glyTube = await tubeCarrying(order.id, 'GLY');
    const nfsTube = await tubeCarrying(order.id, 'NFS');
    // A second tube of the order carries GLY as well (e.g. a spare drawn for it).
    await t.db.database.query(
      `INSERT INTO specimen_analysis (specimen_id, order_analysis_id)
       SELECT (SELECT id FROM specimen WHERE barcode = $1), oa.id FROM order_analysis oa
       JOIN analysis a ON a.id = oa.analysis_id WHERE oa.order_id = $2 AND a.code = 'GLY'`,
      [nfsTube, order.id]
    );
    const res = await technician.post(`/api/specimens/${glyTube}/receive`, {
      accept: false,
      reasonCode: 'NON_ETIQUETE',
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ status: 'rejected', cancelledResults: 0 });
    const gly = await t.db.database.query<{ status: string; barcode: string }>(
      `SELECT r.status, s.barcode FROM result r JOIN specimen s ON s.id = r.specimen_id
       JOIN order_analysis oa ON oa.id = r.order_analysis_id JOIN analysis a ON a.id = oa.analysis_id
       WHERE r.order_id = $1 AND a.code = 'GLY'`,
      [order.id]
    );
    expect(gly.length).toBeGreaterThan(0);
    expect(gly.every((r) => r.status === 'pending' && r.barcode === nfsTube)).toBe(true);
  });

  it('receives a tube drawn outside the lab with the transmission form’s collection data (CSP R6211-22)', async () => {
    const order = await createOrder(desk, patientId, ['NFS']);
    const barcode = order.specimens[0]?.barcode as string;
    const before = await orderTableCounts(t);
    const missing = await desk.post(`/api/specimens/${barcode}/receive`, conformChecklist);
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'SIL_SPECIMEN_COLLECTION_NOT_RECORDED' });
    expect(await orderTableCounts(t)).toEqual(before);
    expect((await specimen(barcode)).status).toBe('expected');

    const collectedAt = hoursAgo(2);
    const res = await desk.post(`/api/specimens/${barcode}/receive`, {
      ...conformChecklist,
      collectedAt,
      collectorName: 'IDE Claire Moreau',
    });
    expectStatus(res, 200);
    const stored = await specimen(barcode);
    expect(stored).toMatchObject({ status: 'received', collector_name: 'IDE Claire Moreau', collected_by: null });
    expect(stored.collected_at?.toISOString()).toBe(collectedAt);
  });

  it('refuses bad reception input and a préleveur at reception; nothing changes', async () => {
    const order = await createOrder(desk, patientId, ['NFS']);
    const barcode = order.specimens[0]?.barcode as string;
    await sampler.post('/api/specimens/collect', { barcodes: [barcode] });
    const before = await orderTableCounts(t);
    const cases: [unknown, string][] = [
      [{ accept: false }, 'SIL_VALIDATION'],
      [{ accept: false, reasonCode: 'PERDU' }, 'SIL_VALIDATION'],
      [{ accept: false, reasonCode: 'AUTRE' }, 'SIL_VALIDATION'],
      [{ ...conformChecklist, haemolysis: 5 }, 'SIL_VALIDATION'],
      [{ ...conformChecklist, temperature: 'tiède' }, 'SIL_VALIDATION'],
      [{ ...conformChecklist, extra: true }, 'SIL_VALIDATION'],
      [{ ...conformChecklist, collectedAt: hoursAgo(1) }, 'SIL_VALIDATION'],
    ];
    for (const [body, code] of cases) {
      const res = await technician.post(`/api/specimens/${barcode}/receive`, body);
      expect(res.json<{ code: string }>().code, JSON.stringify(body)).toBe(code);
    }
    const unknown = await technician.post('/api/specimens/000000000000/receive', conformChecklist);
    expect(unknown.json()).toMatchObject({ code: 'SIL_SPECIMEN_NOT_FOUND' });
    const forbidden = await sampler.post(`/api/specimens/${barcode}/receive`, conformChecklist);
    expect(forbidden.statusCode).toBe(403);
    expect(await orderTableCounts(t)).toEqual(before);
    expect((await specimen(barcode)).status).toBe('collected');
    expect(
      await count(t, 'non_conformity', `specimen_id = (SELECT id FROM specimen WHERE barcode = '${barcode}')`)
    ).toBe(0);
  });
});
