/**
 * Bulk load of the core workflow (issue 3 § performance: "1 million results"), server-side in SQL
 * (`INSERT … SELECT` over `generate_series`), on the server's own handle. Patients come first
 * through `bulkLoadPatients` (real records: search keys, phonetic keys); then, in one transaction,
 * every patient gets `ordersPerPatient` orders of the same realistic biochemistry panel (GLY, UREE,
 * CREA with DFG, IONO, CRP: 10 analytes, 2 tubes) taken from the starter catalogue:
 *
 * - history: results released, version 1 with value, flag and the interval frozen with it,
 *   technical and biological validation events (so the previous-result and delta queries have data);
 * - queue: the latest order of `queueOrders` patients, technically validated (the biologist's queue;
 *   the potassium of one order in five is critical, HH, awaiting its call);
 * - pending: the latest order of `pendingOrders` patients, tubes received an hour ago, results
 *   pending (what result entry writes to), the previous order collected the day before so that the
 *   delta rules (creatinine 7 days, sodium and potassium 2 days) apply.
 *
 * No audit events: this is fixture data, not user activity (as for the patients).
 */
import type { Database, Queryable } from '../../packages/server/dist/db/database.js';
import { bulkLoadPatients } from './bulk-load.js';

export interface WorkflowLoadOptions {
  patients: number;
  ordersPerPatient: number;
  queueOrders: number;
  pendingOrders: number;
  seed: number;
  siteId: string | null;
  technicianId: string;
  biologistId: string;
}

export interface WorkflowLoadResult {
  patients: number;
  orders: number;
  specimens: number;
  results: number;
  resultVersions: number;
  validationEvents: number;
  queueResults: number;
  pendingResults: number;
  panel: { analyses: string[]; analytesPerOrder: number; tubesPerOrder: number };
  patientsLoadMs: number;
  workflowLoadMs: number;
  /** Duration of each statement of the load (temporary tables and inserts). */
  stepMs: Record<string, number>;
  /** false: loaded with `session_replication_role = replica` (foreign keys not re-checked row by row). */
  foreignKeyChecks: boolean;
  vacuumAnalyzeMs: number;
  rowsPerSecond: number;
}

/** Starter catalogue analyses of the panel (analysis codes, in prescription order). */
export const panelAnalyses = ['GLY', 'UREE', 'CREA', 'IONO', 'CRP'] as const;

type Params = readonly (string | number | null | string[])[];
/** Runs one statement of the load and records its duration under `label`. */
type Step = (label: string, sql: string, params?: Params) => Promise<void>;

function stepper(tx: Queryable, stepMs: Record<string, number>): Step {
  return async (label, sql, params = []) => {
    const started = performance.now();
    await tx.query(sql, params);
    stepMs[label] = Math.round(performance.now() - started);
  };
}

/**
 * Ids in insertion order, shaped as RFC 9562 version 7 UUIDs (time-ordered: 12 hex digits of a counter,
 * version 7, variant 10, a tag per table, the counter again) so that the API's UUID schemas accept
 * them: rows are inserted by collection time, as a real base grows, and each index is filled left to
 * right instead of at random places — the load is several times faster, lookups are the same descents.
 */
function uuidOf(counter: string, tag: string): string {
  return `(lpad(to_hex(${counter}), 12, '0') || '${tag}' || lpad(to_hex(${counter}), 12, '0'))::uuid`;
}

const tags = {
  order: '70008001',
  orderAnalysis: '70008002',
  specimen: '70008003',
  result: '70008004',
  resultVersion: '70008005',
} as const;

