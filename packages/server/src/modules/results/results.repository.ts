/**
 * SQL of the result workflow: an order's results locked for a change, appending versions and
 * validation events (append-only tables: INSERT only), and moving result statuses. Several rows go
 * in one statement through `jsonb_to_recordset`, so a grid of 20 values costs the same round trips
 * as one (issue 3: entry round trip p95 ≤ 30 ms).
 */
import type { NumericComparator, ResultFlag } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import { analyteColumnsSql, type AnalyteColumns } from './analyte-rule.js';
import type { ResultStatus } from './results.schemas.js';

/** One result of an order with its analyte version, tube, patient and current version. */
export interface OrderResultRow extends AnalyteColumns {
  id: string;
  order_id: string;
  order_analysis_id: string;
  specimen_id: string | null;
  patient_id: string;
  status: ResultStatus;
  current_version: number;
  critical: boolean;
  specimen_status: string | null;
  barcode: string | null;
  /** Collection time, else reception time (an external tube), else now. */
  collection_instant: Date;
  has_collection: boolean;
  patient_sex: string;
  birth_date: string;
  value_numeric: string | null;
  qualifier: NumericComparator | null;
  value_text: string | null;
  value_code: string | null;
  flag: ResultFlag | null;
  reference: unknown;
  delta: unknown;
  comment: string | null;
  comment_codes: string[] | null;
  entered_at: Date | null;
  source: 'manual' | 'instrument' | 'calculated' | null;
}

const orderResultColumns = `r.id, r.order_id, r.order_analysis_id, r.specimen_id, r.patient_id, r.status,
  r.current_version, r.critical, s.status AS specimen_status, s.barcode,
  coalesce(s.collected_at, s.received_at, now()) AS collection_instant,
  (s.collected_at IS NOT NULL OR s.received_at IS NOT NULL) AS has_collection,
  p.sex AS patient_sex, p.birth_date::text AS birth_date, ${analyteColumnsSql},
  rv.value_numeric::text AS value_numeric, rv.qualifier, rv.value_text, rv.value_code, rv.flag, rv.reference,
  rv.delta, rv.comment, rv.comment_codes, rv.entered_at, rv.source`;

const orderResultJoins = `FROM result r
  JOIN patient p ON p.id = r.patient_id
  JOIN analyte a ON a.id = r.analyte_id
  LEFT JOIN specimen s ON s.id = r.specimen_id
  LEFT JOIN result_version rv ON rv.result_id = r.id AND rv.version = r.current_version`;

export type ResultSelector =
  { resultId: string } | { orderId: string } | { resultIds: readonly string[] } | { specimenId: string };

/**
 * Results locked for a change (FOR UPDATE, in id order so two requests cannot deadlock). `resultId`
 * and `orderId` lock the whole order: a change to one value may recompute the order's calculated
 * analytes, which must see a stable order.
 */
export async function lockResults(db: Queryable, selector: ResultSelector): Promise<OrderResultRow[]> {
  let where: string;
  let parameter: string | readonly string[];
  if ('resultId' in selector) {
    where = 'r.order_id = (SELECT order_id FROM result WHERE id = $1)';
    parameter = selector.resultId;
  } else if ('orderId' in selector) {
    where = 'r.order_id = $1';
    parameter = selector.orderId;
  } else if ('resultIds' in selector) {
    where = 'r.id = ANY($1::uuid[])';
    parameter = selector.resultIds;
  } else {
    where = 'r.specimen_id = $1';
    parameter = selector.specimenId;
  }
  return db.query<OrderResultRow>(
    `SELECT ${orderResultColumns} ${orderResultJoins} WHERE ${where} ORDER BY r.id FOR UPDATE OF r`,
    [parameter]
  );
}

export interface NewVersion {
  result_id: string;
  version: number;
  value_numeric: string | null;
  value_text: string | null;
  value_code: string | null;
  qualifier: NumericComparator | null;
  unit: string | null;
  flag: ResultFlag | null;
  critical: boolean;
  reference: unknown;
  delta: unknown;
  comment: string | null;
  comment_codes: readonly string[];
  source: 'manual' | 'instrument' | 'calculated';
  /** What the analyzer said about the value (`source = 'instrument'`), frozen with the version. */
  instrument: InstrumentStamp | null;
  entered_by: string | null;
  amendment_reason: string | null;
}

/** An analyzer's stamp on one value, kept in `result_version.instrument` (issue 4 item 5). */
export interface InstrumentStamp {
  readonly id: string;
  readonly code: string;
  readonly runAt: string | null;
  readonly flags: readonly string[];
  readonly reagentLot: string | null;
  readonly equipment: string | null;
  readonly inboundMessageId: number;
  readonly instrumentCode: string;
  readonly rawValue: string;
  readonly rawUnits: string;
  readonly factor: number;
  readonly status: string;
}

