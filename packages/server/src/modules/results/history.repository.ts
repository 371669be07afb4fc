/**
 * A patient's previous results (antériorités): the latest biologically validated version of each
 * earlier result of the same analyte, collected strictly before a given instant. Read through
 * `result_patient_analyte_idx` (patient, analyte) and the validation log's unique key, so the cost
 * depends on the patient's own history, not on the size of the base (issue 3: p95 ≤ 30 ms with
 * 1 M results).
 */
import type { NumericComparator, ResultFlag } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import { codedValuesOf } from './analyte-rule.js';
import { displayOf, resultValueOf } from './result-evaluation.js';
import type { PreviousResultView } from './results.schemas.js';

export interface PreviousRow {
  analyte_code: string;
  result_id: string;
  order_id: string;
  version: number;
  value_numeric: string | null;
  qualifier: NumericComparator | null;
  value_text: string | null;
  value_code: string | null;
  unit: string | null;
  flag: ResultFlag | null;
  collected_at: Date | null;
  decimals: number;
  coded_values: unknown;
}

/** The validated version of a result: the highest version a biologist validated. */
const validatedVersionJoin = `JOIN LATERAL (
    SELECT ve.result_version FROM validation_event ve
    WHERE ve.result_id = r.id AND ve.kind = 'biological'
    ORDER BY ve.result_version DESC LIMIT 1
  ) lv ON true
  JOIN result_version rv ON rv.result_id = r.id AND rv.version = lv.result_version
  JOIN analyte a ON a.id = r.analyte_id
  LEFT JOIN specimen s ON s.id = r.specimen_id`;

const previousColumns = `r.id AS result_id, r.order_id, rv.version, rv.value_numeric::text AS value_numeric,
  rv.qualifier, rv.value_text, rv.value_code, rv.unit, rv.flag,
  coalesce(s.collected_at, s.received_at) AS collected_at, a.decimals, a.coded_values`;

export interface PreviousRequest {
  readonly analyteCode: string;
  /** Only results collected strictly before this instant count (the current collection). */
  readonly before: Date;
}

/** Up to `limit` previous results per analyte (newest first), for every request in one query. */
export async function previousResults(
  db: Queryable,
  patientId: string,
  requests: readonly PreviousRequest[],
  excludeOrderId: string | null,
  limit: number
): Promise<PreviousRow[]> {
  if (requests.length === 0) {
    return [];
  }
  return db.query<PreviousRow>(
    `SELECT c.code AS analyte_code, prev.*
     FROM unnest($2::text[], $3::timestamptz[]) AS c(code, before_at)
     CROSS JOIN LATERAL (
       SELECT ${previousColumns}
       FROM result r ${validatedVersionJoin}
       WHERE r.patient_id = $1 AND r.analyte_code = c.code AND r.status <> 'cancelled'
         AND r.order_id IS DISTINCT FROM $4::uuid
         AND coalesce(s.collected_at, s.received_at) < c.before_at
       ORDER BY coalesce(s.collected_at, s.received_at) DESC, r.id
       LIMIT $5
     ) prev`,
    [patientId, requests.map((r) => r.analyteCode), requests.map((r) => r.before.toISOString()), excludeOrderId, limit]
  );
}

/**
 * A patient's validated results, newest first (one analyte or all), with the patient check in the
 * same round trip: `null` when no such patient, else its rows (possibly none). The history is read
 * under the patient row (LEFT JOIN LATERAL), so an unknown patient gives no row at all and a
 * patient without results one row of nulls.
 */
export async function knownPatientHistory(
  db: Queryable,
  patientId: string,
  analyteCode: string | null,
  limit: number
): Promise<PreviousRow[] | null> {
  const rows = await db.query<PreviousRow | { [K in keyof PreviousRow]: null }>(
    `SELECT h.* FROM patient p
     LEFT JOIN LATERAL (
       SELECT r.analyte_code, ${previousColumns}
       FROM result r ${validatedVersionJoin}
       WHERE r.patient_id = p.id AND ($2::text IS NULL OR r.analyte_code = $2) AND r.status <> 'cancelled'
       ORDER BY coalesce(s.collected_at, s.received_at) DESC NULLS LAST, r.analyte_code, r.id
       LIMIT $3
     ) h ON true
     WHERE p.id = $1
     ORDER BY h.collected_at DESC NULLS LAST, h.analyte_code, h.result_id`,
    [patientId, analyteCode, limit]
  );
  if (rows.length === 0) {
    return null;
  }
  return rows.filter((row): row is PreviousRow => row.result_id !== null);
}

export function toPreviousView(row: PreviousRow): PreviousResultView {
  const analyte = { codedValues: codedValuesOf(row.coded_values) };
  const value = resultValueOf(
    { valueNumeric: row.value_numeric, qualifier: row.qualifier, valueText: row.value_text, valueCode: row.value_code },
    row.decimals
  );
  return {
    resultId: row.result_id,
    orderId: row.order_id,
    version: row.version,
    value: displayOf(value, analyte) ?? '',
    valueNumeric: row.value_numeric === null ? null : Number(row.value_numeric),
    unit: row.unit,
    flag: row.flag,
    collectedAt: row.collected_at === null ? null : row.collected_at.toISOString(),
  };
}
