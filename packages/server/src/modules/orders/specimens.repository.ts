/**
 * SQL of tubes (specimen, specimen_analysis) and of the results they carry, for order entry,
 * sampling, reception and labels. Every function takes the handle it runs in.
 */
import type { SpecimenStatus } from '@sillage/core';
import type { Queryable } from '../../db/database.js';

export async function insertSpecimen(
  db: Queryable,
  specimen: { orderId: string; barcode: string; containerCode: string; volumeMl: number }
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO specimen (order_id, barcode, container_code, volume_ml) VALUES ($1, $2, $3, $4) RETURNING id',
    [specimen.orderId, specimen.barcode, specimen.containerCode, specimen.volumeMl]
  );
  return (row as { id: string }).id;
}

export async function linkSpecimenAnalysis(db: Queryable, specimenId: string, orderAnalysisId: string): Promise<void> {
  await db.query('INSERT INTO specimen_analysis (specimen_id, order_analysis_id) VALUES ($1, $2)', [
    specimenId,
    orderAnalysisId,
  ]);
}

export async function addSpecimenVolume(db: Queryable, specimenId: string, volumeMl: number): Promise<void> {
  await db.query('UPDATE specimen SET volume_ml = volume_ml + $2, version = version + 1 WHERE id = $1', [
    specimenId,
    volumeMl,
  ]);
}

export interface SpecimenRow {
  id: string;
  order_id: string;
  order_number: string;
  order_created_at: Date;
  urgency: 'routine' | 'urgent' | 'vital';
  patient_id: string;
  barcode: string;
  container_code: string;
  container_label: string;
  colour: string;
  colour_hex: string;
  specimen_type: string;
  draw_order: number;
  capacity_ml: string;
  volume_ml: string;
  status: SpecimenStatus;
  collected_at: Date | null;
  collected_by: string | null;
  collected_by_name: string | null;
  collector_name: string | null;
  received_at: Date | null;
  received_by_name: string | null;
  conformity: Record<string, unknown> | null;
  rejection_reason: string | null;
  rejection_comment: string | null;
  version: number;
  /** Active analyses carried (codes, in order position). */
  analysis_codes: string[];
  /** Whether every active analysis on the tube accepts to share it. */
  all_shareable: boolean;
  /** The rejected tube this one replaces, and the tube that replaced this one (0015). */
  replaces_barcode: string | null;
  replaced_by_barcode: string | null;
}

const specimenColumns = `s.id, s.order_id, lo.order_number, lo.created_at AS order_created_at, lo.urgency, lo.patient_id,
  s.barcode, s.container_code, c.label AS container_label, c.colour,
  c.colour_hex, c.specimen_type, c.draw_order, c.capacity_ml, s.volume_ml, s.status, s.collected_at, s.collected_by,
  cu.display_name AS collected_by_name, s.collector_name, s.received_at, ru.display_name AS received_by_name,
  s.conformity, s.rejection_reason, s.rejection_comment, s.version,
  coalesce((SELECT array_agg(a.code ORDER BY oa.position) FROM specimen_analysis sa
    JOIN order_analysis oa ON oa.id = sa.order_analysis_id JOIN analysis a ON a.id = oa.analysis_id
    WHERE sa.specimen_id = s.id AND oa.cancelled_at IS NULL), '{}') AS analysis_codes,
  coalesce((SELECT bool_and(a.shareable) FROM specimen_analysis sa
    JOIN order_analysis oa ON oa.id = sa.order_analysis_id JOIN analysis a ON a.id = oa.analysis_id
    WHERE sa.specimen_id = s.id AND oa.cancelled_at IS NULL), true) AS all_shareable,
  (SELECT rs.barcode FROM specimen rs WHERE rs.id = s.replaces_specimen_id) AS replaces_barcode,
  (SELECT ns.barcode FROM specimen ns WHERE ns.replaces_specimen_id = s.id) AS replaced_by_barcode`;

const specimenFrom = `specimen s JOIN lab_order lo ON lo.id = s.order_id JOIN container c ON c.code = s.container_code
  LEFT JOIN app_user cu ON cu.id = s.collected_by LEFT JOIN app_user ru ON ru.id = s.received_by`;

export async function listOrderSpecimens(db: Queryable, orderId: string): Promise<SpecimenRow[]> {
  return db.query<SpecimenRow>(
    `SELECT ${specimenColumns} FROM ${specimenFrom} WHERE s.order_id = $1 ORDER BY s.barcode`,
    [orderId]
  );
}

export async function findSpecimenByBarcode(
  db: Queryable,
  barcode: string,
  forUpdate = false
): Promise<SpecimenRow | undefined> {
  const rows = await db.query<SpecimenRow>(
    `SELECT ${specimenColumns} FROM ${specimenFrom} WHERE s.barcode = $1${forUpdate ? ' FOR UPDATE OF s' : ''}`,
    [barcode]
  );
  return rows[0];
}

