import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { starterAnalyses, starterAnalytes, starterContainers } from './starter-catalogue.js';
import { toAnalysisDefinition } from './catalogue-definitions.js';
import { validateAnalyte, validateAnalysis } from './catalogue-validation.js';
import { isValidLoincCode as isValidLoinc } from './loinc-code.js';

describe('LOINC check digit', () => {
  it.each([
    ['718-7', true], // hémoglobine (fixtures/france/loinc-fr)
    ['14749-6', true], // glucose
    ['2160-0', true], // créatinine (DMLaboratory value set)
    ['62238-1', true], // DFG CKD-EPI
    ['718-8', false],
    ['14749-5', false],
    ['12345678-0', false],
    ['7187', false],
  ])('%s → %s', (code, valid) => {
    expect(isValidLoinc(code)).toBe(valid);
  });
});

describe('starter catalogue data', () => {
  const analyteCodes = new Set(starterAnalytes.map((a) => a.code));
  const containerCodes = new Set(starterContainers.map((c) => c.code));
  const capacities = new Map(starterContainers.map((c) => [c.code, c.capacityMl]));

  it('has at least 40 orderable analyses and 80 analytes, codes unique', () => {
    expect(starterAnalyses.filter((a) => a.orderable).length).toBeGreaterThanOrEqual(40);
    expect(starterAnalytes.length).toBeGreaterThanOrEqual(80);
    expect(analyteCodes.size).toBe(starterAnalytes.length);
    expect(new Set(starterAnalyses.map((a) => a.code)).size).toBe(starterAnalyses.length);
    expect(new Set(starterAnalyses.map((a) => a.mnemonic)).size).toBe(starterAnalyses.length);
  });

  it('every analyte of every analysis exists, every container exists', () => {
    for (const analysis of starterAnalyses) {
      expect(containerCodes.has(analysis.containerCode), analysis.code).toBe(true);
      for (const code of analysis.analyteCodes) {
        expect(analyteCodes.has(code), `${analysis.code} → ${code}`).toBe(true);
      }
    }
  });

  it('every analyte is in at least one analysis', () => {
    const used = new Set(starterAnalyses.flatMap((a) => a.analyteCodes));
    expect(starterAnalytes.filter((a) => !used.has(a.code)).map((a) => a.code)).toEqual([]);
  });

  it('every reference interval cites a source', () => {
    for (const analyte of starterAnalytes) {
      for (const interval of analyte.referenceIntervals) {
        expect(interval.source.trim().length, analyte.code).toBeGreaterThan(10);
      }
    }
  });

  it('every LOINC code is well formed with a valid mod-10 check digit', () => {
    for (const analyte of starterAnalytes) {
      if (analyte.loinc !== null) {
        expect(isValidLoinc(analyte.loinc), `${analyte.code} ${analyte.loinc}`).toBe(true);
      }
    }
    expect(starterAnalytes.filter((a) => a.loinc === null).length).toBeLessThanOrEqual(2);
  });

  it('every NABM code has 4 digits and a positive B coefficient', () => {
    for (const analysis of starterAnalyses) {
      expect(analysis.nabm.length, analysis.code).toBeGreaterThan(0);
      for (const act of analysis.nabm) {
        expect(act.code).toMatch(/^\d{4}$/);
        expect(act.coefficient).toBeGreaterThan(0);
      }
    }
  });

  it('passes the catalogue editor validation (intervals, coded lists, formulas, containers)', () => {
    for (const analyte of starterAnalytes) {
      expect(validateAnalyte(analyte, analyteCodes), analyte.code).toEqual([]);
    }
    for (const analysis of starterAnalyses) {
      expect(validateAnalysis(toAnalysisDefinition(analysis), analyteCodes, capacities), analysis.code).toEqual([]);
    }
  });

  it('covers the analyses issue 3 lists', () => {
    const mnemonics = new Set(starterAnalyses.map((a) => a.mnemonic));
    for (const mnemonic of ['NFS', 'PLAQ', 'VS', 'CRP', 'GLY', 'HBA1C', 'UREE', 'CREA', 'IONO', 'CA', 'CAC']) {
      expect(mnemonics.has(mnemonic), mnemonic).toBe(true);
    }
    for (const mnemonic of ['PHOS', 'MG', 'URIC', 'BH', 'EAL', 'LDLD', 'PROT', 'ALB', 'TSH', 'T4L', 'FERRI']) {
      expect(mnemonics.has(mnemonic), mnemonic).toBe(true);
    }
    for (const mnemonic of ['FER', 'B12', 'FOL', 'PSA', 'HCG', 'TP', 'TCA', 'FIB', 'DDI', 'GRP', 'RAI', 'VITD']) {
      expect(mnemonics.has(mnemonic), mnemonic).toBe(true);
    }
    expect(mnemonics.has('ECBU')).toBe(true);
    const calculated = starterAnalytes.filter((a) => a.formula !== null).map((a) => a.formula?.id);
    expect(calculated.sort()).toEqual(
      ['calcium-corrected-albumin', 'ckd-epi-2009', 'ldl-friedewald', 'transferrin-saturation'].sort()
    );
    const codedAnalytes = starterAnalytes.filter((a) => a.resultType === 'coded').map((a) => a.code);
    expect(codedAnalytes).toEqual(expect.arrayContaining(['GROUPE_ABO', 'RHD', 'RAI']));
  });

  it('has paediatric bands for haemoglobin, platelets, ALP and creatinine', () => {
    for (const code of ['HEMOGLOBINE', 'PLAQUETTES', 'PAL', 'CREATININE']) {
      const analyte = starterAnalytes.find((a) => a.code === code);
      expect(
        analyte?.referenceIntervals.some((i) => i.ageMinDays === 0),
        code
      ).toBe(true);
    }
  });

  it('lists containers in CLSI GP41 order: citrate before serum, heparin, EDTA, fluoride', () => {
    const order = (code: string) => starterContainers.find((c) => c.code === code)?.drawOrder ?? Infinity;
    expect(order('CITRATE')).toBeLessThan(order('SEC_GEL'));
    expect(order('SEC_GEL')).toBeLessThan(order('HEPARINE'));
    expect(order('HEPARINE')).toBeLessThan(order('EDTA'));
    expect(order('EDTA')).toBeLessThan(order('FLUORURE'));
  });
});

