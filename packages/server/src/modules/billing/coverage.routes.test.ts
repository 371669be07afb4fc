/** Patient coverage (AMO / AMC) at the desk: entry, validation, audit, access. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createPatient, expectStatus } from '../orders/orders-test-helpers.js';
import { count, coverageBody, insuredNir, nirWithKey } from './billing-test-helpers.js';

interface CoverageAnswer {
  coverage: null | {
    amo: Record<string, unknown>;
    amc: Record<string, unknown> | null;
    version: number;
    issuesToday: { code: string }[];
  };
  notice: string;
}

describe('patient coverage', () => {
  let t: TestApp;
  let desk: TestClient;
  let patientId: string;

  beforeAll(async () => {
    t = await createTestApp();
    desk = await loginAs(t, ['secretaire']);
    patientId = (await createPatient(desk)).id;
  });
  afterAll(async () => t?.close());

  it('starts empty and says the carte Vitale is not read by Sillage', async () => {
    const res = await desk.get(`/api/patients/${patientId}/coverage`);
    expectStatus(res, 200);
    const body = res.json<CoverageAnswer>();
    expect(body.coverage).toBeNull();
    expect(body.notice).toContain('Sillage ne lit pas la carte Vitale');
  });

  it('records AMO and AMC, audited with the patient; a read is an access event', async () => {
    const put = await desk.put(
      `/api/patients/${patientId}/coverage`,
      coverageBody(
        {
          exoneration: 'ald',
          exonerationValidFrom: '2024-01-01',
          exonerationValidTo: '2030-12-31',
          alsaceMoselle: true,
        },
        { ratePercentOfTm: 100, tiersPayant: true, validTo: '2030-12-31' }
      )
    );
    expectStatus(put, 200);
    expect(put.json()).toMatchObject({
      amo: {
        regime: '01',
        caisse: '751',
        centre: '0001',
        insuredNir,
        beneficiaryRank: '00',
        exoneration: 'ald',
        alsaceMoselle: true,
      },
      amc: { organisme: 'Mutuelle des Tilleuls', ratePercentOfTm: 100, tiersPayant: true },
      version: 1,
      issuesToday: [],
    });
    expect(await count(t, 'audit_event', `action = 'coverage.created' AND patient_id = '${patientId}'`)).toBe(1);

    const update = await desk.put(`/api/patients/${patientId}/coverage`, { ...coverageBody(), version: 1 });
    expectStatus(update, 200);
    expect(update.json()).toMatchObject({ version: 2, amc: null, amo: { exoneration: null } });
    const [event] = await t.db.database.query<{ before: { amo: { exoneration: string } } }>(
      `SELECT before FROM audit_event WHERE action = 'coverage.updated' AND patient_id = $1`,
      [patientId]
    );
    expect(event?.before.amo.exoneration).toBe('ald');

    const reads = await count(t, 'audit_event', `action = 'coverage.read' AND patient_id = '${patientId}'`);
    expectStatus(await desk.get(`/api/patients/${patientId}/coverage`), 200);
    expect(await count(t, 'audit_event', `action = 'coverage.read' AND patient_id = '${patientId}'`)).toBe(reads + 1);
  });

  it('tells the desk when the rights are closed today', async () => {
    const { id } = await createPatient(desk);
    expectStatus(await desk.put(`/api/patients/${id}/coverage`, coverageBody({ validTo: '2022-06-30' })), 200);
    const body = (await desk.get(`/api/patients/${id}/coverage`)).json<CoverageAnswer>();
    expect(body.coverage?.issuesToday.map((i) => i.code)).toEqual(['SIL_COVERAGE_EXPIRED']);
  });

  it.each([
    [
      'a NIR with a wrong key',
      coverageBody({ insuredNir: nirWithKey('2650375123456').replace(/..$/, '00') }),
      'SIL_COVERAGE_NIR_INVALID',
    ],
    [
      'a period ending before it starts',
      coverageBody({ validFrom: '2025-01-01', validTo: '2024-01-01' }),
      'SIL_COVERAGE_DATES_INVALID',
    ],
    [
      'exoneration dates without exoneration',
      coverageBody({ exonerationValidTo: '2026-01-01' }),
      'SIL_COVERAGE_DATES_INVALID',
    ],
    ['a caisse of 2 digits', coverageBody({ caisse: '75' }), 'SIL_VALIDATION'],
    ['an AMC rate above 100 %', coverageBody({}, { ratePercentOfTm: 120 }), 'SIL_VALIDATION'],
    ['an unknown field', { ...coverageBody(), carteVitale: 'lue' }, 'SIL_VALIDATION'],
  ])('refuses %s and changes nothing', async (_, body, code) => {
    const { id } = await createPatient(desk);
    const before = await count(t, 'patient_coverage');
    const res = await desk.put(`/api/patients/${id}/coverage`, body);
    expect(res.json().code).toBe(code);
    expect(await count(t, 'patient_coverage')).toBe(before);
  });

  it('refuses a stale version (another desk changed it)', async () => {
    const res = await desk.put(`/api/patients/${patientId}/coverage`, { ...coverageBody(), version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SIL_CONFLICT');
  });

  it('an unknown patient is 404; a sampler may not read coverage', async () => {
    const missing = await desk.get('/api/patients/00000000-0000-4000-8000-000000000001/coverage');
    expect(missing.json().code).toBe('SIL_PATIENT_NOT_FOUND');
    const sampler = await loginAs(t, ['preleveur']);
    expect((await sampler.get(`/api/patients/${patientId}/coverage`)).statusCode).toBe(403);
  });
});