export async function recordCollection(
  db: Queryable,
  specimenId: string,
  collection: { collectedAt: string; collectedBy: string | null; collectorName: string | null }
): Promise<void> {
  await db.query(
    `UPDATE specimen SET status = 'collected', collected_at = $2, collected_by = $3, collector_name = $4,
       version = version + 1
     WHERE id = $1`,
    [specimenId, collection.collectedAt, collection.collectedBy, collection.collectorName]
  );
}

export async function recordReception(
  db: Queryable,
  specimenId: string,
  reception: {
    status: 'received' | 'rejected';
    receivedBy: string | null;
    conformity: object;
    rejectionReason: string | null;
    rejectionComment: string | null;
  }
): Promise<void> {
  await db.query(
    `UPDATE specimen SET status = $2, received_at = now(), received_by = $3, conformity = $4, rejection_reason = $5,
       rejection_comment = $6, version = version + 1
     WHERE id = $1`,
    [
      specimenId,
      reception.status,
      reception.receivedBy,
      JSON.stringify(reception.conformity),
      reception.rejectionReason,
      reception.rejectionComment,
    ]
  );
}

export interface AnalysisOnSpecimenRow {
  order_analysis_id: string;
  code: string;
  mnemonic: string;
  label: string;
  stability_hours_room: string | null;
  stability_hours_cold: string | null;
  fasting_required: boolean;
  /** Other tubes of the order carrying the same analysis and still usable. */
  other_specimen_ids: string[];
}

/** The active analyses a tube carries, with the other usable tubes that carry them too. */
export async function listAnalysesOnSpecimen(db: Queryable, specimenId: string): Promise<AnalysisOnSpecimenRow[]> {
  return db.query<AnalysisOnSpecimenRow>(
    `SELECT oa.id AS order_analysis_id, a.code, a.mnemonic, a.label, a.stability_hours_room, a.stability_hours_cold,
       a.fasting_required,
       coalesce((SELECT array_agg(o.specimen_id ORDER BY o.specimen_id) FROM specimen_analysis o
         JOIN specimen os ON os.id = o.specimen_id
         WHERE o.order_analysis_id = oa.id AND o.specimen_id <> $1 AND os.status <> 'rejected'), '{}') AS other_specimen_ids
     FROM specimen_analysis sa JOIN order_analysis oa ON oa.id = sa.order_analysis_id
     JOIN analysis a ON a.id = oa.analysis_id
     WHERE sa.specimen_id = $1 AND oa.cancelled_at IS NULL ORDER BY oa.position`,
    [specimenId]
  );
}

/** Moves an analysis' unmeasured results from a rejected tube to another tube carrying it. */
export async function moveOpenResults(
  db: Queryable,
  orderAnalysisId: string,
  fromSpecimenId: string,
  toSpecimenId: string
): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `UPDATE result SET specimen_id = $3, updated_at = now()
     WHERE order_analysis_id = $1 AND specimen_id = $2 AND status = 'pending' RETURNING id`,
    [orderAnalysisId, fromSpecimenId, toSpecimenId]
  );
  return rows.length;
}

/**
 * Cancels the still-cancellable results of an analysis on a tube (core result lifecycle: pending,
 * entered, technically validated or sent back → cancelled) and appends the cancellation to the
 * validation log with its reason. Returns the ids.
 */
export async function cancelResults(
  db: Queryable,
  filter: { orderAnalysisId: string; specimenId: string | null },
  actorId: string,
  reason: string
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `WITH cancelled AS (
       UPDATE result SET status = 'cancelled', updated_at = now()
       WHERE order_analysis_id = $1 AND ($2::uuid IS NULL OR specimen_id = $2)
         AND status IN ('pending', 'entered', 'technically_validated', 'rejected_by_biologist')
       RETURNING id, current_version
     ), logged AS (
       INSERT INTO validation_event (result_id, result_version, kind, actor_id, reason)
       SELECT id, current_version, 'cancelled', $3, $4 FROM cancelled
     )
     SELECT id FROM cancelled`,
    [filter.orderAnalysisId, filter.specimenId, actorId, reason]
  );
  return rows.map((r) => r.id);
}

export async function insertNonConformity(
  db: Queryable,
  nonConformity: {
    orderId: string;
    specimenId: string;
    reasonCode: string;
    description: string | null;
    createdBy: string | null;
  }
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO non_conformity (kind, order_id, specimen_id, reason_code, description, recall_patient, created_by)
     VALUES ('specimen_rejected', $1, $2, $3, $4, true, $5) RETURNING id`,
    [
      nonConformity.orderId,
      nonConformity.specimenId,
      nonConformity.reasonCode,
      nonConformity.description,
      nonConformity.createdBy,
    ]
  );
  return (row as { id: string }).id;
}