describe('starter catalogue seeded at first start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('inserts containers, analytes and analyses as version 1', async () => {
    const [counts] = await t.db.database.query<{ containers: number; analytes: number; analyses: number }>(
      `SELECT (SELECT count(*)::int FROM container) AS containers,
              (SELECT count(*)::int FROM analyte WHERE version = 1 AND valid_to IS NULL) AS analytes,
              (SELECT count(*)::int FROM analysis WHERE version = 1 AND valid_to IS NULL AND orderable) AS analyses`
    );
    expect(counts).toEqual({
      containers: starterContainers.length,
      analytes: starterAnalytes.length,
      analyses: starterAnalyses.length,
    });
    const [nfs] = await t.db.database.query<{ nabm_codes: string[]; analyte_codes: string[] }>(
      "SELECT nabm_codes, analyte_codes FROM analysis WHERE code = 'NFS'"
    );
    expect(nfs?.nabm_codes).toEqual(['1104']);
    expect(nfs?.analyte_codes).toContain('NEUTROPHILES_PCT');
    const [fer] = await t.db.database.query<{ start: string; end: string }>(
      "SELECT time_window_start::text AS start, time_window_end::text AS end FROM analysis WHERE code = 'FER'"
    );
    expect(fer).toEqual({ start: '07:00:00', end: '10:00:00' });
    const [dfg] = await t.db.database.query<{ formula: unknown; reference_intervals: unknown[] }>(
      "SELECT formula, reference_intervals FROM analyte WHERE code = 'DFG_CKDEPI'"
    );
    expect(dfg?.formula).toEqual({ id: 'ckd-epi-2009', inputs: { creatinine: 'CREATININE' } });
    expect(dfg?.reference_intervals).toHaveLength(1);
  });
});