/** Appends versions (never updates one: result_version is append-only by trigger). */
export async function insertVersions(db: Queryable, versions: readonly NewVersion[]): Promise<Map<string, Date>> {
  if (versions.length === 0) {
    return new Map();
  }
  const rows = await db.query<{ result_id: string; entered_at: Date }>(
    `INSERT INTO result_version (result_id, version, value_numeric, value_text, value_code, qualifier, unit, flag,
       critical, reference, delta, comment, comment_codes, source, instrument, entered_by, amendment_reason)
     SELECT x.result_id, x.version, x.value_numeric, x.value_text, x.value_code, x.qualifier, x.unit, x.flag,
       x.critical, x.reference, x.delta, x.comment, coalesce(x.comment_codes, '{}'), x.source, x.instrument,
       x.entered_by, x.amendment_reason
     FROM jsonb_to_recordset($1::jsonb) AS x(result_id uuid, version integer, value_numeric numeric, value_text text,
       value_code text, qualifier text, unit text, flag text, critical boolean, reference jsonb, delta jsonb,
       comment text, comment_codes text[], source text, instrument jsonb, entered_by uuid, amendment_reason text)
     RETURNING result_id, entered_at`,
    [JSON.stringify(versions)]
  );
  return new Map(rows.map((row) => [row.result_id, row.entered_at]));
}

export interface StatusChange {
  id: string;
  status: ResultStatus;
  version: number;
  critical: boolean;
}

export async function updateResults(db: Queryable, changes: readonly StatusChange[]): Promise<void> {
  if (changes.length === 0) {
    return;
  }
  await db.query(
    `UPDATE result r SET status = x.status, current_version = x.version, critical = x.critical, updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, status text, version integer, critical boolean)
     WHERE r.id = x.id`,
    [JSON.stringify(changes)]
  );
}

export type ValidationKind = 'technical' | 'biological' | 'rerun_requested' | 'correction' | 'cancelled';

export interface NewValidationEvent {
  result_id: string;
  result_version: number;
  kind: ValidationKind;
  reason: string | null;
}

/** Appends to the validation log (ISO 15189 §7.4.1.7); UNIQUE(result, version, kind) refuses a double validation. */
export async function insertValidationEvents(
  db: Queryable,
  actorId: string,
  events: readonly NewValidationEvent[]
): Promise<Date | null> {
  if (events.length === 0) {
    return null;
  }
  const rows = await db.query<{ occurred_at: Date }>(
    `INSERT INTO validation_event (result_id, result_version, kind, actor_id, reason)
     SELECT x.result_id, x.result_version, x.kind, $2, x.reason
     FROM jsonb_to_recordset($1::jsonb) AS x(result_id uuid, result_version integer, kind text, reason text)
     RETURNING occurred_at`,
    [JSON.stringify(events), actorId]
  );
  return rows[0]?.occurred_at ?? null;
}

/** Specimen lifecycle (core/lab specimen-lifecycle.ts): received → in_analysis at the first value typed. */
export async function markSpecimensInAnalysis(db: Queryable, specimenIds: readonly string[]): Promise<void> {
  if (specimenIds.length === 0) {
    return;
  }
  await db.query(
    `UPDATE specimen SET status = 'in_analysis', version = version + 1
     WHERE id = ANY($1::uuid[]) AND status = 'received'`,
    [specimenIds]
  );
}

/** Result ids among `ids` whose given version already has a critical-value call recorded. */
export async function notifiedVersions(
  db: Queryable,
  versions: readonly { resultId: string; version: number }[]
): Promise<Set<string>> {
  if (versions.length === 0) {
    return new Set();
  }
  const rows = await db.query<{ result_id: string }>(
    `SELECT DISTINCT cn.result_id
     FROM jsonb_to_recordset($1::jsonb) AS x(result_id uuid, version integer)
     JOIN critical_notification cn ON cn.result_id = x.result_id AND cn.result_version = x.version`,
    [JSON.stringify(versions.map((v) => ({ result_id: v.resultId, version: v.version })))]
  );
  return new Set(rows.map((row) => row.result_id));
}

export interface SpecimenRow {
  id: string;
  order_id: string;
  status: string;
}

export async function findSpecimenByBarcode(db: Queryable, barcode: string): Promise<SpecimenRow | undefined> {
  const rows = await db.query<SpecimenRow>('SELECT id, order_id, status FROM specimen WHERE barcode = $1', [barcode]);
  return rows[0];
}