/** Panel, analytes (rank in the order, tube) and the adult interval applied per sex, frozen as the app does. */
async function createPanel(step: Step): Promise<void> {
  await step(
    'wf_panel',
    `CREATE TEMP TABLE wf_panel ON COMMIT DROP AS
     WITH panel AS (
       SELECT an.id AS analysis_id, an.code, p.position::int AS position, an.container_code, an.volume_ml,
         an.analyte_codes, c.draw_order
       FROM unnest($1::text[]) WITH ORDINALITY AS p(code, position)
       JOIN analysis an ON an.code = p.code AND an.valid_to IS NULL
       JOIN container c ON c.code = an.container_code
     )
     SELECT panel.*, dense_rank() OVER (ORDER BY draw_order, container_code)::int AS tube,
       sum(volume_ml) OVER (PARTITION BY container_code) AS tube_volume_ml
     FROM panel`,
    [[...panelAnalyses]]
  );
  // 15,000 days (41 years): the adult interval; the patient's sex picks the sex-specific one.
  await step(
    'wf_analyte',
    `CREATE TEMP TABLE wf_analyte ON COMMIT DROP AS
     SELECT pa.analysis_id, pa.position, pa.tube, ac.ordinal, a.id AS analyte_id, a.code AS analyte_code,
       a.decimals, a.unit_ucum, a.formula IS NOT NULL AS calculated, a.critical_low, a.critical_high, sx.sex,
       iv.low, iv.high,
       CASE WHEN iv.raw IS NULL THEN NULL ELSE jsonb_build_object(
         'low', iv.low, 'high', iv.high, 'text', iv.raw->'text', 'sex', iv.raw->'sex',
         'ageMinDays', iv.raw->'ageMinDays', 'ageMaxDays', iv.raw->'ageMaxDays', 'source', iv.raw->'source',
         'display', CASE
           WHEN iv.low IS NOT NULL AND iv.high IS NOT NULL
             THEN replace(round(iv.low, a.decimals)::text, '.', ',') || ' – ' || replace(round(iv.high, a.decimals)::text, '.', ',')
           WHEN iv.high IS NOT NULL THEN '≤ ' || replace(round(iv.high, a.decimals)::text, '.', ',')
           WHEN iv.low IS NOT NULL THEN '≥ ' || replace(round(iv.low, a.decimals)::text, '.', ',')
           ELSE coalesce(iv.raw->>'text', '') END) END AS reference
     FROM wf_panel pa
     CROSS JOIN LATERAL (
       SELECT code, (pa.position * 16 + i)::int AS ordinal FROM unnest(pa.analyte_codes) WITH ORDINALITY AS u(code, i)
     ) ac
     JOIN analyte a ON a.code = ac.code AND a.valid_to IS NULL
     CROSS JOIN (VALUES ('M'), ('F'), ('I')) AS sx(sex)
     LEFT JOIN LATERAL (
       SELECT (e->>'low')::numeric AS low, (e->>'high')::numeric AS high, e AS raw
       FROM jsonb_array_elements(a.reference_intervals) AS e
       WHERE (coalesce(e->>'sex', '') NOT IN ('M', 'F') OR e->>'sex' = sx.sex)
         AND coalesce((e->>'ageMinDays')::int, 0) <= 15000 AND coalesce((e->>'ageMaxDays')::int, 100000) > 15000
       ORDER BY (e->>'sex' = sx.sex) DESC NULLS LAST
       LIMIT 1
     ) iv ON true`
  );
}

/**
 * Orders: history for every rank but the last; the last is in the queue, pending, or history.
 * Active patients (queue, pending) are spread over the patient list, one every `stride`; their
 * previous order was collected the day before. `seq` is the rank in collection time.
 */
