/**
 * Test data for the reports and FHIR suites, written straight into the 0003 tables (the reports
 * feature reads them directly): a small catalogue with `T_` codes (never clashing with the seeded
 * one), patients, orders with a received tube, and result versions validated technically then
 * biologically as the results workflow records them (append-only versions and validation log).
 */
import { phoneticKey, searchKey } from '@sillage/core';
import type { Database } from '../../db/database.js';

export const testLabIdentity = {
  name: 'Laboratoire des Quais',
  address: '12 quai de la Fosse, 44000 Nantes',
  finess: '440000123',
};

interface TestAnalyte {
  code: string;
  label: string;
  loinc: string;
  chapter: string;
  resultType: 'numeric' | 'coded' | 'text';
  unit: string | null;
  decimals: number;
  codedValues?: { code: string; label: string; abnormal: boolean }[];
}

interface TestAnalysis {
  code: string;
  mnemonic: string;
  label: string;
  chapter: string;
  section: string;
  container: string;
  analytes: string[];
}

export const testAnalytes: TestAnalyte[] = [
  {
    code: 'T_CREA',
    label: 'Créatinine',
    loinc: '2160-0',
    chapter: 'Biochimie',
    resultType: 'numeric',
    unit: 'umol/L',
    decimals: 0,
  },
  {
    code: 'T_GLU',
    label: 'Glucose',
    loinc: '14749-6',
    chapter: 'Biochimie',
    resultType: 'numeric',
    unit: 'mmol/L',
    decimals: 2,
  },
  {
    code: 'T_CRP',
    label: 'Protéine C réactive',
    loinc: '1988-5',
    chapter: 'Biochimie',
    resultType: 'numeric',
    unit: 'mg/L',
    decimals: 1,
  },
  {
    code: 'T_HDL',
    label: 'Cholestérol HDL',
    loinc: '14646-4',
    chapter: 'Biochimie',
    resultType: 'numeric',
    unit: 'mmol/L',
    decimals: 2,
  },
  {
    code: 'T_K',
    label: 'Potassium',
    loinc: '2823-3',
    chapter: 'Biochimie',
    resultType: 'numeric',
    unit: 'mmol/L',
    decimals: 1,
  },
  {
    code: 'T_HB',
    label: 'Hémoglobine',
    loinc: '718-7',
    chapter: 'Hématologie',
    resultType: 'numeric',
    unit: 'g/dL',
    decimals: 1,
  },
  {
    code: 'T_WBC',
    label: 'Leucocytes',
    loinc: '6690-2',
    chapter: 'Hématologie',
    resultType: 'numeric',
    unit: '10*9/L',
    decimals: 1,
  },
  {
    code: 'T_ABO',
    label: 'Groupe ABO',
    loinc: '883-9',
    chapter: 'Immuno-hématologie',
    resultType: 'coded',
    unit: null,
    decimals: 0,
    codedValues: [
      { code: 'A', label: 'Groupe A', abnormal: false },
      { code: 'O', label: 'Groupe O', abnormal: false },
    ],
  },
];

export const testAnalyses: TestAnalysis[] = [
  {
    code: 'T_CREA',
    mnemonic: 'TCREA',
    label: 'Créatininémie',
    chapter: 'Biochimie',
    section: 'biochimie',
    container: 'T_SST',
    analytes: ['T_CREA'],
  },
  {
    code: 'T_GLY',
    mnemonic: 'TGLY',
    label: 'Glycémie',
    chapter: 'Biochimie',
    section: 'biochimie',
    container: 'T_SST',
    analytes: ['T_GLU'],
  },
  {
    code: 'T_CRP',
    mnemonic: 'TCRP',
    label: 'CRP',
    chapter: 'Biochimie',
    section: 'biochimie',
    container: 'T_SST',
    analytes: ['T_CRP'],
  },
  {
    code: 'T_HDL',
    mnemonic: 'THDL',
    label: 'Cholestérol HDL',
    chapter: 'Biochimie',
    section: 'biochimie',
    container: 'T_SST',
    analytes: ['T_HDL'],
  },
  {
    code: 'T_K',
    mnemonic: 'TK',
    label: 'Kaliémie',
    chapter: 'Biochimie',
    section: 'biochimie',
    container: 'T_SST',
    analytes: ['T_K'],
  },
  {
    code: 'T_NFS',
    mnemonic: 'TNFS',
    label: 'Hémogramme',
    chapter: 'Hématologie',
    section: 'hematologie',
    container: 'T_EDTA',
    analytes: ['T_HB', 'T_WBC'],
  },
  {
    code: 'T_ABO',
    mnemonic: 'TABO',
    label: 'Groupage ABO',
    chapter: 'Immuno-hématologie',
    section: 'ih',
    container: 'T_EDTA',
    analytes: ['T_ABO'],
  },
];

