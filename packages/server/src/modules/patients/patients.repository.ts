import type { Queryable, SqlParam } from '../../db/database.js';
import type { PatientSummary, PatientView } from './patients.schemas.js';

export interface PatientRow {
  id: string;
  patient_number: string;
  birth_name: string;
  used_name: string | null;
  birth_first_names: string;
  first_first_name: string;
  birth_date: string;
  sex: 'F' | 'M' | 'I';
  birthplace_insee: string | null;
  ins_number: string | null;
  ins_kind: 'NIR' | 'NIA' | null;
  ins_oid: string | null;
  identity_status: PatientView['identityStatus'];
  identity_document: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  merged_into_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** Everything the service stores for a patient, search keys included. */
export interface PatientRecord {
  birthName: string;
  usedName: string | null;
  birthFirstNames: string;
  firstFirstName: string;
  birthDate: string;
  sex: 'F' | 'M' | 'I';
  birthplaceInsee: string | null;
  insNumber: string | null;
  insKind: 'NIR' | 'NIA' | null;
  insOid: string | null;
  identityStatus: PatientView['identityStatus'];
  identityDocument: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  birthNameKey: string;
  usedNameKey: string | null;
  firstNameKey: string;
  birthNamePhonetic: string;
  usedNamePhonetic: string | null;
  firstNamePhonetic: string;
}

const columns = `id, patient_number, birth_name, used_name, birth_first_names, first_first_name, birth_date::text AS birth_date, sex,
  birthplace_insee, ins_number, ins_kind, ins_oid, identity_status, identity_document, phone, email, address,
  merged_into_id, version, created_at, updated_at`;

const summaryColumns = `id, patient_number, birth_name, used_name, first_first_name, birth_date::text AS birth_date, sex, identity_status, ins_number`;

export function toPatientView(row: PatientRow): PatientView {
  return {
    id: row.id,
    patientNumber: row.patient_number,
    birthName: row.birth_name,
    usedName: row.used_name,
    birthFirstNames: row.birth_first_names,
    firstFirstName: row.first_first_name,
    birthDate: row.birth_date,
    sex: row.sex,
    birthplaceInsee: row.birthplace_insee,
    ins:
      row.ins_number === null || row.ins_kind === null
        ? null
        : { number: row.ins_number, kind: row.ins_kind, oid: row.ins_oid ?? '' },
    identityStatus: row.identity_status,
    identityDocument: row.identity_document,
    phone: row.phone,
    email: row.email,
    address: row.address,
    mergedIntoId: row.merged_into_id,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    // RNIV: only a qualified identity (QUAL) may carry the INS outward (reports, exchanges).
    insShareable: row.identity_status === 'QUAL' && row.ins_number !== null,
  };
}

type SummaryRow = Pick<
  PatientRow,
  | 'id'
  | 'patient_number'
  | 'birth_name'
  | 'used_name'
  | 'first_first_name'
  | 'birth_date'
  | 'sex'
  | 'identity_status'
  | 'ins_number'
>;

function toSummary(row: SummaryRow): PatientSummary {
  return {
    id: row.id,
    patientNumber: row.patient_number,
    birthName: row.birth_name,
    usedName: row.used_name,
    firstFirstName: row.first_first_name,
    birthDate: row.birth_date,
    sex: row.sex,
    identityStatus: row.identity_status,
    insNumber: row.ins_number,
  };
}

export async function findPatient(db: Queryable, id: string, forUpdate = false): Promise<PatientRow | undefined> {
  const rows = await db.query<PatientRow>(
    `SELECT ${columns} FROM patient WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id]
  );
  return rows[0];
}

export async function nextPatientNumber(db: Queryable): Promise<string> {
  const [row] = await db.query<{ n: number }>("SELECT nextval('patient_number_seq') AS n");
  return `P${String((row as { n: number }).n).padStart(8, '0')}`;
}

const recordParams = (r: PatientRecord): SqlParam[] => [
  r.birthName,
  r.usedName,
  r.birthFirstNames,
  r.firstFirstName,
  r.birthDate,
  r.sex,
  r.birthplaceInsee,
  r.insNumber,
  r.insKind,
  r.insOid,
  r.identityStatus,
  r.identityDocument,
  r.phone,
  r.email,
  r.address,
  r.birthNameKey,
  r.usedNameKey,
  r.firstNameKey,
  r.birthNamePhonetic,
  r.usedNamePhonetic,
  r.firstNamePhonetic,
];

export async function insertPatient(
  db: Queryable,
  patientNumber: string,
  record: PatientRecord,
  siteId: string | null
): Promise<PatientRow> {
  const [row] = await db.query<PatientRow>(
    `INSERT INTO patient (birth_name, used_name, birth_first_names, first_first_name, birth_date, sex, birthplace_insee,
       ins_number, ins_kind, ins_oid, identity_status, identity_document, phone, email, address,
       birth_name_key, used_name_key, first_name_key, birth_name_phonetic, used_name_phonetic, first_name_phonetic,
       patient_number, created_site_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
     RETURNING ${columns}`,
    [...recordParams(record), patientNumber, siteId]
  );
  return row as PatientRow;
}

export async function updatePatient(db: Queryable, id: string, record: PatientRecord): Promise<PatientRow> {
  const [row] = await db.query<PatientRow>(
    `UPDATE patient SET birth_name = $1, used_name = $2, birth_first_names = $3, first_first_name = $4, birth_date = $5,
       sex = $6, birthplace_insee = $7, ins_number = $8, ins_kind = $9, ins_oid = $10, identity_status = $11,
       identity_document = $12, phone = $13, email = $14, address = $15, birth_name_key = $16, used_name_key = $17,
       first_name_key = $18, birth_name_phonetic = $19, used_name_phonetic = $20, first_name_phonetic = $21,
       version = version + 1, updated_at = now()
     WHERE id = $22 RETURNING ${columns}`,
    [...recordParams(record), id]
  );
  return row as PatientRow;
}

export async function markMerged(db: Queryable, sourceId: string, targetId: string): Promise<void> {
  await db.query(
    'UPDATE patient SET merged_into_id = $2, merged_at = now(), version = version + 1, updated_at = now() WHERE id = $1',
    [sourceId, targetId]
  );
}

export async function findActiveByIns(
  db: Queryable,
  insNumber: string,
  exceptId: string | null
): Promise<string | undefined> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM patient WHERE ins_number = $1 AND merged_into_id IS NULL AND ($2::uuid IS NULL OR id <> $2)',
    [insNumber, exceptId]
  );
  return rows[0]?.id;
}

/** Candidates for duplicate detection: same birth date and a shared name key or phonetic key, or same INS. */
export async function findDuplicateCandidates(
  db: Queryable,
  keys: { birthDate: string; nameKeys: string[]; phonetics: string[]; insNumber: string | null }
): Promise<PatientRow[]> {
  return db.query<PatientRow>(
    `SELECT ${columns} FROM patient
      WHERE merged_into_id IS NULL AND (
        (birth_date = $1 AND (birth_name_key = ANY($2) OR used_name_key = ANY($2)
                              OR birth_name_phonetic = ANY($3) OR used_name_phonetic = ANY($3)))
        OR ($4::text IS NOT NULL AND ins_number = $4))
      LIMIT 50`,
    [keys.birthDate, keys.nameKeys, keys.phonetics, keys.insNumber]
  );
}

export async function searchByNumber(db: Queryable, patientNumber: string): Promise<PatientSummary[]> {
  const rows = await db.query<SummaryRow>(`SELECT ${summaryColumns} FROM patient WHERE patient_number = $1`, [
    patientNumber,
  ]);
  return rows.map(toSummary);
}

export async function searchByIns(db: Queryable, insNumber: string): Promise<PatientSummary[]> {
  const rows = await db.query<SummaryRow>(
    `SELECT ${summaryColumns} FROM patient WHERE ins_number = $1 AND merged_into_id IS NULL`,
    [insNumber]
  );
  return rows.map(toSummary);
}

/**
 * Name prefix (birth or used name, accent/case-insensitive) with optional birth date or year;
 * other words must appear in the first name or the names ("DA SILVA" is stored as DASILVA).
 * Each branch walks its ("C"-collated) index in order and stops at the limit (migration 0009).
 */
export async function searchByTraits(
  db: Queryable,
  search: { nameKey: string; otherKeys: string[]; birthDate: string | null; birthYear: number | null; limit: number }
): Promise<PatientSummary[]> {
  const prefix = `${search.nameKey.replace(/[\\%_]/g, '\\$&')}%`;
  const filters = `AND ($2::date IS NULL OR birth_date = $2)
    AND ($3::int IS NULL OR (birth_date >= make_date($3, 1, 1) AND birth_date < make_date($3 + 1, 1, 1)))
    AND (cardinality($4::text[]) = 0 OR (SELECT bool_and(first_name_key LIKE k || '%'
          OR position(k IN birth_name_key) > 0 OR position(k IN coalesce(used_name_key, '')) > 0)
        FROM unnest($4::text[]) AS k))`;
  const rows = await db.query<SummaryRow>(
    `WITH hits AS (
       (SELECT id FROM patient
         WHERE merged_into_id IS NULL AND birth_name_key COLLATE "C" LIKE $1 ${filters}
         ORDER BY birth_name_key COLLATE "C", first_name_key COLLATE "C", birth_date LIMIT $5)
       UNION
       (SELECT id FROM patient
         WHERE merged_into_id IS NULL AND used_name_key IS NOT NULL AND used_name_key COLLATE "C" LIKE $1 ${filters}
         ORDER BY used_name_key COLLATE "C", first_name_key COLLATE "C", birth_date LIMIT $5))
     SELECT ${summaryColumns} FROM patient JOIN hits USING (id)
      ORDER BY birth_name_key COLLATE "C", first_name_key COLLATE "C", patient.birth_date
      LIMIT $5`,
    [prefix, search.birthDate, search.birthYear, search.otherKeys, search.limit]
  );
  return rows.map(toSummary);
}

export async function searchByBirthDate(db: Queryable, birthDate: string, limit: number): Promise<PatientSummary[]> {
  const rows = await db.query<SummaryRow>(
    `SELECT ${summaryColumns} FROM patient WHERE birth_date = $1 AND merged_into_id IS NULL
      ORDER BY birth_name_key, first_name_key LIMIT $2`,
    [birthDate, limit]
  );
  return rows.map(toSummary);
}
