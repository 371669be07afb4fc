/**
 * Test rows for the results tests, built with SQL: a small catalogue of `T_` analytes whose
 * intervals exercise sex, neonatal bands, critical limits, delta rules, coded lists and formulas,
 * and orders with one received tube and their pending results (as the orders feature creates them).
 * Codes are prefixed `T_` so they never collide with the starter catalogue seeded at first start.
 */
import type { Database } from '../../db/database.js';

const adultDays = 6574; // 18 years (core/lab ageBandDays({ years: 18 }))
const source = 'Jeu de test Sillage (valeurs de démonstration, non cliniques)';

interface TestAnalyte {
  code: string;
  label: string;
  resultType: 'numeric' | 'coded' | 'text';
  unit: string | null;
  conventionalUnit?: string;
  conventionalFactor?: number;
  decimals: number;
  intervals?: object[];
  criticalLow?: number;
  criticalHigh?: number;
  deltaRule?: object;
  formula?: object;
  codedValues?: object[];
}

const interval = (
  sex: 'M' | 'F' | null,
  ageMinDays: number,
  ageMaxDays: number | null,
  low: number | null,
  high: number | null
) => ({
  sex,
  ageMinDays,
  ageMaxDays,
  low,
  high,
  source,
});

export const testAnalytes = [
  {
    code: 'T_HB',
    label: 'Hémoglobine',
    resultType: 'numeric',
    unit: 'g/L',
    decimals: 0,
    intervals: [
      interval('M', adultDays, null, 130, 170),
      interval('F', adultDays, null, 120, 160),
      // Neonates (days 0–7): a higher interval, for both sexes.
      interval(null, 0, 8, 140, 220),
    ],
    criticalLow: 60,
    criticalHigh: 230,
  },
  {
    code: 'T_GLU',
    label: 'Glucose',
    resultType: 'numeric',
    unit: 'mmol/L',
    conventionalUnit: 'g/L',
    conventionalFactor: 0.18016,
    decimals: 2,
    intervals: [interval(null, 0, null, 3.9, 5.8)],
    criticalLow: 2.2,
    criticalHigh: 25,
  },
  {
    code: 'T_CREA',
    label: 'Créatinine',
    resultType: 'numeric',
    unit: 'umol/L',
    decimals: 0,
    intervals: [interval('M', adultDays, null, 59, 104), interval('F', adultDays, null, 45, 84)],
    criticalHigh: 800,
    deltaRule: { kind: 'absolute', threshold: 50, maxAgeDays: 365 },
  },
  {
    code: 'T_DFG',
    label: 'DFG estimé (CKD-EPI)',
    resultType: 'numeric',
    unit: 'mL/min/{1.73_m2}',
    decimals: 0,
    intervals: [interval(null, adultDays, null, 90, null)],
    // The catalogue's spelling (underscores) on purpose: the binding accepts it.
    formula: { id: 'ckd_epi_2009', inputs: { creatinine: 'T_CREA' } },
  },
  {
    code: 'T_K',
    label: 'Potassium',
    resultType: 'numeric',
    unit: 'mmol/L',
    decimals: 1,
    intervals: [interval(null, 0, null, 3.5, 5.1)],
    criticalLow: 2.5,
    criticalHigh: 6.5,
  },
  {
    code: 'T_ABO',
    label: 'Groupe ABO',
    resultType: 'coded',
    unit: null,
    decimals: 0,
    codedValues: [
      { code: 'A', label: 'A', abnormal: false },
      { code: 'B', label: 'B', abnormal: false },
      { code: 'AB', label: 'AB', abnormal: false },
      { code: 'O', label: 'O', abnormal: false },
    ],
  },
  {
    code: 'T_RAI',
    label: 'Recherche d’agglutinines irrégulières',
    resultType: 'coded',
    unit: null,
    decimals: 0,
    codedValues: [
      { code: 'NEG', label: 'Négative', abnormal: false },
      { code: 'POS', label: 'Positive', abnormal: true },
    ],
  },
  { code: 'T_ECBU', label: 'Examen cytobactériologique des urines', resultType: 'text', unit: null, decimals: 0 },
  {
    code: 'T_CHOL',
    label: 'Cholestérol total',
    resultType: 'numeric',
    unit: 'mmol/L',
    conventionalUnit: 'g/L',
    conventionalFactor: 0.38665,
    decimals: 2,
    intervals: [interval(null, 0, null, null, 5.2)],
  },
  {
    code: 'T_HDL',
    label: 'HDL-cholestérol',
    resultType: 'numeric',
    unit: 'mmol/L',
    conventionalUnit: 'g/L',
    conventionalFactor: 0.38665,
    decimals: 2,
    intervals: [interval(null, 0, null, 1.0, null)],
  },
  {
    code: 'T_TG',
    label: 'Triglycérides',
    resultType: 'numeric',
    unit: 'mmol/L',
    conventionalUnit: 'g/L',
    conventionalFactor: 0.8857,
    decimals: 2,
    intervals: [interval(null, 0, null, null, 1.7)],
  },
  {
    code: 'T_LDL',
    label: 'LDL-cholestérol calculé (Friedewald)',
    resultType: 'numeric',
    unit: 'mmol/L',
    conventionalUnit: 'g/L',
    conventionalFactor: 0.38665,
    decimals: 2,
    intervals: [interval(null, 0, null, null, 3.0)],
    formula: {
      id: 'ldl-friedewald',
      inputs: { totalCholesterol: 'T_CHOL', hdlCholesterol: 'T_HDL', triglycerides: 'T_TG' },
    },
  },
] as const satisfies readonly TestAnalyte[];
export type TestAnalyteCode = (typeof testAnalytes)[number]['code'];