export async function seedTestCatalogue(db: Database): Promise<void> {
  await db.query('UPDATE lab SET name = $1, address = $2, finess = $3 WHERE id = 1', [
    testLabIdentity.name,
    testLabIdentity.address,
    testLabIdentity.finess,
  ]);
  await db.query(
    `INSERT INTO container (code, label, colour, colour_hex, capacity_ml, specimen_type, draw_order) VALUES
       ('T_SST', 'Tube sec avec gel', 'jaune', '#f2c500', 5, 'sérum', 5),
       ('T_EDTA', 'Tube EDTA', 'violet', '#7b3fa0', 4, 'sang total EDTA', 7)
     ON CONFLICT (code) DO NOTHING`
  );
  for (const a of testAnalytes) {
    await db.query(
      `INSERT INTO analyte (code, version, label, loinc, chapter, result_type, unit_ucum, decimals, coded_values)
       VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [
        a.code,
        a.label,
        a.loinc,
        a.chapter,
        a.resultType,
        a.unit,
        a.decimals,
        a.codedValues === undefined ? null : JSON.stringify(a.codedValues),
      ]
    );
  }
  for (const a of testAnalyses) {
    await db.query(
      `INSERT INTO analysis (code, version, mnemonic, label, nabm_codes, chapter, section, container_code, volume_ml,
         analyte_codes)
       VALUES ($1, 1, $2, $3, '{}', $4, $5, $6, 1, $7) ON CONFLICT DO NOTHING`,
      [a.code, a.mnemonic, a.label, a.chapter, a.section, a.container, a.analytes]
    );
  }
}

export interface TestPatientTraits {
  birthName: string;
  usedName?: string | null;
  birthFirstNames: string;
  birthDate: string;
  sex: 'F' | 'M' | 'I';
  ins?: { number: string; kind: 'NIR' | 'NIA'; oid: string } | null;
  identityStatus?: 'PROV' | 'RECUP' | 'VALI' | 'QUAL';
}

export async function insertTestPatient(db: Database, traits: TestPatientTraits): Promise<string> {
  const first = traits.birthFirstNames.split(' ')[0] ?? traits.birthFirstNames;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO patient (patient_number, birth_name, used_name, birth_first_names, first_first_name, birth_date, sex,
       ins_number, ins_kind, ins_oid, identity_status, birth_name_key, used_name_key, first_name_key,
       birth_name_phonetic, first_name_phonetic)
     VALUES ('P' || lpad(nextval('patient_number_seq')::text, 8, '0'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
       $11, $12, $13, $14, $15)
     RETURNING id`,
    [
      traits.birthName,
      traits.usedName ?? null,
      traits.birthFirstNames,
      first,
      traits.birthDate,
      traits.sex,
      traits.ins?.number ?? null,
      traits.ins?.kind ?? null,
      traits.ins?.oid ?? null,
      traits.identityStatus ?? 'PROV',
      searchKey(traits.birthName),
      traits.usedName === undefined || traits.usedName === null ? null : searchKey(traits.usedName),
      searchKey(first),
      phoneticKey(traits.birthName),
      phoneticKey(first),
    ]
  );
  return (row as { id: string }).id;
}

export interface TestOrder {
  orderId: string;
  orderNumber: string;
  specimenIds: Record<string, string>;
  resultIds: Record<string, string>;
  orderAnalysisIds: Record<string, string>;
}

let orderCounter = 0;

/**
 * An order for the patient with the given analyses, one received tube per container, and a
 * pending result per analyte (as the orders workflow creates them).
 */
export async function insertTestOrder(
  db: Database,
  options: { patientId: string; analyses: string[]; collectedAt: string; receivedAt?: string; prescriber?: boolean }
): Promise<TestOrder> {
  orderCounter++;
  const orderNumber = `T${process.pid}-${orderCounter}`;
  const [site] = await db.query<{ id: string }>("SELECT id FROM site WHERE code = 'PRINCIPAL'");
  let prescriberId: string | null = null;
  if (options.prescriber !== false) {
    const [prescriber] = await db.query<{ id: string }>(
      `INSERT INTO prescriber (rpps, last_name, first_name, specialty, address)
       VALUES (lpad((floor(random() * 1e11))::bigint::text, 11, '0'), 'ROUSSEAU', 'Jeanne', 'Médecine générale',
         '3 rue Kervégan, 44000 Nantes') RETURNING id`
    );
    prescriberId = (prescriber as { id: string }).id;
  }
  const [order] = await db.query<{ id: string }>(
    `INSERT INTO lab_order (order_number, patient_id, prescriber_id, site_id, prescription_date, created_at)
     VALUES ($1, $2, $3, $4, ($5::timestamptz)::date, $5) RETURNING id`,
    [orderNumber, options.patientId, prescriberId, site?.id ?? null, options.collectedAt]
  );
  const orderId = (order as { id: string }).id;
  const result: TestOrder = { orderId, orderNumber, specimenIds: {}, resultIds: {}, orderAnalysisIds: {} };
  let position = 0;
  for (const code of options.analyses) {
    const analysis = testAnalyses.find((a) => a.code === code);
    if (analysis === undefined) {
      throw new Error(`unknown test analysis ${code}`);
    }
    const [oa] = await db.query<{ id: string }>(
      `INSERT INTO order_analysis (order_id, analysis_id, position)
       SELECT $1, id, $2 FROM analysis WHERE code = $3 AND valid_to IS NULL RETURNING id`,
      [orderId, ++position, code]
    );
    const orderAnalysisId = (oa as { id: string }).id;
    result.orderAnalysisIds[code] = orderAnalysisId;
    let specimenId = result.specimenIds[analysis.container];
    if (specimenId === undefined) {
      const [specimen] = await db.query<{ id: string }>(
        `INSERT INTO specimen (order_id, barcode, container_code, volume_ml, status, collected_at, received_at)
         VALUES ($1, $2, $3, 4, 'received', $4, $5) RETURNING id`,
        [
          orderId,
          `${orderNumber}-${analysis.container}`,
          analysis.container,
          options.collectedAt,
          options.receivedAt ?? options.collectedAt,
        ]
      );
      specimenId = (specimen as { id: string }).id;
      result.specimenIds[analysis.container] = specimenId;
    }
    await db.query('INSERT INTO specimen_analysis (specimen_id, order_analysis_id) VALUES ($1, $2)', [
      specimenId,
      orderAnalysisId,
    ]);
    for (const analyteCode of analysis.analytes) {
      const [res] = await db.query<{ id: string }>(
        `INSERT INTO result (order_id, order_analysis_id, specimen_id, patient_id, analyte_id, analyte_code)
         SELECT $1, $2, $3, $4, id, code FROM analyte WHERE code = $5 AND valid_to IS NULL RETURNING id`,
        [orderId, orderAnalysisId, specimenId, options.patientId, analyteCode]
      );
      result.resultIds[analyteCode] = (res as { id: string }).id;
    }
  }
  return result;
}

export interface TestValue {
  numeric?: string;
  code?: string;
  text?: string;
  qualifier?: '<' | '>' | '<=' | '>=';
  unit?: string | null;
  flag?: 'N' | 'L' | 'H' | 'LL' | 'HH' | 'A' | null;
  critical?: boolean;
  reference?: { low?: number | null; high?: number | null; text?: string } | null;
  comment?: string | null;
  /** Coded comments (`result_version.comment_codes`). */
  commentCodes?: string[];
  amendmentReason?: string | null;
}

/**
 * Records a new version of a result, validated technically by `technicianId` and — unless
 * `biologistId` is null — biologically by `biologistId`. A version after a validated one is a
 * correction (validation log `correction`, with its reason).
 */
export async function recordValidatedValue(
  db: Database,
  resultId: string,
  value: TestValue,
  actors: { technicianId: string; biologistId: string | null; at?: string }
): Promise<number> {
  const at = actors.at ?? new Date().toISOString();
  const [current] = await db.query<{ current_version: number; unit_ucum: string | null }>(
    'SELECT r.current_version, a.unit_ucum FROM result r JOIN analyte a ON a.id = r.analyte_id WHERE r.id = $1',
    [resultId]
  );
  const version = (current?.current_version ?? 0) + 1;
  await db.query(
    `INSERT INTO result_version (result_id, version, value_numeric, value_text, value_code, qualifier, unit, flag,
       critical, reference, comment, entered_by, entered_at, amendment_reason, comment_codes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      resultId,
      version,
      value.numeric ?? null,
      value.text ?? null,
      value.code ?? null,
      value.qualifier ?? null,
      value.unit === undefined ? (current?.unit_ucum ?? null) : value.unit,
      value.flag ?? null,
      value.critical ?? false,
      value.reference === undefined || value.reference === null ? null : JSON.stringify(value.reference),
      value.comment ?? null,
      actors.technicianId,
      at,
      value.amendmentReason ?? null,
      value.commentCodes ?? [],
    ]
  );
  if (version > 1) {
    await db.query(
      `INSERT INTO validation_event (result_id, result_version, kind, actor_id, occurred_at, reason)
       VALUES ($1, $2, 'correction', $3, $4, $5)`,
      [resultId, version, actors.biologistId ?? actors.technicianId, at, value.amendmentReason ?? null]
    );
  }
  await db.query(
    `INSERT INTO validation_event (result_id, result_version, kind, actor_id, occurred_at)
     VALUES ($1, $2, 'technical', $3, $4)`,
    [resultId, version, actors.technicianId, at]
  );
  let status = 'technically_validated';
  if (actors.biologistId !== null) {
    await db.query(
      `INSERT INTO validation_event (result_id, result_version, kind, actor_id, occurred_at)
       VALUES ($1, $2, 'biological', $3, $4)`,
      [resultId, version, actors.biologistId, at]
    );
    status = 'biologically_validated';
  }
  await db.query('UPDATE result SET status = $2, current_version = $3, critical = $4, updated_at = $5 WHERE id = $1', [
    resultId,
    status,
    version,
    value.critical ?? false,
    at,
  ]);
  return version;
}

export async function countRows(db: Database, table: 'report' | 'report_delivery' | 'audit_event'): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row?.n ?? 0;
}
