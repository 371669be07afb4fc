/**
 * Loads N generated patients straight through SQL (multi-row INSERT, several batches per
 * transaction) on the server's own database handle — PGlite has one connection, so a second
 * PGlite instance on the same directory is never opened. Each row is computed by the service's
 * `buildPatientRecord`, so search keys and phonetic keys are exactly those of real records.
 * No audit events: this is fixture data, not user activity.
 */
import type { Database, SqlParam } from '../../packages/server/dist/db/database.js';
import { generatePatient, seededRandom } from '../../packages/server/dist/demo/patient-generator.js';
import type { PatientRecord } from '../../packages/server/dist/modules/patients/patients.repository.js';
import { buildPatientRecord } from '../../packages/server/dist/modules/patients/patients.service.js';
import type { SampledPatient } from './search-queries.js';

export interface BulkLoadOptions {
  count: number;
  seed: number;
  siteId: string | null;
  batchSize: number;
  batchesPerTransaction: number;
  /** Every n-th generated patient is kept to build the search queries. */
  sampleEvery: number;
}

export interface BulkLoadResult {
  generated: number;
  inserted: number;
  /** Same INS drawn twice by the generator (partial unique index): ON CONFLICT DO NOTHING. */
  skippedDuplicateIns: number;
  rejectedByRecordRules: number;
  firstRejection?: string;
  loadMs: number;
  rowsPerSecond: number;
  analyzeMs: number;
  sample: SampledPatient[];
}

const columns = [
  'birth_name',
  'used_name',
  'birth_first_names',
  'first_first_name',
  'birth_date',
  'sex',
  'birthplace_insee',
  'ins_number',
  'ins_kind',
  'ins_oid',
  'identity_status',
  'identity_document',
  'phone',
  'email',
  'address',
  'birth_name_key',
  'used_name_key',
  'first_name_key',
  'birth_name_phonetic',
  'used_name_phonetic',
  'first_name_phonetic',
  'patient_number',
  'created_site_id',
] as const;

function rowParams(record: PatientRecord, patientNumber: string, siteId: string | null): SqlParam[] {
  return [
    record.birthName,
    record.usedName,
    record.birthFirstNames,
    record.firstFirstName,
    record.birthDate,
    record.sex,
    record.birthplaceInsee,
    record.insNumber,
    record.insKind,
    record.insOid,
    record.identityStatus,
    record.identityDocument,
    record.phone,
    record.email,
    record.address,
    record.birthNameKey,
    record.usedNameKey,
    record.firstNameKey,
    record.birthNamePhonetic,
    record.usedNamePhonetic,
    record.firstNamePhonetic,
    patientNumber,
    siteId,
  ];
}

function insertSql(rows: number): string {
  const tuples: string[] = [];
  for (let row = 0; row < rows; row++) {
    const base = row * columns.length;
    tuples.push(`(${columns.map((_, column) => `$${base + column + 1}`).join(', ')})`);
  }
  return `INSERT INTO patient (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`;
}

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

export async function bulkLoadPatients(database: Database, options: BulkLoadOptions): Promise<BulkLoadResult> {
  const random = seededRandom(options.seed);
  const day = today();
  const sampleNumbers: string[] = [];
  const fullBatchSql = insertSql(options.batchSize);
  let generated = 0;
  let rejected = 0;
  let firstRejection: string | undefined;
  const started = performance.now();

  const nextBatch = (): SqlParam[][] => {
    const rows: SqlParam[][] = [];
    while (rows.length < options.batchSize && generated < options.count) {
      const index = generated++;
      const patientNumber = `P${String(index + 1).padStart(8, '0')}`;
      try {
        rows.push(rowParams(buildPatientRecord(generatePatient(random, index), day), patientNumber, options.siteId));
      } catch (error) {
        // The generator is meant to produce valid identities: a rejection is reported, not hidden.
        rejected++;
        firstRejection ??= error instanceof Error ? error.message : String(error);
        continue;
      }
      if (index % options.sampleEvery === 0) {
        sampleNumbers.push(patientNumber);
      }
    }
    return rows;
  };

  while (generated < options.count) {
    await database.transaction(async (tx) => {
      for (let b = 0; b < options.batchesPerTransaction && generated < options.count; b++) {
        const rows = nextBatch();
        if (rows.length > 0) {
          await tx.query(rows.length === options.batchSize ? fullBatchSql : insertSql(rows.length), rows.flat());
        }
      }
    });
  }
  // Patient numbers created later by the app continue after the loaded ones.
  await database.query("SELECT setval('patient_number_seq', $1)", [generated]);
  const loadMs = performance.now() - started;

  // Fresh statistics, as autovacuum would gather on a server after such a load (PGlite has no
  // autovacuum: see the report for what happens without them).
  const analyzeStarted = performance.now();
  await database.query('ANALYZE patient');
  const analyzeMs = performance.now() - analyzeStarted;

  const [counted] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM patient');
  const inserted = counted?.n ?? 0;
  const sample = await database.query<SampledPatient>(
    `SELECT patient_number, birth_name, used_name, birth_date, ins_number FROM patient
      WHERE patient_number = ANY($1::text[]) ORDER BY patient_number`,
    [sampleNumbers]
  );
  return {
    generated,
    inserted,
    skippedDuplicateIns: generated - rejected - inserted,
    rejectedByRecordRules: rejected,
    ...(firstRejection === undefined ? {} : { firstRejection }),
    loadMs: Math.round(loadMs),
    rowsPerSecond: Math.round((inserted / loadMs) * 1000),
    analyzeMs: Math.round(analyzeMs),
    sample,
  };
}