async function createOrders(step: Step, options: WorkflowLoadOptions): Promise<void> {
  const active = options.queueOrders + options.pendingOrders;
  await step(
    'wf_patient',
    `CREATE TEMP TABLE wf_patient ON COMMIT DROP AS
     SELECT (row_number() OVER (ORDER BY patient_number) - 1)::int AS pn, id, sex, birth_date
     FROM patient ORDER BY patient_number LIMIT $1`,
    [options.patients]
  );
  await step(
    'wf_order',
    `CREATE TEMP TABLE wf_order ON COMMIT DROP AS
     WITH shaped AS (
       SELECT p.pn, p.id AS patient_id, p.sex, p.birth_date, k.rank,
         CASE WHEN p.pn % s.stride = 0 AND p.pn / s.stride < $2 THEN p.pn / s.stride END AS active_index
       FROM wf_patient p
       CROSS JOIN (SELECT greatest(1, count(*) / greatest($2, 1))::int AS stride FROM wf_patient) s
       CROSS JOIN generate_series(1, $1::int) AS k(rank)
     ), dated AS (
       SELECT shaped.*,
         CASE WHEN rank < $1 OR active_index IS NULL THEN 'history'
              WHEN active_index < $3 THEN 'queue' ELSE 'pending' END AS state,
         CASE WHEN active_index IS NOT NULL
              THEN now() - interval '2 hours' - (pn % 50) * interval '1 minute'
              ELSE now() - (2 + pn % 300) * interval '1 day' - (pn % 600) * interval '1 minute' END
         - CASE WHEN rank = $1 THEN interval '0'
                WHEN rank = $1 - 1 THEN interval '1 day'
                ELSE interval '1 day' + ($1 - 1 - rank) * interval '45 days' + (pn % 20) * interval '1 day' END
           AS collected_at,
         CASE WHEN (pn * 7 + rank * 13) % 100 = 0 THEN 'vital'
              WHEN (pn * 7 + rank * 13) % 100 < 6 THEN 'urgent' ELSE 'routine' END AS urgency
       FROM shaped
     ), numbered AS (
       SELECT dated.*, row_number() OVER (ORDER BY collected_at, pn) AS seq,
         to_char((collected_at - interval '30 minutes') AT TIME ZONE 'Europe/Paris', 'YYMMDD') AS lab_day
       FROM dated
     )
     SELECT ${uuidOf('seq', tags.order)} AS id, numbered.*,
       row_number() OVER (PARTITION BY lab_day ORDER BY seq)::int AS day_sequence
     FROM numbered ORDER BY seq`,
    [options.ordersPerPatient, active, options.queueOrders]
  );
  await step(
    'lab_order',
    `INSERT INTO lab_order (id, order_number, patient_id, site_id, prescription_date, urgency, created_by, created_at)
     SELECT id, lab_day || lpad(day_sequence::text, 4, '0'), patient_id, $1::uuid,
       (collected_at - interval '2 days')::date, urgency, $2::uuid, collected_at - interval '30 minutes'
     FROM wf_order ORDER BY seq`,
    [options.siteId, options.technicianId]
  );
  // Orders registered later by the app continue each lab day's counter without a gap.
  await step(
    'number_counter',
    `INSERT INTO number_counter (name, value)
     SELECT 'order:20' || substr(lab_day, 1, 2) || '-' || substr(lab_day, 3, 2) || '-' || substr(lab_day, 5, 2),
       max(day_sequence)
     FROM wf_order GROUP BY lab_day
     ON CONFLICT (name) DO UPDATE SET value = greatest(number_counter.value, excluded.value)`
  );
  await step(
    'order_analysis',
    `INSERT INTO order_analysis (id, order_id, analysis_id, position)
     SELECT ${uuidOf('o.seq * 16 + pa.position', tags.orderAnalysis)}, o.id, pa.analysis_id, pa.position
     FROM wf_order o CROSS JOIN wf_panel pa ORDER BY o.seq, pa.position`
  );
}

/** One tube per container, ranked in the order of draw (barcode = order number + rank). */
async function createSpecimens(step: Step, technicianId: string): Promise<void> {
  await step(
    'specimen',
    `INSERT INTO specimen (id, order_id, barcode, container_code, volume_ml, status, collected_at, collected_by,
       received_at, received_by)
     SELECT ${uuidOf('o.seq * 4 + t.tube', tags.specimen)}, o.id,
       o.lab_day || lpad(o.day_sequence::text, 4, '0') || lpad(t.tube::text, 2, '0'), t.container_code,
       t.tube_volume_ml, CASE o.state WHEN 'history' THEN 'stored' WHEN 'queue' THEN 'in_analysis' ELSE 'received' END,
       o.collected_at, $1::uuid, o.collected_at + interval '1 hour', $1::uuid
     FROM wf_order o
     CROSS JOIN (SELECT DISTINCT tube, container_code, tube_volume_ml FROM wf_panel) t
     ORDER BY o.seq, t.tube`,
    [technicianId]
  );
  await step(
    'specimen_analysis',
    `INSERT INTO specimen_analysis (specimen_id, order_analysis_id)
     SELECT ${uuidOf('o.seq * 4 + pa.tube', tags.specimen)}, ${uuidOf('o.seq * 16 + pa.position', tags.orderAnalysis)}
     FROM wf_order o CROSS JOIN wf_panel pa ORDER BY o.seq, pa.tube, pa.position`
  );
}