export const testAnalyses = [
  { code: 'T_NFS', section: 'hematologie', analytes: ['T_HB'] },
  { code: 'T_GLY', section: 'biochimie', analytes: ['T_GLU'] },
  { code: 'T_CREA', section: 'biochimie', analytes: ['T_CREA', 'T_DFG'] },
  { code: 'T_K', section: 'biochimie', analytes: ['T_K'] },
  { code: 'T_ABO', section: 'immunohematologie', analytes: ['T_ABO', 'T_RAI'] },
  { code: 'T_ECBU', section: 'microbiologie', analytes: ['T_ECBU'] },
  { code: 'T_EAL', section: 'biochimie', analytes: ['T_CHOL', 'T_HDL', 'T_TG', 'T_LDL'] },
] as const;
export type TestAnalysisCode = (typeof testAnalyses)[number]['code'];

export interface TestCatalogue {
  analyteIds: Map<string, string>;
  analysisIds: Map<string, string>;
}

export async function seedTestCatalogue(db: Database): Promise<TestCatalogue> {
  await db.query(
    `INSERT INTO container (code, label, colour, colour_hex, capacity_ml, specimen_type, additive, draw_order)
     VALUES ('T_TUBE', 'Tube de test', 'jaune', '#ffd700', 5, 'sérum', NULL, 5) ON CONFLICT (code) DO NOTHING`
  );
  const analyteIds = new Map<string, string>();
  for (const analyte of testAnalytes as readonly TestAnalyte[]) {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO analyte (code, version, label, chapter, result_type, unit_ucum, unit_conventional, conventional_factor,
         decimals, coded_values, critical_low, critical_high, delta_rule, formula, reference_intervals)
       VALUES ($1, 1, $2, 'Test', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        analyte.code,
        analyte.label,
        analyte.resultType,
        analyte.unit,
        analyte.conventionalUnit ?? null,
        analyte.conventionalFactor ?? null,
        analyte.decimals,
        analyte.codedValues === undefined ? null : JSON.stringify(analyte.codedValues),
        analyte.criticalLow ?? null,
        analyte.criticalHigh ?? null,
        analyte.deltaRule === undefined ? null : JSON.stringify(analyte.deltaRule),
        analyte.formula === undefined ? null : JSON.stringify(analyte.formula),
        JSON.stringify(analyte.intervals ?? []),
      ]
    );
    analyteIds.set(analyte.code, (row as { id: string }).id);
  }
  const analysisIds = new Map<string, string>();
  for (const analysis of testAnalyses) {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO analysis (code, version, mnemonic, label, chapter, section, container_code, volume_ml, analyte_codes)
       VALUES ($1, 1, $1, $1, 'Test', $2, 'T_TUBE', 1, $3) RETURNING id`,
      [analysis.code, analysis.section, analysis.analytes]
    );
    analysisIds.set(analysis.code, (row as { id: string }).id);
  }
  return { analyteIds, analysisIds };
}

let sequence = 0;

function nextSequence(): number {
  sequence++;
  return sequence;
}

export async function insertTestPatient(
  db: Database,
  traits: { birthName: string; firstName: string; birthDate: string; sex: 'F' | 'M' | 'I' }
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO patient (patient_number, birth_name, birth_first_names, first_first_name, birth_date, sex,
       birth_name_key, first_name_key, birth_name_phonetic, first_name_phonetic)
     VALUES ('P' || lpad(nextval('patient_number_seq')::text, 8, '0'), $1, $2, $2, $3, $4, lower($1), lower($2),
       upper($1), upper($2))
     RETURNING id`,
    [traits.birthName, traits.firstName, traits.birthDate, traits.sex]
  );
  return (row as { id: string }).id;
}

