/**
 * SQL of the replacement tube (a rejected tube redrawn) and of the rejection of an accepted tube.
 * Every function takes the handle it runs in.
 */
import type { Queryable } from '../../db/database.js';

export async function findReplacementBarcode(db: Queryable, specimenId: string): Promise<string | undefined> {
  const rows = await db.query<{ barcode: string }>('SELECT barcode FROM specimen WHERE replaces_specimen_id = $1', [
    specimenId,
  ]);
  return rows[0]?.barcode;
}

export async function findReplacedBarcode(db: Queryable, specimenId: string): Promise<string | null> {
  const rows = await db.query<{ barcode: string }>(
    'SELECT r.barcode FROM specimen s JOIN specimen r ON r.id = s.replaces_specimen_id WHERE s.id = $1',
    [specimenId]
  );
  return rows[0]?.barcode ?? null;
}

export interface ResultToRedrawRow {
  order_id: string;
  order_analysis_id: string;
  patient_id: string;
  analyte_id: string;
  analyte_code: string;
  urgent: boolean;
  analysis_code: string;
  analysis_volume_ml: string;
}

/**
 * The results cancelled with a rejected tube that nothing has taken over: their analysis is still
 * requested and no live result of the same analysis and analyte exists (on another tube).
 */
export async function listResultsToRedraw(db: Queryable, specimenId: string): Promise<ResultToRedrawRow[]> {
  return db.query<ResultToRedrawRow>(
    `SELECT r.order_id, r.order_analysis_id, r.patient_id, r.analyte_id, r.analyte_code, r.urgent,
       a.code AS analysis_code, a.volume_ml AS analysis_volume_ml
     FROM result r JOIN order_analysis oa ON oa.id = r.order_analysis_id JOIN analysis a ON a.id = oa.analysis_id
     WHERE r.specimen_id = $1 AND r.status = 'cancelled' AND oa.cancelled_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM result l WHERE l.order_analysis_id = r.order_analysis_id
         AND l.analyte_code = r.analyte_code AND l.status <> 'cancelled')
     ORDER BY oa.position, r.analyte_code`,
    [specimenId]
  );
}

export async function insertReplacementSpecimen(
  db: Queryable,
  specimen: { orderId: string; barcode: string; containerCode: string; volumeMl: number; replacesSpecimenId: string }
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO specimen (order_id, barcode, container_code, volume_ml, replaces_specimen_id)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [specimen.orderId, specimen.barcode, specimen.containerCode, specimen.volumeMl, specimen.replacesSpecimenId]
  );
  return (row as { id: string }).id;
}

/** The desk's open follow-up of a rejected tube moves on: a new tube is on its way. */
export async function markNonConformitiesInProgress(
  db: Queryable,
  specimenId: string,
  resolution: string,
  actorId: string
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `UPDATE non_conformity SET status = 'in_progress', resolution = $2, updated_by = $3, updated_at = now()
     WHERE specimen_id = $1 AND status = 'open' RETURNING id`,
    [specimenId, resolution, actorId]
  );
  return rows.map((r) => r.id);
}

/**
 * Statuses of a tube's results that are not cancelled (a validated one forbids rejecting the tube),
 * locked in id order: a technical validation running at the same time waits, then sees them cancelled.
 */
export async function lockLiveResultStatuses(
  db: Queryable,
  specimenId: string
): Promise<{ analyte_code: string; status: string }[]> {
  return db.query<{ analyte_code: string; status: string }>(
    `SELECT analyte_code, status FROM result WHERE specimen_id = $1 AND status <> 'cancelled' ORDER BY id FOR UPDATE`,
    [specimenId]
  );
}

/**
 * Rejects a tube after its acceptance: reception facts (who, when, checklist) stay; the later finding
 * is appended to the stored checklist under `lateRejection`.
 */
export async function recordLateRejection(
  db: Queryable,
  specimenId: string,
  rejection: { reasonCode: string; comment: string | null; lateRejection: object }
): Promise<void> {
  await db.query(
    `UPDATE specimen SET status = 'rejected', rejection_reason = $2, rejection_comment = $3,
       conformity = coalesce(conformity, '{}'::jsonb) || jsonb_build_object('lateRejection', $4::jsonb),
       version = version + 1
     WHERE id = $1`,
    [specimenId, rejection.reasonCode, rejection.comment, JSON.stringify(rejection.lateRejection)]
  );
}