/** Results, their first version (value, flag, frozen interval) and the validation log. */
async function createResults(step: Step, options: WorkflowLoadOptions): Promise<void> {
  // One potassium in five of the queue is critical (6.8 mmol/L ≥ critical high 6.2): HH, awaiting its call.
  const criticalCase = `(o.state = 'queue' AND wa.analyte_code = 'POTASSIUM' AND o.pn % 5 = 0)`;
  await step(
    'wf_result',
    `CREATE TEMP TABLE wf_result ON COMMIT DROP AS
     SELECT n, ${uuidOf('n', tags.result)} AS id, order_id, order_analysis_id, specimen_id, patient_id, analysis_id,
       analyte_id, analyte_code, sex_key, state, urgency, collected_at, age_days, calculated, value,
       CASE WHEN value <= critical_low THEN 'LL' WHEN value >= critical_high THEN 'HH'
            WHEN value < low THEN 'L' WHEN value > high THEN 'H' WHEN value IS NOT NULL THEN 'N' END AS flag,
       coalesce(value <= critical_low OR value >= critical_high, false) AS critical
     FROM (
       SELECT o.seq * 256 + wa.ordinal AS n, o.id AS order_id,
         ${uuidOf('o.seq * 16 + wa.position', tags.orderAnalysis)} AS order_analysis_id,
         ${uuidOf('o.seq * 4 + wa.tube', tags.specimen)} AS specimen_id,
         o.patient_id, o.state, o.urgency, o.collected_at, (o.collected_at::date - o.birth_date) AS age_days,
         wa.sex AS sex_key, wa.analysis_id, wa.analyte_id, wa.analyte_code, wa.calculated,
         wa.low, wa.high, wa.critical_low, wa.critical_high,
         CASE WHEN o.state = 'pending' THEN NULL ELSE round(CASE
           WHEN ${criticalCase} THEN 6.8
           WHEN wa.low IS NOT NULL AND wa.high IS NOT NULL
             THEN (wa.low + wa.high) / 2 + (random() - 0.5) * (wa.high - wa.low) * 1.3
           WHEN wa.high IS NOT NULL THEN wa.high * random() * 1.3
           WHEN wa.low IS NOT NULL THEN wa.low * (0.7 + random() * 0.7)
           ELSE 1 + random() * 9 END::numeric, wa.decimals) END AS value
       FROM wf_order o
       JOIN wf_analyte wa ON wa.sex = CASE WHEN o.sex IN ('M', 'F') THEN o.sex ELSE 'I' END
     ) v
     ORDER BY n`
  );
  // wf_result was written in n order: scanned in heap order, the inserts below fill each index from
  // the left without a sort (the small analyte table is the hash side of the join).
  await step(
    'result',
    `INSERT INTO result (id, order_id, order_analysis_id, specimen_id, patient_id, analyte_id, analyte_code, status,
       current_version, urgent, critical, updated_at)
     SELECT id, order_id, order_analysis_id, specimen_id, patient_id, analyte_id, analyte_code,
       CASE state WHEN 'history' THEN 'released' WHEN 'queue' THEN 'technically_validated' ELSE 'pending' END,
       CASE state WHEN 'pending' THEN 0 ELSE 1 END, urgency <> 'routine', critical,
       CASE state WHEN 'history' THEN collected_at + interval '5 hours'
                  WHEN 'queue' THEN collected_at + interval '90 minutes' ELSE collected_at + interval '1 hour' END
     FROM wf_result`
  );
  await step(
    'result_version',
    `INSERT INTO result_version (id, result_id, version, value_numeric, unit, flag, critical, reference, source,
       entered_by, entered_at)
     SELECT ${uuidOf('w.n', tags.resultVersion)}, w.id, 1, w.value, wa.unit_ucum, w.flag, w.critical,
       CASE WHEN wa.reference IS NULL THEN NULL
            ELSE wa.reference || jsonb_build_object('patientSex', w.sex_key, 'patientAgeDays', w.age_days) END,
       CASE WHEN w.calculated THEN 'calculated' ELSE 'manual' END, $1::uuid, w.collected_at + interval '75 minutes'
     FROM wf_result w
     JOIN wf_analyte wa ON wa.analysis_id = w.analysis_id AND wa.analyte_id = w.analyte_id AND wa.sex = w.sex_key
     WHERE w.state <> 'pending'`,
    [options.technicianId]
  );
  await step(
    'validation_event',
    `INSERT INTO validation_event (result_id, result_version, kind, actor_id, occurred_at)
     SELECT id, 1, kind, CASE kind WHEN 'technical' THEN $1::uuid ELSE $2::uuid END,
       collected_at + CASE kind WHEN 'technical' THEN interval '90 minutes' ELSE interval '5 hours' END
     FROM wf_result CROSS JOIN (VALUES ('technical'), ('biological')) AS k(kind)
     WHERE state = 'history' OR (state = 'queue' AND kind = 'technical')`,
    [options.technicianId, options.biologistId]
  );
}

