import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';
import { pdfText, pdftotextAvailable } from './pdf/pdf-text.js';
import {
  countRows,
  insertTestOrder,
  insertTestPatient,
  recordValidatedValue,
  seedTestCatalogue,
  testLabIdentity,
  type TestOrder,
} from './reports-test-data.js';
import type { DeliveryView, ReportView } from './reports.schemas.js';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('reports', () => {
  let t: TestApp;
  let biologist: TestClient;
  let technician: TestClient;
  let secretary: TestClient;
  let actors: { technicianId: string; biologistId: string };

  beforeAll(async () => {
    t = await createTestApp();
    await seedTestCatalogue(t.db.database);
    biologist = await loginAs(t, ['biologiste']);
    technician = await loginAs(t, ['technicien']);
    secretary = await loginAs(t, ['secretaire']);
    actors = { technicianId: technician.userId, biologistId: biologist.userId };
  });
  afterAll(async () => t?.close());

  const db = () => t.db.database;

  async function issue(client: TestClient, orderId: string, body?: object) {
    return client.post(`/api/orders/${orderId}/reports`, body ?? {});
  }

  async function pdfOf(client: TestClient, reportId: string): Promise<Buffer> {
    const res = await client.get(`/api/reports/${reportId}/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    return res.rawPayload;
  }

  /** A patient with an earlier order (creatinine 80) and a new order with four analyses. */
  async function patientWithHistory(withIns = false): Promise<{ patientId: string; order: TestOrder }> {
    const patientId = await insertTestPatient(db(), {
      birthName: 'MARTIN',
      usedName: 'DURAND',
      birthFirstNames: 'Léa Anne',
      birthDate: '1985-07-14',
      sex: 'F',
      ...(withIns
        ? { ins: { number: '285072B01234567', kind: 'NIR', oid: '1.2.250.1.213.1.4.8' }, identityStatus: 'QUAL' }
        : {}),
    });
    const earlier = await insertTestOrder(db(), {
      patientId,
      analyses: ['T_CREA'],
      collectedAt: '2026-01-12T08:00:00+01:00',
    });
    await recordValidatedValue(
      db(),
      earlier.resultIds.T_CREA as string,
      { numeric: '80', reference: { low: 45, high: 90 } },
      { ...actors, at: '2026-01-12T11:00:00+01:00' }
    );
    const order = await insertTestOrder(db(), {
      patientId,
      analyses: ['T_CREA', 'T_GLY', 'T_CRP', 'T_HDL'],
      collectedAt: '2026-03-02T08:05:00+01:00',
      receivedAt: '2026-03-02T08:40:00+01:00',
    });
    return { patientId, order };
  }

  async function validateAll(order: TestOrder): Promise<void> {
    await recordValidatedValue(
      db(),
      order.resultIds.T_CREA as string,
      { numeric: '85', flag: 'N', reference: { low: 45, high: 90 } },
      actors
    );
    await recordValidatedValue(
      db(),
      order.resultIds.T_GLU as string,
      { numeric: '6.45', flag: 'H', reference: { low: 3.9, high: 5.8 }, comment: 'Patient non à jeun.' },
      actors
    );
    await recordValidatedValue(
      db(),
      order.resultIds.T_CRP as string,
      { numeric: '12.4', flag: 'H', reference: { high: 5 } },
      actors
    );
    await recordValidatedValue(
      db(),
      order.resultIds.T_HDL as string,
      { numeric: '1.2', flag: 'L', reference: { low: 1.3 } },
      actors
    );
  }

  it('issues a complete report from the validated results, stored once with its SHA-256', async () => {
    const { order } = await patientWithHistory();
    await validateAll(order);
    const res = await issue(secretary, order.orderId);
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json<ReportView>();
    expect(report).toMatchObject({
      orderId: order.orderId,
      version: 1,
      kind: 'complete',
      current: true,
      resultCount: 4,
    });
    const pdf = await pdfOf(secretary, report.id);
    expect(sha256(pdf)).toBe(report.sha256);
    expect(pdf.length).toBe(report.sizeBytes);
    // Result lifecycle: biologically_validated → released by the report (core result-lifecycle).
    const statuses = await db().query<{ status: string }>('SELECT DISTINCT status FROM result WHERE order_id = $1', [
      order.orderId,
    ]);
    expect(statuses).toEqual([{ status: 'released' }]);
  });

  describe.skipIf(!pdftotextAvailable)('what the PDF says (pdftotext)', () => {
    it('lab, patient traits with the INS of a qualified identity, prescriber, times, results, flags, history, biologist, page', async () => {
      const { order } = await patientWithHistory(true);
      await validateAll(order);
      const report = (await issue(biologist, order.orderId)).json<ReportView>();
      const res = await secretary.get(`/api/reports/${report.id}/pdf`);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = flat(pdfText(res.rawPayload, { layout: true }));
      for (const expected of [
        testLabIdentity.name,
        testLabIdentity.address,
        `FINESS ${testLabIdentity.finess}`,
        'Nom de naissance : MARTIN',
        'Nom utilisé : DURAND',
        'Prénom(s) de naissance : Léa Anne',
        'Date de naissance : 14/07/1985',
        'Sexe : Féminin',
        'INS : 285072B01234567 (OID 1.2.250.1.213.1.4.8)',
        'Jeanne ROUSSEAU',
        `N° de dossier : ${order.orderNumber}`,
        'Prélèvement : 02/03/2026 08:05',
        'Réception : 02/03/2026 08:40',
        'Compte rendu complet — version 1',
        'Biochimie',
        'Créatinine 85 µmol/L 45 – 90 80 µmol/L (12/01/2026)',
        'Glucose 6,45 mmol/L H 3,90 – 5,80',
        'Patient non à jeun.',
        'Protéine C réactive 12,4 mg/L H ≤ 5,0',
        'Cholestérol HDL 1,20 mmol/L L ≥ 1,30',
        'Validé par Test biologiste, biologiste',
        'Page 1/1',
      ]) {
        expect(text, expected).toContain(expected);
      }
      // The biologists of the lab head the report.
      expect(text).toContain('Biologistes');
    });

    it('prints only biologically validated versions, and the INS only for a qualified identity', async () => {
      const patientId = await insertTestPatient(db(), {
        birthName: 'BERNARD',
        birthFirstNames: 'Paul',
        birthDate: '1950-02-03',
        sex: 'M',
        ins: { number: '150027512345678', kind: 'NIR', oid: '1.2.250.1.213.1.4.8' },
        identityStatus: 'VALI',
      });
      const order = await insertTestOrder(db(), {
        patientId,
        analyses: ['T_CREA', 'T_K'],
        collectedAt: '2026-03-03T09:00:00+01:00',
      });
      await recordValidatedValue(db(), order.resultIds.T_CREA as string, { numeric: '97' }, actors);
      // Technically validated only: not releasable.
      await recordValidatedValue(
        db(),
        order.resultIds.T_K as string,
        { numeric: '7.9', flag: 'HH', critical: true },
        {
          technicianId: actors.technicianId,
          biologistId: null,
        }
      );
      const report = (await issue(biologist, order.orderId)).json<ReportView>();
      expect(report.kind).toBe('partial');
      const text = flat(pdfText(await pdfOf(biologist, report.id), { layout: true }));
      expect(text).toContain('Créatinine 97 µmol/L');
      expect(text).not.toContain('7,9');
      expect(text).toContain('en attente de validation — Kaliémie');
      expect(text).not.toContain('150027512345678');
      expect(text).not.toContain('INS :');
    });

    it('prints coded comments as their labels from the lab’s comment list (an unlisted code as itself)', async () => {
      const patientId = await insertTestPatient(db(), {
        birthName: 'LEROY',
        birthFirstNames: 'Marc',
        birthDate: '1970-05-06',
        sex: 'M',
      });
      const order = await insertTestOrder(db(), {
        patientId,
        analyses: ['T_CREA'],
        collectedAt: '2026-03-04T09:00:00+01:00',
      });
      await recordValidatedValue(
        db(),
        order.resultIds.T_CREA as string,
        { numeric: '97', commentCodes: ['HEMOLYSE', 'CODE_LOCAL_9'] },
        actors
      );
      const [listed] = await db().query<{ label: string }>(
        "SELECT label FROM result_comment_code WHERE code = 'HEMOLYSE'"
      );
      const report = (await issue(biologist, order.orderId)).json<ReportView>();
      const text = flat(pdfText(await pdfOf(biologist, report.id)));
      expect(listed?.label).toMatch(/hémolysé/);
      expect(text).toContain(`${listed?.label ?? '?'} — CODE_LOCAL_9`);
      expect(text).not.toContain('HEMOLYSE');
    });
  });

  it('partial, then nothing new (refused, nothing written), then complete as version 2', async () => {
    const patientId = await insertTestPatient(db(), {
      birthName: 'PETIT',
      birthFirstNames: 'Jean',
      birthDate: '1970-01-01',
      sex: 'M',
    });
    const order = await insertTestOrder(db(), {
      patientId,
      analyses: ['T_GLY', 'T_NFS'],
      collectedAt: '2026-03-04T08:00:00+01:00',
    });
    expect((await issue(biologist, order.orderId)).json()).toMatchObject({ code: 'SIL_REPORT_NOTHING_NEW' });

    await recordValidatedValue(db(), order.resultIds.T_GLU as string, { numeric: '5.1' }, actors);
    const first = await issue(biologist, order.orderId);
    expect(first.json()).toMatchObject({ version: 1, kind: 'partial' });

    const before = { reports: await countRows(db(), 'report'), audit: await countRows(db(), 'audit_event') };
    const again = await issue(secretary, order.orderId);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'SIL_REPORT_NOTHING_NEW' });
    expect(await countRows(db(), 'report')).toBe(before.reports);
    expect(await countRows(db(), 'audit_event')).toBe(before.audit);

    // One analyte of the hémogramme is not enough: still partial.
    await recordValidatedValue(db(), order.resultIds.T_HB as string, { numeric: '13.9' }, actors);
    expect((await issue(biologist, order.orderId)).json()).toMatchObject({ version: 2, kind: 'partial' });
    await recordValidatedValue(db(), order.resultIds.T_WBC as string, { numeric: '7.2' }, actors);
    expect((await issue(biologist, order.orderId)).json()).toMatchObject({ version: 3, kind: 'complete' });

    const list = (await secretary.get(`/api/orders/${order.orderId}/reports`)).json<{ items: ReportView[] }>().items;
    expect(list.map((r) => [r.version, r.kind, r.current])).toEqual([
      [1, 'partial', false],
      [2, 'partial', false],
      [3, 'complete', true],
    ]);
  });

  it('a correction gives an amended version 2 that keeps version 1 byte for byte and states the reason', async () => {
    const { order } = await patientWithHistory();
    await validateAll(order);
    const v1 = (await issue(biologist, order.orderId)).json<ReportView>();
    const v1Bytes = await pdfOf(secretary, v1.id);

    await recordValidatedValue(
      db(),
      order.resultIds.T_GLU as string,
      {
        numeric: '4.95',
        flag: 'N',
        reference: { low: 3.9, high: 5.8 },
        amendmentReason: 'Inversion de tubes corrigée',
      },
      actors
    );
    const res = await issue(biologist, order.orderId);
    expect(res.statusCode, res.body).toBe(201);
    const v2 = res.json<ReportView>();
    expect(v2).toMatchObject({
      version: 2,
      kind: 'amended',
      amendmentReason: 'Inversion de tubes corrigée',
      current: true,
    });

    const list = (await secretary.get(`/api/orders/${order.orderId}/reports`)).json<{ items: ReportView[] }>().items;
    expect(list.map((r) => [r.version, r.kind, r.current, r.sha256])).toEqual([
      [1, 'complete', false, v1.sha256],
      [2, 'amended', true, v2.sha256],
    ]);
    expect(sha256(await pdfOf(secretary, v1.id))).toBe(sha256(v1Bytes));
    if (pdftotextAvailable) {
      const text = flat(pdfText(await pdfOf(secretary, v2.id), { layout: true }));
      expect(text).toContain('Compte rendu modifié — version 2');
      expect(text).toContain('Annule et remplace la version 1. Motif de la modification : Inversion de tubes corrigée');
      expect(text).toContain('Glucose 4,95 mmol/L');
      expect(text).toContain('Résultat modifié : Inversion de tubes corrigée');
      expect(text).not.toContain('6,45');
    }
  });

  it('an amended report without a reason is refused (nothing written); the reason may come with the request', async () => {
    const { order } = await patientWithHistory();
    await validateAll(order);
    await issue(biologist, order.orderId);
    await recordValidatedValue(
      db(),
      order.resultIds.T_CRP as string,
      { numeric: '10.1', flag: 'H', reference: { high: 5 } },
      actors
    );
    const before = { reports: await countRows(db(), 'report'), audit: await countRows(db(), 'audit_event') };
    const refused = await issue(biologist, order.orderId);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'SIL_REPORT_AMENDMENT_REASON_REQUIRED' });
    expect(await countRows(db(), 'report')).toBe(before.reports);
    expect(await countRows(db(), 'audit_event')).toBe(before.audit);

    const res = await issue(biologist, order.orderId, { reason: 'Dilution refaite' });
    expect(res.json()).toMatchObject({ version: 2, kind: 'amended', amendmentReason: 'Dilution refaite' });
  });

  it('a reprint returns the stored bytes and is audited as an access to the patient record', async () => {
    const { patientId, order } = await patientWithHistory();
    await validateAll(order);
    const report = (await issue(biologist, order.orderId)).json<ReportView>();
    const first = await secretary.get(`/api/reports/${report.id}/pdf`);
    const second = await secretary.get(`/api/reports/${report.id}/pdf`);
    expect(first.headers.etag).toBe(`"${report.sha256}"`);
    expect(sha256(second.rawPayload)).toBe(sha256(first.rawPayload));
    expect(sha256(second.rawPayload)).toBe(report.sha256);
    const reads = await db().query<{ actor_id: string; patient_id: string }>(
      "SELECT actor_id, patient_id FROM audit_event WHERE action = 'report.read' AND entity_id = $1",
      [report.id]
    );
    expect(reads).toEqual([
      { actor_id: secretary.userId, patient_id: patientId },
      { actor_id: secretary.userId, patient_id: patientId },
    ]);
    const issued = await db().query<{ patient_id: string }>(
      "SELECT patient_id FROM audit_event WHERE action = 'report.issued' AND entity_id = $1",
      [report.id]
    );
    expect(issued).toEqual([{ patient_id: patientId }]);
  });

  it('delivery log: the desk needs an identity check; the log is append-only; a superseded version is not handed out', async () => {
    const { order } = await patientWithHistory();
    await validateAll(order);
    const report = (await issue(biologist, order.orderId)).json<ReportView>();
    const url = `/api/reports/${report.id}/deliveries`;

    const before = await countRows(db(), 'report_delivery');
    const unchecked = await secretary.post(url, { channel: 'desk', recipient: 'Léa DURAND' });
    expect(unchecked.statusCode).toBe(422);
    expect(unchecked.json()).toMatchObject({ code: 'SIL_IDENTITY_CHECK_REQUIRED' });
    const unknownField = await secretary.post(url, { channel: 'mail', recipient: 'x', urgent: true });
    expect(unknownField.json()).toMatchObject({ code: 'SIL_VALIDATION' });
    const badChannel = await secretary.post(url, { channel: 'pigeon', recipient: 'x' });
    expect(badChannel.json()).toMatchObject({ code: 'SIL_VALIDATION' });
    expect(await countRows(db(), 'report_delivery')).toBe(before);

    const desk = await secretary.post(url, { channel: 'desk', recipient: 'Léa DURAND', identityChecked: true });
    expect(desk.statusCode, desk.body).toBe(201);
    expect(desk.json<DeliveryView>()).toMatchObject({
      channel: 'desk',
      identityChecked: true,
      deliveredBy: { id: secretary.userId },
    });
    const mail = await biologist.post(url, {
      channel: 'prescriber',
      recipient: 'Dr Jeanne ROUSSEAU',
      comment: 'MSSanté',
    });
    expect(mail.statusCode).toBe(201);
    expect((await technician.post(url, { channel: 'mail', recipient: 'x' })).statusCode).toBe(403);

    const log = (await technician.get(url)).json<{ items: DeliveryView[] }>().items;
    expect(log.map((d) => d.channel)).toEqual(['desk', 'prescriber']);
    await expect(
      db().query('UPDATE report_delivery SET recipient = $1 WHERE report_id = $2', ['x', report.id])
    ).rejects.toThrow(/append-only/);
    await expect(db().query('DELETE FROM report WHERE id = $1', [report.id])).rejects.toThrow(/append-only/);

    await recordValidatedValue(
      db(),
      order.resultIds.T_CREA as string,
      { numeric: '88', amendmentReason: 'Contrôle repassé' },
      actors
    );
    await issue(biologist, order.orderId);
    const superseded = await secretary.post(url, { channel: 'desk', recipient: 'Léa DURAND', identityChecked: true });
    expect(superseded.statusCode).toBe(409);
    expect(superseded.json()).toMatchObject({ code: 'SIL_REPORT_SUPERSEDED', latestVersion: 2 });
  });

  it('unknown order or report: 404 with a stable code; malformed ids: 400; roles: technician reads, cannot issue', async () => {
    const missing = '00000000-0000-4000-8000-000000000001';
    expect((await issue(biologist, missing)).json()).toMatchObject({ status: 404, code: 'SIL_ORDER_NOT_FOUND' });
    expect((await secretary.get(`/api/orders/${missing}/reports`)).json()).toMatchObject({
      code: 'SIL_ORDER_NOT_FOUND',
    });
    expect((await secretary.get(`/api/reports/${missing}/pdf`)).json()).toMatchObject({ code: 'SIL_REPORT_NOT_FOUND' });
    expect((await secretary.get(`/api/reports/${missing}/deliveries`)).json()).toMatchObject({
      code: 'SIL_REPORT_NOT_FOUND',
    });
    expect((await secretary.get('/api/reports/not-a-uuid/pdf')).statusCode).toBe(400);
    const { order } = await patientWithHistory();
    expect((await issue(technician, order.orderId)).statusCode).toBe(403);
    expect((await issue(biologist, order.orderId, { reason: 'x'.repeat(501) })).json()).toMatchObject({
      code: 'SIL_VALIDATION',
    });
  });

  it('documents its routes in the OpenAPI description', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/orders/{orderId}/reports',
        '/api/reports/{id}/pdf',
        '/api/reports/{id}/deliveries',
        '/fhir/R4/Observation',
        '/fhir/R4/Observation/{id}',
      ])
    );
  });
});
