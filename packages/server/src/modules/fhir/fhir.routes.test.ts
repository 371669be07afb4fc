import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
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
  insertTestOrder,
  insertTestPatient,
  recordValidatedValue,
  seedTestCatalogue,
  type TestOrder,
} from '../reports/reports-test-data.js';
import type { ReportView } from '../reports/reports.schemas.js';
import type {
  Bundle,
  CapabilityStatement,
  DiagnosticReport,
  Observation,
  OperationOutcome,
  Patient,
  ServiceRequest,
  Specimen,
} from './fhir-types.js';

const insNir = '285072B01234567';

describe('FHIR R4 facade', () => {
  let t: TestApp;
  let biologist: TestClient;
  let secretary: TestClient;
  let token: string;
  let otherScopeToken: string;
  let patientId: string;
  let provisionalPatientId: string;
  let order: TestOrder;
  let earlier: TestOrder;
  let report: ReportView;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.database;
    await seedTestCatalogue(db);
    biologist = await loginAs(t, ['biologiste']);
    const technician = await loginAs(t, ['technicien']);
    secretary = await loginAs(t, ['secretaire']);
    const actors = { technicianId: technician.userId, biologistId: biologist.userId };
    const admin = await login(t.app, 'admin', testAdminPassword);
    token = (await admin.post('/api/admin/tokens', { name: 'dpi', scopes: ['fhir.read'] })).json<{ token: string }>()
      .token;
    otherScopeToken = (await admin.post('/api/admin/tokens', { name: 'autre', scopes: ['patients.read'] })).json<{
      token: string;
    }>().token;

    patientId = await insertTestPatient(db, {
      birthName: 'MARTIN',
      usedName: 'DURAND',
      birthFirstNames: 'Léa Anne',
      birthDate: '1985-07-14',
      sex: 'F',
      ins: { number: insNir, kind: 'NIR', oid: '1.2.250.1.213.1.4.8' },
      identityStatus: 'QUAL',
    });
    provisionalPatientId = await insertTestPatient(db, {
      birthName: 'BERNARD',
      birthFirstNames: 'Paul',
      birthDate: '1950-02-03',
      sex: 'M',
      ins: { number: '150027512345678', kind: 'NIR', oid: '1.2.250.1.213.1.4.8' },
      identityStatus: 'VALI',
    });
    earlier = await insertTestOrder(db, { patientId, analyses: ['T_CREA'], collectedAt: '2026-01-12T08:00:00+01:00' });
    await recordValidatedValue(
      db,
      earlier.resultIds.T_CREA as string,
      { numeric: '80', reference: { low: 45, high: 90 } },
      {
        ...actors,
        at: '2026-01-12T11:00:00+01:00',
      }
    );
    order = await insertTestOrder(db, {
      patientId,
      analyses: ['T_CREA', 'T_GLY', 'T_CRP', 'T_ABO', 'T_K'],
      collectedAt: '2026-03-02T08:05:00+01:00',
      receivedAt: '2026-03-02T08:40:00+01:00',
    });
    await recordValidatedValue(
      db,
      order.resultIds.T_CREA as string,
      { numeric: '85', flag: 'N', reference: { low: 45, high: 90 } },
      actors
    );
    await recordValidatedValue(
      db,
      order.resultIds.T_GLU as string,
      { numeric: '6.45', flag: 'H', reference: { low: 3.9, high: 5.8 }, comment: 'Patient non à jeun.' },
      actors
    );
    await recordValidatedValue(
      db,
      order.resultIds.T_CRP as string,
      { numeric: '4', qualifier: '<', flag: 'N', reference: { high: 5 } },
      actors
    );
    await recordValidatedValue(db, order.resultIds.T_ABO as string, { code: 'A' }, actors);
    // Technically validated only: never served.
    await recordValidatedValue(
      db,
      order.resultIds.T_K as string,
      { numeric: '7.9', flag: 'HH', critical: true },
      {
        technicianId: technician.userId,
        biologistId: null,
      }
    );
    report = (await biologist.post(`/api/orders/${order.orderId}/reports`, {})).json<ReportView>();
  });
  afterAll(async () => t?.close());

  const bearer = (url: string, value = token): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${value}` } });

  function outcomeCode(res: LightMyRequestResponse): string | undefined {
    return res.json<OperationOutcome>().issue[0]?.details?.coding?.[0]?.code;
  }

  it('metadata: a public CapabilityStatement listing read and search per resource type', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    const statement = res.json<CapabilityStatement>();
    expect(statement).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', kind: 'instance' });
    const resources = statement.rest[0]?.resource ?? [];
    expect(resources.map((r) => r.type)).toEqual([
      'Patient',
      'ServiceRequest',
      'Specimen',
      'Observation',
      'DiagnosticReport',
    ]);
    const observation = resources.find((r) => r.type === 'Observation');
    expect(observation?.searchParam.map((p) => p.name)).toEqual(
      expect.arrayContaining(['patient', 'code', 'date', 'status'])
    );
  });

  it('Patient read: INS with its OID for a qualified identity, lab number, traits; the read is audited', async () => {
    const res = await biologist.get(`/fhir/R4/Patient/${patientId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    const patient = res.json<Patient>();
    expect(patient).toMatchObject({
      resourceType: 'Patient',
      id: patientId,
      gender: 'female',
      birthDate: '1985-07-14',
      active: true,
    });
    expect(patient.identifier?.[0]).toMatchObject({
      use: 'official',
      system: 'urn:oid:1.2.250.1.213.1.4.8',
      value: insNir,
    });
    expect(patient.identifier?.[0]?.type?.coding?.[0]?.code).toBe('INS-NIR');
    expect(patient.identifier?.[1]).toMatchObject({ system: 'https://sillage.dev/fhir/sid/patient-number' });
    expect(patient.name).toEqual([
      { use: 'official', family: 'MARTIN', given: ['Léa', 'Anne'] },
      { use: 'usual', family: 'DURAND', given: ['Léa'] },
    ]);
    const audit = await t.db.database.query<{ actor_id: string }>(
      "SELECT actor_id FROM audit_event WHERE action = 'fhir.read' AND entity_type = 'Patient' AND patient_id = $1",
      [patientId]
    );
    expect(audit).toEqual([{ actor_id: biologist.userId }]);
  });

  it('Patient: no INS outward for an identity that is not qualified, nor a search by it', async () => {
    const patient = (await biologist.get(`/fhir/R4/Patient/${provisionalPatientId}`)).json<Patient>();
    expect(patient.identifier?.map((i) => i.system)).toEqual(['https://sillage.dev/fhir/sid/patient-number']);
    const byIns = (await biologist.get('/fhir/R4/Patient?identifier=150027512345678')).json<Bundle>();
    expect(byIns.total).toBe(0);
    const qualified = (
      await biologist.get(`/fhir/R4/Patient?identifier=urn:oid:1.2.250.1.213.1.4.8|${insNir}`)
    ).json<Bundle>();
    expect(qualified.entry.map((e) => e.resource.id)).toEqual([patientId]);
    const byName = (await biologist.get('/fhir/R4/Patient?family=durand&birthdate=1985-07')).json<Bundle>();
    expect(byName.entry.map((e) => e.resource.id)).toEqual([patientId]);
  });

  it('Observation search by patient and LOINC code: UCUM quantity, interpretation, range, performer, history', async () => {
    const res = await biologist.get(`/fhir/R4/Observation?patient=Patient/${patientId}&code=http://loinc.org|2160-0`);
    expect(res.statusCode).toBe(200);
    const bundle = res.json<Bundle<Observation>>();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 2 });
    const [latest, previous] = bundle.entry.map((e) => e.resource);
    expect(latest).toMatchObject({
      id: order.resultIds.T_CREA,
      status: 'final',
      valueQuantity: { value: 85, unit: 'µmol/L', system: 'http://unitsofmeasure.org', code: 'umol/L' },
      interpretation: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'N' }] },
      ],
      referenceRange: [{ low: { value: 45, code: 'umol/L' }, high: { value: 90, code: 'umol/L' } }],
      performer: [{ display: 'Test biologiste' }],
      effectiveDateTime: '2026-03-02T07:05:00.000Z',
      specimen: { reference: `Specimen/${order.specimenIds.T_SST}` },
      basedOn: [{ reference: `ServiceRequest/${order.orderAnalysisIds.T_CREA}` }],
    });
    expect(latest?.code.coding?.[0]).toEqual({ system: 'http://loinc.org', code: '2160-0', display: 'Créatinine' });
    expect(previous?.id).toBe(earlier.resultIds.T_CREA);
    expect(bundle.entry[0]?.fullUrl).toBe(`http://localhost:80/fhir/R4/Observation/${order.resultIds.T_CREA}`);

    const march = (
      await biologist.get(`/fhir/R4/Observation?patient=${patientId}&code=2160-0&date=ge2026-03-01`)
    ).json<Bundle>();
    expect(march.entry.map((e) => e.resource.id)).toEqual([order.resultIds.T_CREA]);
    const day = (await biologist.get(`/fhir/R4/Observation?patient=${patientId}&date=2026-03-02`)).json<Bundle>();
    expect(day.total).toBe(4);
  });

  it('Observation: comparator, coded values, comments; only biologically validated versions; amended after a correction', async () => {
    const all = (await biologist.get(`/fhir/R4/Observation?subject=${patientId}&_count=50`)).json<
      Bundle<Observation>
    >();
    const ids = all.entry.map((e) => e.resource.id);
    expect(ids).not.toContain(order.resultIds.T_K);
    expect(all.total).toBe(5);
    const byCode = new Map(all.entry.map((e) => [e.resource.code.coding?.[1]?.code, e.resource]));
    expect(byCode.get('T_CRP')?.valueQuantity).toMatchObject({ comparator: '<', value: 4, unit: 'mg/L' });
    expect(byCode.get('T_CRP')?.referenceRange).toEqual([
      { high: { value: 5, unit: 'mg/L', system: 'http://unitsofmeasure.org', code: 'mg/L' } },
    ]);
    expect(byCode.get('T_ABO')?.valueCodeableConcept).toMatchObject({
      coding: [{ code: 'A', display: 'Groupe A' }],
      text: 'Groupe A',
    });
    expect(byCode.get('T_GLU')?.note).toEqual([{ text: 'Patient non à jeun.' }]);

    const local = (
      await biologist.get(
        `/fhir/R4/Observation?code=https://sillage.dev/fhir/CodeSystem/analyte|T_GLU&patient=${patientId}`
      )
    ).json<Bundle>();
    expect(local.total).toBe(1);
    expect((await bearer(`/fhir/R4/Observation/${order.resultIds.T_K}`)).statusCode).toBe(404);
  });

  it('DiagnosticReport: the stored PDF as presentedForm with its SHA-1, results and requests referenced', async () => {
    const bundle = (await bearer(`/fhir/R4/DiagnosticReport?patient=${patientId}`)).json<Bundle<DiagnosticReport>>();
    expect(bundle.total).toBe(1);
    const diagnostic = bundle.entry[0]?.resource as DiagnosticReport;
    expect(diagnostic).toMatchObject({
      id: report.id,
      status: 'partial',
      code: { coding: [{ system: 'http://loinc.org', code: '11502-2' }] },
      subject: { reference: `Patient/${patientId}` },
      resultsInterpreter: [{ display: 'Test biologiste' }],
    });
    const form = diagnostic.presentedForm?.[0];
    expect(form?.contentType).toBe('application/pdf');
    const bytes = Buffer.from(form?.data ?? '', 'base64');
    const stored = (await biologist.get(`/api/reports/${report.id}/pdf`)).rawPayload;
    expect(bytes.equals(stored)).toBe(true);
    expect(form?.hash).toBe(createHash('sha1').update(stored).digest('base64'));
    expect(form?.size).toBe(stored.length);
    expect(diagnostic.result?.map((r) => r.reference).sort()).toEqual(
      ['T_CREA', 'T_GLU', 'T_CRP', 'T_ABO'].map((c) => `Observation/${order.resultIds[c]}`).sort()
    );
    expect(diagnostic.basedOn).toHaveLength(5);
    const read = (await bearer(`/fhir/R4/DiagnosticReport/${report.id}`)).json<DiagnosticReport>();
    expect(read.presentedForm?.[0]?.hash).toBe(form?.hash);
    expect(
      (await bearer(`/fhir/R4/DiagnosticReport?identifier=${order.orderNumber}&status=final`)).json<Bundle>().total
    ).toBe(0);
    expect(
      (await bearer(`/fhir/R4/DiagnosticReport?identifier=${order.orderNumber}&status=partial`)).json<Bundle>().total
    ).toBe(1);
  });

  it('ServiceRequest and Specimen: requisition = order number, tube barcode as accession, status derived', async () => {
    const requests = (await bearer(`/fhir/R4/ServiceRequest?requisition=${order.orderNumber}`)).json<
      Bundle<ServiceRequest>
    >();
    expect(requests.total).toBe(5);
    const byCode = new Map(requests.entry.map((e) => [e.resource.code?.coding?.[0]?.code, e.resource]));
    expect(byCode.get('T_CREA')).toMatchObject({
      status: 'completed',
      intent: 'order',
      priority: 'routine',
      requisition: { value: order.orderNumber },
    });
    expect(byCode.get('T_K')?.status).toBe('active');
    expect(byCode.get('T_CREA')?.requester?.display).toBe('Jeanne ROUSSEAU');
    expect(byCode.get('T_CREA')?.requester?.identifier?.value).toMatch(/^8\d{11}$/);
    const active = (await bearer(`/fhir/R4/ServiceRequest?patient=${patientId}&status=active`)).json<Bundle>();
    expect(active.total).toBe(1);

    const specimens = (await bearer(`/fhir/R4/Specimen?patient=${patientId}&collected=2026-03-02`)).json<
      Bundle<Specimen>
    >();
    expect(specimens.entry.map((e) => e.resource.accessionIdentifier?.value).sort()).toEqual(
      [`${order.orderNumber}-T_EDTA`, `${order.orderNumber}-T_SST`].sort()
    );
    const tube = (await bearer(`/fhir/R4/Specimen/${order.specimenIds.T_SST}`)).json<Specimen>();
    expect(tube).toMatchObject({
      status: 'available',
      receivedTime: '2026-03-02T07:40:00.000Z',
      collection: { collectedDateTime: '2026-03-02T07:05:00.000Z' },
      type: { text: 'sérum' },
    });
  });

  it('paging: _count limits the page, next link carries the parameters, total counts all', async () => {
    const page = (await bearer(`/fhir/R4/Observation?patient=${patientId}&_count=2`)).json<Bundle>();
    expect(page.entry).toHaveLength(2);
    expect(page.total).toBe(5);
    const next = page.link.find((l) => l.relation === 'next')?.url ?? '';
    expect(next).toContain(`patient=${patientId}`);
    expect(next).toContain('_offset=2');
    const second = (await bearer(next.replace('http://localhost:80', ''))).json<Bundle>();
    expect(second.entry).toHaveLength(2);
    const last = (await bearer(`/fhir/R4/Observation?patient=${patientId}&_count=2&_offset=10`)).json<Bundle>();
    expect(last).toMatchObject({ total: 5, entry: [] });
  });

  it('authentication: session or Bearer token with fhir.read; others get an OperationOutcome', async () => {
    expect((await bearer(`/fhir/R4/Patient/${patientId}`)).statusCode).toBe(200);
    const anonymous = await t.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${patientId}` });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    expect(anonymous.json<OperationOutcome>().issue[0]).toMatchObject({ severity: 'error', code: 'login' });
    expect(outcomeCode(anonymous)).toBe('SIL_AUTH_REQUIRED');
    const badToken = await bearer(`/fhir/R4/Patient/${patientId}`, 'nope');
    expect([badToken.statusCode, outcomeCode(badToken)]).toEqual([401, 'SIL_TOKEN_INVALID']);
    const wrongScope = await bearer(`/fhir/R4/Patient/${patientId}`, otherScopeToken);
    expect([wrongScope.statusCode, outcomeCode(wrongScope)]).toEqual([403, 'SIL_FORBIDDEN']);
    expect(wrongScope.json<OperationOutcome>().issue[0]?.code).toBe('forbidden');
    const desk = await secretary.get(`/fhir/R4/Patient/${patientId}`);
    expect([desk.statusCode, outcomeCode(desk)]).toEqual([403, 'SIL_FORBIDDEN']);
  });

  it('errors: 404 OperationOutcome for an unknown id or resource type; strict search parameters', async () => {
    const missing = await bearer('/fhir/R4/Observation/00000000-0000-4000-8000-000000000009');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    expect(missing.json<OperationOutcome>()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'not-found' }],
    });
    expect(outcomeCode(missing)).toBe('SIL_FHIR_RESOURCE_NOT_FOUND');
    expect((await bearer('/fhir/R4/Patient/not-a-uuid')).statusCode).toBe(404);
    const unknownType = await bearer('/fhir/R4/Encounter/123');
    expect([unknownType.statusCode, outcomeCode(unknownType)]).toEqual([404, 'SIL_FHIR_RESOURCE_TYPE_UNSUPPORTED']);
    const unknownParam = await bearer('/fhir/R4/Observation?name=glucose');
    expect([unknownParam.statusCode, outcomeCode(unknownParam)]).toEqual([400, 'SIL_FHIR_SEARCH_PARAMETER_UNKNOWN']);
    expect(unknownParam.json<OperationOutcome>().issue[0]?.code).toBe('not-supported');
    const badDate = await bearer('/fhir/R4/Observation?date=2026-13-01');
    expect([badDate.statusCode, outcomeCode(badDate)]).toEqual([400, 'SIL_FHIR_SEARCH_PARAMETER_INVALID']);
    const xml = await bearer('/fhir/R4/Patient?_format=xml');
    expect([xml.statusCode, outcomeCode(xml)]).toEqual([406, 'SIL_FHIR_FORMAT_UNSUPPORTED']);
  });

  it('a search is audited with the patients it returned', async () => {
    await bearer(`/fhir/R4/Observation?patient=${patientId}&code=2345-7`);
    const [event] = await t.db.database.query<{
      patient_id: string | null;
      after: { total: number; query: Record<string, string[]> };
    }>("SELECT patient_id, after FROM audit_event WHERE action = 'fhir.search' ORDER BY id DESC LIMIT 1");
    expect(event?.after.query).toEqual({ patient: [patientId], code: ['2345-7'] });
    expect(event?.after.total).toBe(0);
  });
});