async function count(database: Database, sql: string): Promise<number> {
  const [row] = await database.query<{ n: number }>(sql);
  return row?.n ?? 0;
}

export async function loadWorkflow(database: Database, options: WorkflowLoadOptions): Promise<WorkflowLoadResult> {
  const patientsStarted = performance.now();
  const patients = await bulkLoadPatients(database, {
    count: options.patients,
    seed: options.seed,
    siteId: options.siteId,
    batchSize: 500,
    batchesPerTransaction: 10,
    sampleEvery: options.patients,
  });
  const patientsLoadMs = performance.now() - patientsStarted;

  const started = performance.now();
  const stepMs: Record<string, number> = {};
  let foreignKeyChecks = true;
  await database.transaction(async (tx) => {
    const step = stepper(tx, stepMs);
    // The rows are built by joins on the rows just inserted, so the foreign keys hold by
    // construction: skipping their checks (superuser only) halves the load. Constraints stay defined.
    const [role] = await tx.query<{ superuser: boolean }>(
      'SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user'
    );
    foreignKeyChecks = role?.superuser !== true;
    if (!foreignKeyChecks) {
      await tx.query('SET LOCAL session_replication_role = replica');
    }
    // Same values from one run to the next (random() draws the results around each interval).
    await tx.query('SELECT setseed($1)', [(options.seed % 1000) / 1000]);
    await createPanel(step);
    const [panel] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM wf_panel');
    if (panel?.n !== panelAnalyses.length) {
      throw new Error(`Catalogue de démarrage incomplet : ${panel?.n ?? 0}/${panelAnalyses.length} analyses du panel`);
    }
    await createOrders(step, { ...options, patients: patients.inserted });
    await createSpecimens(step, options.technicianId);
    await createResults(step, options);
  });
  const workflowLoadMs = performance.now() - started;

  // As autovacuum would after such a load (and so that it does not start in the middle of the
  // measurements): visibility map for index-only scans, fresh statistics for the planner.
  const vacuumStarted = performance.now();
  for (const table of [
    'patient',
    'lab_order',
    'order_analysis',
    'specimen',
    'specimen_analysis',
    'result',
    'result_version',
    'validation_event',
  ]) {
    await database.query(`VACUUM (ANALYZE) ${table}`);
  }
  const vacuumAnalyzeMs = performance.now() - vacuumStarted;

  const results = await count(database, 'SELECT count(*)::int AS n FROM result');
  const resultVersions = await count(database, 'SELECT count(*)::int AS n FROM result_version');
  const validationEvents = await count(database, 'SELECT count(*)::int AS n FROM validation_event');
  const orders = await count(database, 'SELECT count(*)::int AS n FROM lab_order');
  const specimens = await count(database, 'SELECT count(*)::int AS n FROM specimen');
  const analytes = await count(
    database,
    `SELECT count(*)::int AS n FROM analysis an CROSS JOIN LATERAL unnest(an.analyte_codes) AS c
     WHERE an.valid_to IS NULL AND an.code IN (${panelAnalyses.map((code) => `'${code}'`).join(', ')})`
  );
  return {
    patients: patients.inserted,
    orders,
    specimens,
    results,
    resultVersions,
    validationEvents,
    queueResults: await count(database, "SELECT count(*)::int AS n FROM result WHERE status = 'technically_validated'"),
    pendingResults: await count(database, "SELECT count(*)::int AS n FROM result WHERE status = 'pending'"),
    panel: {
      analyses: [...panelAnalyses],
      analytesPerOrder: analytes,
      tubesPerOrder: orders > 0 ? specimens / orders : 0,
    },
    patientsLoadMs: Math.round(patientsLoadMs),
    workflowLoadMs: Math.round(workflowLoadMs),
    stepMs,
    foreignKeyChecks,
    vacuumAnalyzeMs: Math.round(vacuumAnalyzeMs),
    rowsPerSecond: Math.round(
      ((orders * (1 + 2 * panelAnalyses.length) + specimens + results + resultVersions + validationEvents) /
        workflowLoadMs) *
        1000
    ),
  };
}
