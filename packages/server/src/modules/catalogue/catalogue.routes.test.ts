import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  loginAs,
  testAdminPassword,
  type TestApp,
  type TestClient,
} from '../../testing/test-app.js';
import type { AnalysisView, AnalyteView } from './catalogue.schemas.js';

async function counts(t: TestApp): Promise<{ analytes: number; analyses: number; audit: number }> {
  const [row] = await t.db.database.query<{ analytes: string; analyses: string; audit: string }>(
    `SELECT (SELECT count(*) FROM analyte) AS analytes, (SELECT count(*) FROM analysis) AS analyses,
            (SELECT count(*) FROM audit_event) AS audit`
  );
  return { analytes: Number(row?.analytes), analyses: Number(row?.analyses), audit: Number(row?.audit) };
}

/** The editable fields of a view (what PUT takes), plus the version and a reason. */
function editable<T extends AnalyteView | AnalysisView>(view: T): Record<string, unknown> {
  const {
    id: _id,
    code: _code,
    validFrom: _from,
    validTo: _to,
    changeReason: _reason,
    createdBy: _by,
    createdByName: _byName,
    container: _container,
    analytes: _analytes,
    ...rest
  } = view as AnalyteView & AnalysisView & { container?: unknown; analytes?: unknown };
  return rest;
}

