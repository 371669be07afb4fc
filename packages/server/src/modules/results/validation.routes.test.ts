import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-verify.js';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';
import {
  countRows,
  createTestOrder,
  insertTestPatient,
  seedTestCatalogue,
  type TestAnalysisCode,
  type TestCatalogue,
  type TestOrder,
  type TestOrderOptions,
} from './results-test-fixtures.js';

const daysAgo = (days: number): Date => new Date(Date.now() - days * 86_400_000);

describe('technical and biological validation', () => {
  let t: TestApp;
  let catalogue: TestCatalogue;
  let bench: TestClient;
  let biologist: TestClient;
  let patient: string;

  async function order(
    analyses: TestAnalysisCode[],
    extra: TestOrderOptions & { patientId?: string } = {}
  ): Promise<TestOrder> {
    return createTestOrder(t.db.database, catalogue, { patientId: patient, analyses, ...extra });
  }

  /** A patient without history, where previous results would blur what a test checks. */
  async function freshPatient(): Promise<string> {
    return insertTestPatient(t.db.database, {
      birthName: 'ROUX',
      firstName: 'JEAN',
      birthDate: '1949-02-14',
      sex: 'M',
    });
  }

  async function enter(resultId: string, value: string, expectedVersion = 0): Promise<void> {
    const res = await bench.put(`/api/results/${resultId}`, { value, expectedVersion });
    expect(res.statusCode, res.body).toBe(200);
  }

  async function technical(o: TestOrder): Promise<void> {
    const res = await bench.post('/api/results/validate-technical', { specimenBarcode: o.barcode });
    expect(res.statusCode, res.body).toBe(200);
  }

  async function eventKinds(resultId: string): Promise<string[]> {
    const rows = await t.db.database.query<{ kind: string; result_version: number }>(
      'SELECT kind, result_version FROM validation_event WHERE result_id = $1 ORDER BY id',
      [resultId]
    );
    return rows.map((row) => `${row.kind}@${row.result_version}`);
  }

  beforeAll(async () => {
    t = await createTestApp();
    catalogue = await seedTestCatalogue(t.db.database);
    bench = await loginAs(t, ['technicien']);
    biologist = await loginAs(t, ['biologiste']);
    patient = await insertTestPatient(t.db.database, {
      birthName: 'BERNARD',
      firstName: 'LUCIE',
      birthDate: '1958-11-23',
      sex: 'F',
    });
  });
  afterAll(async () => t?.close());

  it('technical validation refuses incomplete results and validates nothing', async () => {
    const o = await order(['T_GLY', 'T_K']);
    await enter(o.results.T_GLU, '5,0');
    const before = await countRows(t.db.database, 'validation_event');
    const byTube = await bench.post('/api/results/validate-technical', { specimenBarcode: o.barcode });
    expect(byTube.statusCode).toBe(409);
    expect(byTube.json()).toMatchObject({
      code: 'SIL_RESULT_INCOMPLETE',
      errors: [{ path: 'T_K', message: 'pending' }],
    });
    const byIds = await bench.post('/api/results/validate-technical', {
      resultIds: [o.results.T_GLU, o.results.T_K],
    });
    expect(byIds.json()).toMatchObject({ code: 'SIL_RESULT_INCOMPLETE' });
    expect(await countRows(t.db.database, 'validation_event')).toBe(before);
    const [glucose] = await t.db.database.query<{ status: string }>('SELECT status FROM result WHERE id = $1', [
      o.results.T_GLU,
    ]);
    expect(glucose?.status).toBe('entered');
    // Per result: the complete one alone is accepted.
    const one = await bench.post('/api/results/validate-technical', { resultIds: [o.results.T_GLU] });
    expect(one.statusCode, one.body).toBe(200);
    expect(await eventKinds(o.results.T_GLU)).toEqual(['technical@1']);
  });

  it('a critical value passes technical validation but is released only after its call is recorded', async () => {
    const o = await order(['T_K']);
    const resultId = o.results.T_K;
    await enter(resultId, '2,1');
    const technicalAnswer = await bench.post('/api/results/validate-technical', { resultIds: [resultId] });
    expect(technicalAnswer.json()).toMatchObject({ criticalAwaitingCall: [resultId] });

    const dashboard = await biologist.get('/api/dashboard/biologist');
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(
      dashboard.json<{ criticalAwaitingCall: { resultId: string; value: string; flag: string }[] }>()
        .criticalAwaitingCall
    ).toContainEqual(expect.objectContaining({ resultId, value: '2,1', flag: 'LL' }));

    const refused = await biologist.post(`/api/validation/orders/${o.orderId}/validate`, { resultIds: [resultId] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'SIL_RESULT_CRITICAL_NOT_NOTIFIED' });
    expect(await eventKinds(resultId)).toEqual(['technical@1']);

    const future = await bench.post(`/api/results/${resultId}/critical-notification`, {
      calledPerson: 'Dr Morel',
      calledAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.json()).toMatchObject({ code: 'SIL_CRITICAL_NOTIFICATION_TIME_INVALID' });
    const calledAt = new Date(Date.now() - 120_000).toISOString();
    const call = await bench.post(`/api/results/${resultId}/critical-notification`, {
      calledPerson: 'Dr Morel, médecin traitant',
      calledAt,
      comment: 'Relecture faite',
    });
    expect(call.statusCode, call.body).toBe(201);
    expect(call.json()).toMatchObject({
      resultVersion: 1,
      calledPerson: 'Dr Morel, médecin traitant',
      calledAt,
      calledBy: { id: bench.userId },
    });
    const after = await biologist.get('/api/dashboard/biologist');
    expect(
      after.json<{ criticalAwaitingCall: { resultId: string }[] }>().criticalAwaitingCall.map((c) => c.resultId)
    ).not.toContain(resultId);

    const released = await biologist.post(`/api/validation/orders/${o.orderId}/validate`, { resultIds: [resultId] });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ reportKind: 'complete', remaining: 0 });
  });

  it('biological validation by a technician is refused by the permission matrix (403)', async () => {
    const o = await order(['T_GLY']);
    await enter(o.results.T_GLU, '5,2');
    await technical(o);
    const before = await countRows(t.db.database, 'validation_event');
    for (const res of [
      await bench.post(`/api/validation/orders/${o.orderId}/validate`, { resultIds: [o.results.T_GLU] }),
      await bench.get('/api/validation/queue'),
      await bench.get(`/api/validation/orders/${o.orderId}`),
      await bench.post(`/api/validation/results/${o.results.T_GLU}/rerun`, { reason: 'contrôle' }),
      await bench.post(`/api/results/${o.results.T_GLU}/amend`, { value: '5', reason: 'erreur' }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'SIL_FORBIDDEN' });
    }
    expect(await countRows(t.db.database, 'validation_event')).toBe(before);
  });

  it('refuses a second validation of the same version and a validation before the technical one', async () => {
    const o = await order(['T_GLY', 'T_K']);
    await enter(o.results.T_GLU, '5,2');
    await enter(o.results.T_K, '4,0');
    const early = await biologist.post(`/api/validation/orders/${o.orderId}/validate`, {
      resultIds: [o.results.T_GLU],
    });
    expect(early.json()).toMatchObject({ code: 'SIL_RESULT_NOT_TECHNICALLY_VALIDATED' });
    await technical(o);
    const first = await biologist.post(`/api/validation/orders/${o.orderId}/validate`, {
      resultIds: [o.results.T_GLU],
    });
    expect(first.statusCode, first.body).toBe(200);
    const before = await countRows(t.db.database, 'validation_event');
    const second = await biologist.post(`/api/validation/orders/${o.orderId}/validate`, {
      resultIds: [o.results.T_GLU],
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'SIL_RESULT_ALREADY_VALIDATED' });
    const again = await bench.post('/api/results/validate-technical', { resultIds: [o.results.T_GLU] });
    expect(again.json()).toMatchObject({ code: 'SIL_RESULT_ALREADY_VALIDATED' });
    expect(await countRows(t.db.database, 'validation_event')).toBe(before);
  });

  it('validates some results of an order: a partial report, then the rest completes it', async () => {
    const o = await order(['T_GLY', 'T_K', 'T_ABO'], { patientId: await freshPatient() });
    await bench.put(`/api/specimens/${o.barcode}/results`, {
      results: [
        { resultId: o.results.T_GLU, value: '6,5', expectedVersion: 0 },
        { resultId: o.results.T_K, value: '4,4', expectedVersion: 0 },
        { resultId: o.results.T_ABO, value: 'O', expectedVersion: 0 },
        { resultId: o.results.T_RAI, value: 'NEG', expectedVersion: 0 },
      ],
    });
    await technical(o);
    const queue = await biologist.get('/api/validation/queue');
    expect(queue.json<{ items: { orderId: string; readyCount: number }[] }>().items).toContainEqual(
      expect.objectContaining({ orderId: o.orderId, readyCount: 4 })
    );
    const partial = await biologist.post(`/api/validation/orders/${o.orderId}/validate`, {
      resultIds: [o.results.T_GLU, o.results.T_K],
    });
    expect(partial.json()).toMatchObject({ reportKind: 'partial', remaining: 2 });
    const forReport = await t.db.database.transaction((tx) =>
      t.app.services.results.validatedResultsForOrder(tx, o.orderId)
    );
    expect(forReport.map((r) => [r.analyteCode, r.value, r.flag, r.interval?.display])).toEqual([
      ['T_GLU', '6,50', 'H', '3,90 – 5,80'],
      ['T_K', '4,4', 'N', '3,5 – 5,1'],
    ]);
    expect(forReport[0]).toMatchObject({ version: 1, amended: false, unit: 'mmol/L', previous: null });
    expect(forReport[0]?.validatorName).toMatch(/biologiste/);
    const rest = await biologist.post(`/api/validation/orders/${o.orderId}/validate`, {
      resultIds: [o.results.T_ABO, o.results.T_RAI],
    });
    expect(rest.json()).toMatchObject({ reportKind: 'complete', remaining: 0 });
  });

  it('sends a result back to the bench with a mandatory reason; the rerun is entered and validated again', async () => {
    const o = await order(['T_GLY']);
    const resultId = o.results.T_GLU;
    await enter(resultId, '12,0');
    await technical(o);
    const noReason = await biologist.post(`/api/validation/results/${resultId}/rerun`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'SIL_REASON_REQUIRED' });
    const rerun = await biologist.post(`/api/validation/results/${resultId}/rerun`, {
      reason: 'Valeur discordante avec la clinique, repasser',
    });
    expect(rerun.statusCode, rerun.body).toBe(200);
    expect(rerun.json()).toMatchObject({ status: 'rejected_by_biologist', version: 1 });
    // Back on the worklist, and incomplete for technical validation until re-entered.
    const worklist = await bench.get('/api/worklists?section=biochimie&limit=500');
    const items = worklist
      .json<{ specimens: { results: { resultId: string; status: string }[] }[] }>()
      .specimens.flatMap((s) => s.results);
    expect(items).toContainEqual(expect.objectContaining({ resultId, status: 'rejected_by_biologist' }));
    const incomplete = await bench.post('/api/results/validate-technical', { resultIds: [resultId] });
    expect(incomplete.json()).toMatchObject({ code: 'SIL_RESULT_INCOMPLETE' });
    await enter(resultId, '6,1', 1);
    await technical(o);
    const validated = await biologist.post(`/api/validation/orders/${o.orderId}/validate`, { resultIds: [resultId] });
    expect(validated.statusCode, validated.body).toBe(200);
    expect(await eventKinds(resultId)).toEqual(['technical@1', 'rerun_requested@1', 'technical@2', 'biological@2']);
  });

  it('an amendment creates version 2 with its reason and keeps version 1; a reason is mandatory', async () => {
    const o = await order(['T_CREA']);
    const resultId = o.results.T_CREA;
    await enter(resultId, '90');
    await technical(o);
    await biologist.post(`/api/validation/orders/${o.orderId}/validate`, {
      resultIds: [resultId, o.results.T_DFG],
    });
    const before = await countRows(t.db.database, 'result_version');
    const noReason = await biologist.post(`/api/results/${resultId}/amend`, { value: '95' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'SIL_REASON_REQUIRED' });
    expect(await countRows(t.db.database, 'result_version')).toBe(before);
    const entry = await bench.put(`/api/results/${resultId}`, { value: '95', expectedVersion: 1 });
    expect(entry.json()).toMatchObject({ code: 'SIL_RESULT_LOCKED' });

    const amended = await biologist.post(`/api/results/${resultId}/amend`, {
      value: '95',
      reason: 'Erreur de transcription (95 et non 90)',
    });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(amended.json()).toMatchObject({
      previousVersion: 1,
      result: { version: 2, value: '95', status: 'entered' },
    });
    // The DFG computed from it is amended as well.
    expect(amended.json<{ recalculated: { analyteCode: string; version: number }[] }>().recalculated).toEqual([
      expect.objectContaining({ analyteCode: 'T_DFG', version: 2 }),
    ]);
    const versions = await t.db.database.query<{
      version: number;
      value_numeric: string;
      amendment_reason: string | null;
    }>(
      'SELECT version, value_numeric::text AS value_numeric, amendment_reason FROM result_version WHERE result_id = $1 ORDER BY version',
      [resultId]
    );
    expect(versions.map((v) => [v.version, Number(v.value_numeric), v.amendment_reason])).toEqual([
      [1, 90, null],
      [2, 95, 'Erreur de transcription (95 et non 90)'],
    ]);
    // Until the correction is validated, the report still shows the validated version 1.
    const meanwhile = await t.db.database.transaction((tx) =>
      t.app.services.results.validatedResultsForOrder(tx, o.orderId)
    );
    expect(meanwhile.find((r) => r.analyteCode === 'T_CREA')).toMatchObject({
      version: 1,
      value: '90',
      amended: false,
    });
    await technical(o);
    await biologist.post(`/api/validation/orders/${o.orderId}/validate`, { resultIds: [resultId, o.results.T_DFG] });
    const reissued = await t.db.database.transaction((tx) =>
      t.app.services.results.validatedResultsForOrder(tx, o.orderId)
    );
    expect(reissued.find((r) => r.analyteCode === 'T_CREA')).toMatchObject({
      version: 2,
      value: '95',
      amended: true,
      amendmentReason: 'Erreur de transcription (95 et non 90)',
    });
    expect(await eventKinds(resultId)).toEqual([
      'technical@1',
      'biological@1',
      'correction@2',
      'technical@2',
      'biological@2',
    ]);
  });

  it('the validation log and the versions are append-only: UPDATE and DELETE are refused by trigger', async () => {
    const o = await order(['T_GLY']);
    await enter(o.results.T_GLU, '5,5');
    await technical(o);
    await expect(
      t.db.database.query(`UPDATE validation_event SET kind = 'biological' WHERE result_id = $1`, [o.results.T_GLU])
    ).rejects.toThrow(/append-only/);
    await expect(
      t.db.database.query('DELETE FROM validation_event WHERE result_id = $1', [o.results.T_GLU])
    ).rejects.toThrow(/append-only/);
    await expect(
      t.db.database.query(`UPDATE result_version SET value_numeric = 1 WHERE result_id = $1`, [o.results.T_GLU])
    ).rejects.toThrow(/append-only/);
    expect(await eventKinds(o.results.T_GLU)).toEqual(['technical@1']);
  });

  it('the review shows flags, delta and the last 5 previous results, and logs the access', async () => {
    const patientId = await freshPatient();
    const history: TestOrder[] = [];
    for (const [index, value] of ['60', '62', '64', '66', '68', '70'].entries()) {
      const earlier = await order(['T_CREA'], { patientId, collectedAt: daysAgo(60 - index * 5) });
      await enter(earlier.results.T_CREA, value);
      await technical(earlier);
      await biologist.post(`/api/validation/orders/${earlier.orderId}/validate`, {
        resultIds: [earlier.results.T_CREA, earlier.results.T_DFG],
      });
      history.push(earlier);
    }
    const o = await order(['T_CREA'], { patientId, urgency: 'vital' });
    await enter(o.results.T_CREA, '140');
    await technical(o);
    const queue = await biologist.get('/api/validation/queue');
    expect(queue.json<{ items: { orderId: string }[] }>().items[0]?.orderId).toBe(o.orderId);

    const res = await biologist.get(`/api/validation/orders/${o.orderId}`);
    expect(res.statusCode, res.body).toBe(200);
    const review = res.json<{
      urgency: string;
      results: {
        analyteCode: string;
        flag: string;
        delta: { previousValue: number; exceeded: boolean } | null;
        technicalValidation: { by: string } | null;
        previous: { value: string; collectedAt: string }[];
      }[];
    }>();
    const creatinine = review.results.find((r) => r.analyteCode === 'T_CREA');
    expect(creatinine).toMatchObject({ flag: 'H', delta: { previousValue: 70, exceeded: true } });
    expect(creatinine?.technicalValidation?.by).toMatch(/technicien/);
    expect(creatinine?.previous.map((p) => p.value)).toEqual(['70', '68', '66', '64', '62']);
    expect(creatinine?.previous[0]?.collectedAt).toBe(history[5]?.collectedAt.toISOString());
    const [event] = await t.db.database.query<{ action: string; patient_id: string }>(
      `SELECT action, patient_id FROM audit_event WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [o.orderId]
    );
    expect(event).toEqual({ action: 'order.results_reviewed', patient_id: patientId });

    const historyRes = await bench.get(`/api/results/history?patientId=${patientId}&analyteCode=T_CREA&limit=3`);
    expect(historyRes.statusCode, historyRes.body).toBe(200);
    expect(historyRes.json<{ items: { value: string }[] }>().items.map((i) => i.value)).toEqual(['70', '68', '66']);
    // Read events go through the group-commit writer: committed before the answer, chain intact.
    const [read] = await t.db.database.query<{ action: string; entity_id: string; after: unknown }>(
      `SELECT action, entity_id, after FROM audit_event WHERE patient_id = $1 ORDER BY id DESC LIMIT 1`,
      [patientId]
    );
    expect(read).toEqual({
      action: 'patient.results_read',
      entity_id: patientId,
      after: { analyteCode: 'T_CREA', count: 3 },
    });
    const newcomer = await freshPatient();
    const empty = await bench.get(`/api/results/history?patientId=${newcomer}&limit=3`);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json<{ items: unknown[] }>().items).toEqual([]);
    const [emptyRead] = await t.db.database.query<{ action: string; after: unknown }>(
      `SELECT action, after FROM audit_event WHERE patient_id = $1 ORDER BY id DESC LIMIT 1`,
      [newcomer]
    );
    expect(emptyRead).toEqual({ action: 'patient.results_read', after: { analyteCode: null, count: 0 } });
    const eventsBefore = await t.db.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    const unknown = await bench.get(`/api/results/history?patientId=${randomUUID()}&limit=3`);
    expect(unknown.json<{ code: string }>().code).toBe('SIL_PATIENT_NOT_FOUND');
    const eventsAfter = await t.db.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    expect(eventsAfter[0]?.n).toBe(eventsBefore[0]?.n);
    expect(await verifyAuditChain(t.db.database)).toMatchObject({ ok: true });
  });

  it('the bench dashboard counts open results by section, urgent first', async () => {
    const urgent = await order(['T_NFS'], { urgency: 'urgent' });
    const res = await bench.get('/api/dashboard/bench');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      sections: { section: string; awaitingEntry: number; urgent: number }[];
      urgentSpecimens: { barcode: string; sections: string[] }[];
    }>();
    expect(body.sections[0]).toMatchObject({ section: 'hematologie', urgent: 1 });
    expect(body.sections.find((s) => s.section === 'hematologie')?.awaitingEntry).toBeGreaterThanOrEqual(1);
    expect(body.urgentSpecimens).toContainEqual(
      expect.objectContaining({ barcode: urgent.barcode, sections: ['hematologie'] })
    );
    expect((await bench.get('/api/dashboard/biologist')).statusCode).toBe(403);
  });
});