export interface TestOrder {
  orderId: string;
  orderNumber: string;
  specimenId: string;
  barcode: string;
  collectedAt: Date;
  /** Result id by analyte code (only the analytes of the analyses ordered are present). */
  results: Record<TestAnalyteCode, string>;
}

export interface TestOrderOptions {
  urgency?: 'routine' | 'urgent' | 'vital';
  collectedAt?: Date;
  specimenStatus?: 'collected' | 'received' | 'rejected';
}

export async function createTestOrder(
  db: Database,
  catalogue: TestCatalogue,
  options: TestOrderOptions & { patientId: string; analyses: readonly TestAnalysisCode[] }
): Promise<TestOrder> {
  const n = nextSequence();
  const orderNumber = `T${process.pid}${String(n).padStart(5, '0')}`;
  const urgency = options.urgency ?? 'routine';
  const collectedAt = options.collectedAt ?? new Date(Date.now() - 3_600_000);
  const status = options.specimenStatus ?? 'received';
  const [order] = await db.query<{ id: string }>(
    `INSERT INTO lab_order (order_number, patient_id, urgency, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
    [orderNumber, options.patientId, urgency, collectedAt]
  );
  const orderId = (order as { id: string }).id;
  const barcode = `${orderNumber}01`;
  const [specimen] = await db.query<{ id: string }>(
    `INSERT INTO specimen (order_id, barcode, container_code, volume_ml, status, collected_at, received_at,
       rejection_reason)
     VALUES ($1, $2, 'T_TUBE', 5, $3, $4, $5, $6) RETURNING id`,
    [
      orderId,
      barcode,
      status,
      collectedAt,
      status === 'collected' ? null : new Date(collectedAt.getTime() + 1_800_000),
      status === 'rejected' ? 'HEMOLYSE' : null,
    ]
  );
  const specimenId = (specimen as { id: string }).id;
  const results: Partial<Record<TestAnalyteCode, string>> = {};
  for (const [position, code] of options.analyses.entries()) {
    const analysis = testAnalyses.find((a) => a.code === code);
    const analysisId = catalogue.analysisIds.get(code);
    if (analysis === undefined || analysisId === undefined) {
      throw new Error(`unknown test analysis ${code}`);
    }
    const [orderAnalysis] = await db.query<{ id: string }>(
      'INSERT INTO order_analysis (order_id, analysis_id, position) VALUES ($1, $2, $3) RETURNING id',
      [orderId, analysisId, position]
    );
    const orderAnalysisId = (orderAnalysis as { id: string }).id;
    await db.query('INSERT INTO specimen_analysis (specimen_id, order_analysis_id) VALUES ($1, $2)', [
      specimenId,
      orderAnalysisId,
    ]);
    for (const analyteCode of analysis.analytes) {
      const [result] = await db.query<{ id: string }>(
        `INSERT INTO result (order_id, order_analysis_id, specimen_id, patient_id, analyte_id, analyte_code, urgent)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          orderId,
          orderAnalysisId,
          specimenId,
          options.patientId,
          catalogue.analyteIds.get(analyteCode) ?? '',
          analyteCode,
          urgency !== 'routine',
        ]
      );
      results[analyteCode] = (result as { id: string }).id;
    }
  }
  return {
    orderId,
    orderNumber,
    specimenId,
    barcode,
    collectedAt,
    results: results as Record<TestAnalyteCode, string>,
  };
}

export async function countRows(db: Database, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return Number(row?.n);
}