describe('catalogue routes', () => {
  let t: TestApp;
  let biologist: TestClient;
  let technician: TestClient;
  let desk: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    biologist = await loginAs(t, ['biologiste']);
    technician = await loginAs(t, ['technicien']);
    desk = await loginAs(t, ['secretaire']);
    admin = await login(t.app, 'admin', testAdminPassword);
  });
  afterAll(async () => t?.close());

  describe('autocomplete', () => {
    async function search(q: string): Promise<{ code: string; mnemonic: string; label: string }[]> {
      const res = await desk.get(`/api/catalogue/analyses?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: { code: string; mnemonic: string; label: string }[] }>().items;
    }

    it('puts the exact mnemonic first, whatever the case: nfs → NFS, gly → GLY', async () => {
      expect((await search('nfs'))[0]?.code).toBe('NFS');
      const gly = await search('gly');
      expect(gly[0]?.mnemonic).toBe('GLY');
      // « Hémoglobine glyquée » matches on a label word too.
      expect(gly.map((a) => a.code)).toContain('HBA1C');
    });

    it('ignores accents: créat and creat find the créatinine', async () => {
      for (const q of ['créat', 'creat', 'CRÉATININE']) {
        expect((await search(q)).map((a) => a.code)).toContain('CREA');
      }
    });

    it('matches several words of the label (« bilan hep ») and a code prefix (« t4 »)', async () => {
      expect((await search('bilan hep'))[0]?.code).toBe('BH');
      expect((await search('t4'))[0]?.code).toBe('T4L');
    });

    it('lists every current orderable analysis with an empty query, within the limit', async () => {
      const res = await desk.get('/api/catalogue/analyses?limit=500');
      expect(res.json<{ items: unknown[] }>().items.length).toBeGreaterThanOrEqual(40);
      expect((await search('zzzzzz')).length).toBe(0);
    });
  });

  it('returns an analysis with its analytes in report order and its container', async () => {
    const res = await technician.get('/api/catalogue/analyses/crea');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<AnalysisView & { analytes: AnalyteView[]; container: { code: string; colour: string } }>();
    expect(body.code).toBe('CREA');
    expect(body.nabmCodes).toEqual(['0592']);
    expect(body.analytes.map((a) => a.code)).toEqual(['CREATININE', 'DFG_CKDEPI']);
    expect(body.container).toMatchObject({ code: 'HEPARINE', colour: 'vert' });
    const glucose = (await technician.get('/api/catalogue/analyses/GLY')).json<AnalysisView>();
    expect(glucose.fastingRequired).toBe(true);
    const unknown = await technician.get('/api/catalogue/analyses/INCONNU');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'SIL_CATALOGUE_ANALYSIS_NOT_FOUND' });
  });

  it('lists containers in order of draw', async () => {
    const res = await desk.get('/api/catalogue/containers');
    const items = res.json<{ items: { code: string; drawOrder: number }[] }>().items;
    expect(items[0]?.code).toBe('CITRATE');
    expect(items.map((c) => c.drawOrder)).toEqual([...items.map((c) => c.drawOrder)].sort((a, b) => a - b));
  });

  describe('versioning', () => {
    it('a change creates version 2 and leaves version 1 unchanged (closed)', async () => {
      const v1 = (await biologist.get('/api/catalogue/analytes/POTASSIUM')).json<AnalyteView>();
      expect(v1.version).toBe(1);
      const intervals = v1.referenceIntervals.map((interval) =>
        interval.ageMinDays === 31 ? { ...interval, high: 5.0, source: 'Vérification locale 2026 (n = 120)' } : interval
      );
      const before = await counts(t);
      const res = await biologist.put('/api/catalogue/analytes/POTASSIUM', {
        ...editable(v1),
        referenceIntervals: intervals,
        reason: 'Changement de réactif, intervalle vérifié localement',
      });
      expect(res.statusCode, res.body).toBe(200);
      const v2 = res.json<AnalyteView>();
      expect(v2).toMatchObject({ code: 'POTASSIUM', version: 2, validTo: null });
      expect(v2.id).not.toBe(v1.id);
      expect(v2.referenceIntervals.find((i) => i.ageMinDays === 31)?.high).toBe(5.0);

      const old = (await biologist.get('/api/catalogue/analytes/POTASSIUM?version=1')).json<AnalyteView>();
      expect(old.id).toBe(v1.id);
      expect(old.referenceIntervals).toEqual(v1.referenceIntervals);
      expect(old.validTo).toBe(v2.validFrom);
      expect((await biologist.get('/api/catalogue/analytes/POTASSIUM')).json<AnalyteView>().version).toBe(2);
      const after = await counts(t);
      expect(after.analytes).toBe(before.analytes + 1);
      expect(after.audit).toBe(before.audit + 1);

      const [event] = await t.db.database.query<{ action: string; reason: string; before: unknown; after: unknown }>(
        "SELECT action, reason, before, after FROM audit_event WHERE action = 'catalogue.analyte.versioned'"
      );
      expect(event?.reason).toBe('Changement de réactif, intervalle vérifié localement');
      expect(event?.before).toMatchObject({ version: 1 });
      expect(event?.after).toMatchObject({ version: 2 });

      const versions = (await biologist.get('/api/catalogue/analytes/POTASSIUM/versions')).json<{
        items: AnalyteView[];
      }>();
      expect(versions.items.map((v) => v.version)).toEqual([1, 2]);
    });

    it('a change needs a reason, the current version and an actual difference', async () => {
      const current = (await biologist.get('/api/catalogue/analytes/SODIUM')).json<AnalyteView>();
      const before = await counts(t);
      const noReason = await biologist.put('/api/catalogue/analytes/SODIUM', { ...editable(current), decimals: 1 });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json()).toMatchObject({ code: 'SIL_REASON_REQUIRED' });
      const stale = await biologist.put('/api/catalogue/analytes/SODIUM', {
        ...editable(current),
        decimals: 1,
        version: 7,
        reason: 'Une décimale',
      });
      expect(stale.statusCode).toBe(409);
      const same = await biologist.put('/api/catalogue/analytes/SODIUM', { ...editable(current), reason: 'Rien' });
      expect(same.statusCode).toBe(422);
      expect(same.json()).toMatchObject({ code: 'SIL_CATALOGUE_UNCHANGED' });
      expect(await counts(t)).toEqual(before);
    });

    it('an analysis change creates version 2 (admin), the mnemonic still resolves', async () => {
      const v1 = (await admin.get('/api/catalogue/analyses/VS')).json<AnalysisView>();
      const res = await admin.put('/api/catalogue/analyses/VS', {
        ...editable(v1),
        stabilityHoursRoom: 6,
        reason: 'Stabilité validée pour le nouvel automate',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<AnalysisView>()).toMatchObject({ version: 2, stabilityHoursRoom: 6 });
      expect((await desk.get('/api/catalogue/analyses?q=vs')).json<{ items: AnalysisView[] }>().items[0]).toMatchObject(
        { code: 'VS', version: 2 }
      );
      // The versions of the analysis, oldest first, each naming who wrote it (ISO 15189 §7.3.5).
      const versions = (await desk.get('/api/catalogue/analyses/VS/versions')).json<{ items: AnalysisView[] }>().items;
      expect(versions.map((v) => [v.version, v.stabilityHoursRoom === 6, v.validTo === null])).toEqual([
        [1, false, false],
        [2, true, true],
      ]);
      expect(versions[0]?.createdByName).toBeNull(); // seeded starter catalogue
      expect(versions[1]).toMatchObject({
        createdByName: 'Administrateur',
        changeReason: 'Stabilité validée pour le nouvel automate',
      });
      expect((await desk.get('/api/catalogue/analyses/NOPE/versions')).statusCode).toBe(404);
    });

    it('creates a new analyte and an analysis using it', async () => {
      const analyte = await biologist.post('/api/catalogue/analytes', {
        code: 'LACTATE',
        label: 'Lactate',
        shortLabel: 'Lactate',
        loinc: '2524-7',
        chapter: 'Biochimie',
        resultType: 'numeric',
        unitUcum: 'mmol/L',
        decimals: 1,
        criticalHigh: 4,
        referenceIntervals: [
          { sex: null, ageMinDays: 6575, ageMaxDays: null, low: 0.5, high: 2.2, source: 'Notice Roche LACT2' },
        ],
      });
      expect(analyte.statusCode, analyte.body).toBe(201);
      expect(analyte.json<AnalyteView>()).toMatchObject({ version: 1, changeReason: 'Création' });
      const analysis = await biologist.post('/api/catalogue/analyses', {
        code: 'LACT',
        mnemonic: 'lact',
        label: 'Lactate plasmatique',
        nabmCodes: ['0601'],
        chapter: 'Biochimie',
        section: 'biochimie',
        containerCode: 'FLUORURE',
        volumeMl: 0.5,
        analyteCodes: ['LACTATE'],
      });
      expect(analysis.statusCode, analysis.body).toBe(201);
      expect(analysis.json<AnalysisView>()).toMatchObject({ mnemonic: 'LACT', version: 1, orderable: true });
      const taken = await biologist.post('/api/catalogue/analytes', {
        code: 'LACTATE',
        label: 'Autre',
        shortLabel: 'Autre',
        chapter: 'Biochimie',
        resultType: 'text',
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json()).toMatchObject({ code: 'SIL_CATALOGUE_CODE_TAKEN' });
    });
  });

  describe('bad input changes nothing', () => {
    const base = {
      code: 'TEST_X',
      label: 'Paramètre de test',
      shortLabel: 'Test',
      chapter: 'Biochimie',
      resultType: 'numeric',
      unitUcum: 'mmol/L',
      decimals: 1,
    };
    const interval = { sex: null, ageMinDays: 0, ageMaxDays: null, low: 1, high: 2, source: 'Notice test' };

    it.each([
      ['unknown field', { ...base, colour: 'rouge' }, 400, 'SIL_VALIDATION'],
      [
        'low > high',
        { ...base, referenceIntervals: [{ ...interval, low: 3, high: 2 }] },
        422,
        'SIL_REFERENCE_INTERVAL_INVALID',
      ],
      [
        'age band max ≤ min',
        { ...base, referenceIntervals: [{ ...interval, ageMinDays: 365, ageMaxDays: 30 }] },
        422,
        'SIL_REFERENCE_INTERVAL_INVALID',
      ],
      [
        'overlapping bands of the same sex',
        { ...base, referenceIntervals: [interval, { ...interval, ageMinDays: 100 }] },
        422,
        'SIL_REFERENCE_INTERVAL_OVERLAP',
      ],
      [
        'interval without source',
        { ...base, referenceIntervals: [{ ...interval, source: '' }] },
        400,
        'SIL_VALIDATION',
      ],
      ['critical low ≥ high', { ...base, criticalLow: 5, criticalHigh: 2 }, 422, 'SIL_CRITICAL_LIMITS_INVALID'],
      [
        'coded without list',
        { ...base, unitUcum: null, resultType: 'coded' },
        422,
        'SIL_CATALOGUE_CODED_VALUES_REQUIRED',
      ],
      ['unknown formula', { ...base, formula: { id: 'ma-formule', inputs: {} } }, 422, 'SIL_CATALOGUE_FORMULA_INVALID'],
      [
        'formula input not in the catalogue',
        { ...base, formula: { id: 'calcium-corrected-albumin', inputs: { calcium: 'CALCIUM', albumin: 'ALBU' } } },
        422,
        'SIL_CATALOGUE_FORMULA_INVALID',
      ],
      ['bad LOINC check digit', { ...base, loinc: '2951-3' }, 422, 'SIL_CATALOGUE_LOINC_INVALID'],
      ['unknown unit', { ...base, unitUcum: 'pouces' }, 422, 'SIL_UNIT_UNKNOWN'],
      ['lower-case code', { ...base, code: 'test_x' }, 400, 'SIL_VALIDATION'],
    ])('analyte: %s', async (_name, body, status, code) => {
      const before = await counts(t);
      const res = await biologist.post('/api/catalogue/analytes', body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json()).toMatchObject({ code });
      expect(await counts(t)).toEqual(before);
    });

    const analysis = {
      code: 'TEST_A',
      mnemonic: 'TSTA',
      label: 'Analyse de test',
      nabmCodes: ['0552'],
      chapter: 'Biochimie',
      section: 'biochimie',
      containerCode: 'HEPARINE',
      volumeMl: 0.5,
      analyteCodes: ['GLUCOSE'],
    };

    it.each([
      ['NABM code of 3 digits', { ...analysis, nabmCodes: ['552'] }, 'SIL_CATALOGUE_NABM_CODE_INVALID'],
      ['unknown container', { ...analysis, containerCode: 'TUBE_OR' }, 'SIL_CATALOGUE_CONTAINER_UNKNOWN'],
      ['unknown analyte', { ...analysis, analyteCodes: ['GLUCOSE', 'NEANT'] }, 'SIL_CATALOGUE_ANALYTE_UNKNOWN'],
      ['volume above capacity', { ...analysis, volumeMl: 12 }, 'SIL_TUBE_VOLUME_EXCEEDS_CAPACITY'],
      ['half a time window', { ...analysis, timeWindowStart: '08:00' }, 'SIL_CATALOGUE_DEFINITION_INVALID'],
      ['mnemonic of another analysis', { ...analysis, mnemonic: 'gly' }, 'SIL_CATALOGUE_MNEMONIC_TAKEN'],
    ])('analysis: %s', async (_name, body, code) => {
      const before = await counts(t);
      const res = await biologist.post('/api/catalogue/analyses', body);
      expect(res.json()).toMatchObject({ code });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(await counts(t)).toEqual(before);
    });
  });

  describe('permissions', () => {
    it('a technician, a secretary can read but cannot edit', async () => {
      const current = (await technician.get('/api/catalogue/analytes/GLUCOSE')).json<AnalyteView>();
      expect(current.code).toBe('GLUCOSE');
      const before = await counts(t);
      for (const client of [technician, desk]) {
        const put = await client.put('/api/catalogue/analytes/GLUCOSE', {
          ...editable(current),
          decimals: 3,
          reason: 'Essai',
        });
        expect(put.statusCode).toBe(403);
        const post = await client.post('/api/catalogue/analyses', { code: 'X' });
        expect(post.statusCode).toBe(403);
      }
      expect(await counts(t)).toEqual(before);
    });

    it('refuses anonymous reads', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/catalogue/analyses?q=nfs' });
      expect(res.statusCode).toBe(401);
    });
  });
});
