import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';
import {
  countRows,
  createTestOrder,
  insertTestPatient,
  seedTestCatalogue,
  type TestAnalysisCode,
  type TestCatalogue,
  type TestOrderOptions,
} from './results-test-fixtures.js';

interface SavedResult {
  id: string;
  status: string;
  version: number;
  value: string | null;
  valueNumeric: number | null;
  valueCode: string | null;
  flag: string | null;
  critical: boolean;
  interval: { low: number | null; high: number | null; display: string; sex: string | null } | null;
  delta: { previousValue: number; delta: number; exceeded: boolean } | null;
  previous: { value: string; collectedAt: string } | null;
  comment: string | null;
}

interface EntryAnswer {
  result: SavedResult;
  recalculated: (SavedResult & { analyteCode: string })[];
}

const daysAgo = (days: number): Date => new Date(Date.now() - days * 86_400_000);

describe('result entry', () => {
  let t: TestApp;
  let catalogue: TestCatalogue;
  let bench: TestClient;
  let biologist: TestClient;
  let man: string;
  let woman: string;
  let neonate: string;

  async function order(patientId: string, analyses: TestAnalysisCode[], extra: TestOrderOptions = {}) {
    return createTestOrder(t.db.database, catalogue, { patientId, analyses, ...extra });
  }

  async function enter(resultId: string, value: string, expectedVersion = 0, client = bench) {
    return client.put(`/api/results/${resultId}`, { value, expectedVersion });
  }

  beforeAll(async () => {
    t = await createTestApp();
    catalogue = await seedTestCatalogue(t.db.database);
    bench = await loginAs(t, ['technicien']);
    biologist = await loginAs(t, ['biologiste']);
    man = await insertTestPatient(t.db.database, {
      birthName: 'MARTIN',
      firstName: 'PAUL',
      birthDate: '1970-05-04',
      sex: 'M',
    });
    woman = await insertTestPatient(t.db.database, {
      birthName: 'DURAND',
      firstName: 'ANNE',
      birthDate: '1970-05-04',
      sex: 'F',
    });
    // Born 3 days before the collection below: day 3 of life.
    const birth = daysAgo(3).toISOString().slice(0, 10);
    neonate = await insertTestPatient(t.db.database, {
      birthName: 'PETIT',
      firstName: 'LEO',
      birthDate: birth,
      sex: 'M',
    });
  });
  afterAll(async () => t?.close());

  it('flags the same haemoglobin by sex and age at collection: man L, woman N, neonate (day 3) L', async () => {
    const cases = [
      { patient: man, flag: 'L', display: '130 – 170', sex: 'M' },
      { patient: woman, flag: 'N', display: '120 – 160', sex: 'F' },
      { patient: neonate, flag: 'L', display: '140 – 220', sex: null },
    ];
    for (const c of cases) {
      const o = await order(c.patient, ['T_NFS'], { collectedAt: new Date(Date.now() - 600_000) });
      const res = await enter(o.results.T_HB, '125');
      expect(res.statusCode, res.body).toBe(200);
      const { result } = res.json<EntryAnswer>();
      expect(result, c.display).toMatchObject({ value: '125', valueNumeric: 125, flag: c.flag, critical: false });
      expect(result.interval).toMatchObject({ display: c.display, sex: c.sex });
    }
    // 190 g/L: high for an adult man, normal on a neonate's day 3.
    const adult = await order(man, ['T_NFS']);
    const baby = await order(neonate, ['T_NFS'], { collectedAt: new Date(Date.now() - 600_000) });
    expect((await enter(adult.results.T_HB, '190')).json<EntryAnswer>().result.flag).toBe('H');
    expect((await enter(baby.results.T_HB, '190')).json<EntryAnswer>().result.flag).toBe('N');
  });

  it('flags critical values at once (HH beyond the critical limit) and keeps the result entered', async () => {
    const o = await order(man, ['T_K']);
    const res = await enter(o.results.T_K, '7,2');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<EntryAnswer>().result).toMatchObject({
      value: '7,2',
      flag: 'HH',
      critical: true,
      status: 'entered',
    });
  });

  it('reads a decimal comma or point and rounds to the analyte decimals', async () => {
    const o = await order(woman, ['T_GLY']);
    const first = await enter(o.results.T_GLU, '5,6');
    expect(first.json<EntryAnswer>().result).toMatchObject({ value: '5,60', valueNumeric: 5.6, flag: 'N', version: 1 });
    const second = await enter(o.results.T_GLU, '6.125', 1);
    expect(second.json<EntryAnswer>().result).toMatchObject({
      value: '6,13',
      valueNumeric: 6.13,
      flag: 'H',
      version: 2,
    });
    // Every entry is a new version; none is rewritten.
    const versions = await t.db.database.query<{ version: number; value_numeric: string }>(
      'SELECT version, value_numeric::text AS value_numeric FROM result_version WHERE result_id = $1 ORDER BY version',
      [o.results.T_GLU]
    );
    expect(versions.map((v) => [v.version, Number(v.value_numeric)])).toEqual([
      [1, 5.6],
      [2, 6.13],
    ]);
  });

  it('takes a coded value by code or by label, flags an abnormal code A, and keeps text as typed', async () => {
    const o = await order(woman, ['T_ABO', 'T_ECBU']);
    const abo = await enter(o.results.T_ABO, 'ab');
    expect(abo.json<EntryAnswer>().result).toMatchObject({ valueCode: 'AB', value: 'AB', flag: 'N' });
    const rai = await enter(o.results.T_RAI, 'positive');
    expect(rai.json<EntryAnswer>().result).toMatchObject({ valueCode: 'POS', value: 'Positive', flag: 'A' });
    const ecbu = await enter(o.results.T_ECBU, 'Leucocytes < 10/mm³, culture stérile');
    expect(ecbu.json<EntryAnswer>().result).toMatchObject({
      value: 'Leucocytes < 10/mm³, culture stérile',
      flag: null,
    });
  });

  it('refuses a value of the wrong type with a stable code and saves nothing', async () => {
    const o = await order(man, ['T_GLY', 'T_ABO']);
    const before = [await countRows(t.db.database, 'result_version'), await countRows(t.db.database, 'audit_event')];
    const numeric = await enter(o.results.T_GLU, 'douze');
    expect(numeric.statusCode).toBe(422);
    expect(numeric.json()).toMatchObject({ code: 'SIL_RESULT_VALUE_INVALID' });
    const coded = await enter(o.results.T_ABO, 'Z');
    expect(coded.statusCode).toBe(422);
    expect(coded.json()).toMatchObject({ code: 'SIL_RESULT_CODE_UNKNOWN' });
    expect([await countRows(t.db.database, 'result_version'), await countRows(t.db.database, 'audit_event')]).toEqual(
      before
    );
  });

  it('refuses a result on a rejected tube (SIL_SPECIMEN_REJECTED) and on a tube not yet received', async () => {
    const rejected = await order(man, ['T_GLY'], { specimenStatus: 'rejected' });
    const before = await countRows(t.db.database, 'result_version');
    const res = await enter(rejected.results.T_GLU, '5');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'SIL_SPECIMEN_REJECTED' });
    const grid = await bench.put(`/api/specimens/${rejected.barcode}/results`, {
      results: [{ resultId: rejected.results.T_GLU, value: '5', expectedVersion: 0 }],
    });
    expect(grid.json()).toMatchObject({ code: 'SIL_SPECIMEN_REJECTED' });
    const collected = await order(man, ['T_GLY'], { specimenStatus: 'collected' });
    const early = await enter(collected.results.T_GLU, '5');
    expect(early.json()).toMatchObject({ code: 'SIL_RESULT_SPECIMEN_NOT_ACCEPTED' });
    expect(await countRows(t.db.database, 'result_version')).toBe(before);
  });

  it('refuses a stale version (optimistic locking) and the entry of a calculated analyte', async () => {
    const o = await order(man, ['T_CREA']);
    expect((await enter(o.results.T_CREA, '80')).statusCode).toBe(200);
    const stale = await enter(o.results.T_CREA, '81', 0);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'SIL_CONFLICT', currentVersion: 1 });
    const calculated = await enter(o.results.T_DFG, '90');
    expect(calculated.json()).toMatchObject({ code: 'SIL_RESULT_CALCULATED' });
  });

  it('computes the DFG (CKD-EPI 2009) from the créatinine, age and sex at collection, on the fly', async () => {
    // 52-year-old man (born 1970-05-04, collected now), créatinine 80 µmol/L:
    // 141 × (80/88.4/0.9)^−1.209 × 0.993^age (Levey 2009) — computed here independently.
    const o = await order(man, ['T_CREA']);
    const res = await enter(o.results.T_CREA, '80');
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json<EntryAnswer>();
    const [dfg] = answer.recalculated;
    const age = ageInYears('1970-05-04', new Date());
    const expected = Math.round(141 * (80 / 88.4 / 0.9) ** -1.209 * 0.993 ** age);
    expect(dfg).toMatchObject({ analyteCode: 'T_DFG', valueNumeric: expected, status: 'entered', version: 1 });
    expect(dfg?.flag).toBe(expected >= 90 ? 'N' : 'L');
    // A woman with the same créatinine: κ 0.7, α −0.329, ×1.018.
    const her = await order(woman, ['T_CREA']);
    const hers = (await enter(her.results.T_CREA, '80')).json<EntryAnswer>().recalculated[0];
    const ratio = 80 / 88.4 / 0.7;
    expect(hers?.valueNumeric).toBe(Math.round(141 * ratio ** -1.209 * 0.993 ** age * 1.018));
    // Re-entering the créatinine recomputes the DFG as a new version.
    const again = (await enter(o.results.T_CREA, '160', 1)).json<EntryAnswer>().recalculated[0];
    expect(again).toMatchObject({ analyteCode: 'T_DFG', version: 2 });
    expect(again?.valueNumeric).toBeLessThan(expected);
  });

  it('computes the LDL (Friedewald) only when the triglycerides allow it, converting mmol/L to g/L', async () => {
    const o = await order(woman, ['T_EAL']);
    const grid = await bench.put(`/api/specimens/${o.barcode}/results`, {
      results: [
        { resultId: o.results.T_CHOL, value: '5,20', expectedVersion: 0 },
        { resultId: o.results.T_HDL, value: '1,30', expectedVersion: 0 },
        { resultId: o.results.T_TG, value: '1,50', expectedVersion: 0 },
      ],
    });
    expect(grid.statusCode, grid.body).toBe(200);
    const ldl = grid.json<{ recalculated: SavedResult[] }>().recalculated[0];
    // In g/L: 5.20×0.38665 − 1.30×0.38665 − 1.50×0.8857/5, back to mmol/L ÷ 0.38665.
    const expected = (5.2 * 0.38665 - 1.3 * 0.38665 - (1.5 * 0.8857) / 5) / 0.38665;
    expect(ldl?.valueNumeric).toBeCloseTo(expected, 2);
    // TG 4,50 mmol/L (≈ 3,99 g/L ≥ 3,4): not calculable, the LDL must be measured.
    const high = await bench.put(`/api/results/${o.results.T_TG}`, { value: '4,50', expectedVersion: 1 });
    const notCalculable = high.json<EntryAnswer>().recalculated[0];
    expect(notCalculable).toMatchObject({ value: 'Non calculable', valueNumeric: null, flag: null, version: 2 });
    expect(notCalculable?.comment).toMatch(/doser le LDL/);
  });

  it('saves a tube grid all or nothing: one wrong cell and no value is kept', async () => {
    const o = await order(man, ['T_GLY', 'T_K']);
    const before = await countRows(t.db.database, 'result_version');
    const bad = await bench.put(`/api/specimens/${o.barcode}/results`, {
      results: [
        { resultId: o.results.T_GLU, value: '5,1', expectedVersion: 0 },
        { resultId: o.results.T_K, value: '4,x', expectedVersion: 0 },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(await countRows(t.db.database, 'result_version')).toBe(before);
    const other = await order(man, ['T_GLY']);
    const foreign = await bench.put(`/api/specimens/${o.barcode}/results`, {
      results: [{ resultId: other.results.T_GLU, value: '5', expectedVersion: 0 }],
    });
    expect(foreign.json()).toMatchObject({ code: 'SIL_RESULT_NOT_IN_SCOPE' });
    const good = await bench.put(`/api/specimens/${o.barcode}/results`, {
      results: [
        {
          resultId: o.results.T_GLU,
          value: '5,1',
          expectedVersion: 0,
          comment: 'Contrôle fait',
          commentCodes: ['CONTROLE_FAIT'],
        },
        { resultId: o.results.T_K, value: '4,2', expectedVersion: 0 },
      ],
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json<{ results: SavedResult[] }>().results.map((r) => r.value)).toEqual(['5,10', '4,2']);
    const [specimen] = await t.db.database.query<{ status: string }>('SELECT status FROM specimen WHERE id = $1', [
      o.specimenId,
    ]);
    expect(specimen?.status).toBe('in_analysis');
  });

  it('lists the lab’s active coded comments with their labels, to anyone who reads results', async () => {
    await t.db.database.query(
      "INSERT INTO result_comment_code (code, label, active) VALUES ('ANCIEN_CODE', 'Ancien', false)"
    );
    const res = await bench.get('/api/results/comment-codes');
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json<{ items: { code: string; label: string }[] }>();
    const active = await t.db.database.query<{ code: string; label: string }>(
      'SELECT code, label FROM result_comment_code WHERE active ORDER BY code'
    );
    expect(items).toEqual(active);
    expect(items).toContainEqual({ code: 'HEMOLYSE', label: expect.stringMatching(/hémolysé/) });
    expect(items.map((item) => item.code)).not.toContain('ANCIEN_CODE');
  });

  it('keeps coded comments on the version and refuses an unknown or inactive code, saving nothing', async () => {
    await t.db.database.query(
      "INSERT INTO result_comment_code (code, label, active) VALUES ('CODE_RETIRE', 'Retiré', false) ON CONFLICT DO NOTHING"
    );
    const o = await order(man, ['T_GLY', 'T_K']);
    const counts = async () => [
      await countRows(t.db.database, 'result_version'),
      await countRows(t.db.database, 'audit_event'),
    ];
    const before = await counts();
    for (const codes of [['HEMOLYSE', 'INCONNU'], ['CODE_RETIRE']]) {
      const one = await bench.put(`/api/results/${o.results.T_GLU}`, {
        value: '5,1',
        expectedVersion: 0,
        commentCodes: codes,
      });
      expect(one.statusCode, one.body).toBe(422);
      expect(one.json()).toMatchObject({ code: 'SIL_RESULT_COMMENT_CODE_UNKNOWN', detail: codes.at(-1) });
    }
    // A tube's grid is all or nothing: the good cell is not kept either.
    const grid = await bench.put(`/api/specimens/${o.barcode}/results`, {
      results: [
        { resultId: o.results.T_GLU, value: '5,1', expectedVersion: 0, commentCodes: ['HEMOLYSE'] },
        { resultId: o.results.T_K, value: '4,2', expectedVersion: 0, commentCodes: ['PAS_DANS_LA_LISTE'] },
      ],
    });
    expect(grid.json()).toMatchObject({ code: 'SIL_RESULT_COMMENT_CODE_UNKNOWN' });
    expect(await counts()).toEqual(before);

    const saved = await bench.put(`/api/results/${o.results.T_K}`, {
      value: '5,9',
      expectedVersion: 0,
      commentCodes: ['HEMOLYSE', 'CONTROLE_FAIT', 'HEMOLYSE'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<{ result: { commentCodes: string[] } }>().result.commentCodes).toEqual([
      'HEMOLYSE',
      'CONTROLE_FAIT',
    ]);
    const worklist = await bench.get('/api/worklists?limit=500');
    const item = worklist
      .json<{ specimens: { results: { resultId: string; commentCodes: string[] }[] }[] }>()
      .specimens.flatMap((specimen) => specimen.results)
      .find((result) => result.resultId === o.results.T_K);
    expect(item?.commentCodes).toEqual(['HEMOLYSE', 'CONTROLE_FAIT']);

    // A code deactivated after it was put on the result does not block correcting the value.
    await t.db.database.query("UPDATE result_comment_code SET active = false WHERE code = 'CONTROLE_FAIT'");
    try {
      const corrected = await bench.put(`/api/results/${o.results.T_K}`, {
        value: '4,9',
        expectedVersion: 1,
        commentCodes: ['CONTROLE_FAIT'],
      });
      expect(corrected.statusCode, corrected.body).toBe(200);
      const other = await bench.put(`/api/results/${o.results.T_GLU}`, {
        value: '5,1',
        expectedVersion: 0,
        commentCodes: ['CONTROLE_FAIT'],
      });
      expect(other.json()).toMatchObject({ code: 'SIL_RESULT_COMMENT_CODE_UNKNOWN' });
    } finally {
      await t.db.database.query("UPDATE result_comment_code SET active = true WHERE code = 'CONTROLE_FAIT'");
    }
  });

  it('refuses an unknown coded comment on an amendment, keeping the validated version', async () => {
    const o = await order(woman, ['T_GLY']);
    expect((await enter(o.results.T_GLU, '5,0')).statusCode).toBe(200);
    await bench.post('/api/results/validate-technical', { specimenBarcode: o.barcode });
    const validated = await biologist.post(`/api/validation/orders/${o.orderId}/validate`, {
      resultIds: [o.results.T_GLU],
    });
    expect(validated.statusCode, validated.body).toBe(200);
    const before = await countRows(t.db.database, 'result_version');
    const bad = await biologist.post(`/api/results/${o.results.T_GLU}/amend`, {
      value: '5,5',
      reason: 'Erreur de saisie',
      commentCodes: ['NOT_A_CODE'],
    });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'SIL_RESULT_COMMENT_CODE_UNKNOWN', detail: 'NOT_A_CODE' });
    expect(await countRows(t.db.database, 'result_version')).toBe(before);
    const good = await biologist.post(`/api/results/${o.results.T_GLU}/amend`, {
      value: '5,5',
      reason: 'Erreur de saisie',
      commentCodes: ['DILUTION'],
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ result: { version: 2, commentCodes: ['DILUTION'] } });
  });

  it('computes the delta against the patient’s previous validated result of an earlier order', async () => {
    const earlier = await order(woman, ['T_CREA'], { collectedAt: daysAgo(20) });
    expect((await enter(earlier.results.T_CREA, '70')).statusCode).toBe(200);
    await bench.post('/api/results/validate-technical', { specimenBarcode: earlier.barcode });
    const validated = await biologist.post(`/api/validation/orders/${earlier.orderId}/validate`, {
      resultIds: [earlier.results.T_CREA, earlier.results.T_DFG],
    });
    expect(validated.statusCode, validated.body).toBe(200);

    const now = await order(woman, ['T_CREA']);
    const res = await enter(now.results.T_CREA, '130');
    const { result } = res.json<EntryAnswer>();
    expect(result.delta).toMatchObject({ previousValue: 70, delta: 60, exceeded: true });
    expect(result.previous).toMatchObject({ value: '70' });
    expect(result.previous?.collectedAt).toBe(earlier.collectedAt.toISOString());
  });

  it('lists the bench worklist by section, urgent first, with the interval for the patient', async () => {
    const routine = await order(man, ['T_NFS'], { collectedAt: daysAgo(1) });
    const urgent = await order(woman, ['T_NFS'], { urgency: 'urgent' });
    const res = await bench.get('/api/worklists?section=hematologie&limit=500');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      specimens: {
        barcode: string;
        urgency: string;
        patient: { sex: string; ageDaysAtCollection: number };
        results: { resultId: string; analyteCode: string; unit: string; interval: { display: string } | null }[];
      }[];
    }>();
    const barcodes = body.specimens.map((s) => s.barcode);
    expect(barcodes).toContain(routine.barcode);
    expect(barcodes.indexOf(urgent.barcode)).toBeLessThan(barcodes.indexOf(routine.barcode));
    expect(body.specimens.every((s) => s.results.every((r) => r.analyteCode === 'T_HB'))).toBe(true);
    const hers = body.specimens.find((s) => s.barcode === urgent.barcode);
    expect(hers?.results[0]).toMatchObject({ unit: 'g/L', interval: { display: '120 – 160' } });
    const biochemistry = await bench.get('/api/worklists?section=biochimie&limit=500');
    expect(biochemistry.json<{ specimens: { barcode: string }[] }>().specimens.map((s) => s.barcode)).not.toContain(
      urgent.barcode
    );
  });

  it('writes one audit event per entry, naming the patient', async () => {
    const o = await order(woman, ['T_GLY']);
    await enter(o.results.T_GLU, '4,8');
    const [event] = await t.db.database.query<{ action: string; patient_id: string; actor_id: string }>(
      `SELECT action, patient_id, actor_id FROM audit_event WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [o.results.T_GLU]
    );
    expect(event).toEqual({ action: 'result.entered', patient_id: woman, actor_id: bench.userId });
  });
});

function ageInYears(birthDate: string, at: Date): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const paris = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at).split('-').map(Number);
  const [y, m, d] = paris as [number, number, number];
  return y - year - (m < month || (m === month && d < day) ? 1 : 0);
}
