/**
 * SQL of the non-conformity register as the desk reads it: rejected tubes whose patient must be
 * recalled, with the order, the tube and whom to call.
 */
import type { SpecimenStatus } from '@sillage/core';
import type { Queryable } from '../../db/database.js';

export interface NonConformityRow {
  id: string;
  kind: string;
  reason_code: string;
  description: string | null;
  recall_patient: boolean;
  status: 'open' | 'in_progress' | 'closed';
  resolution: string | null;
  created_at: Date;
  created_by_name: string | null;
  order_id: string | null;
  order_number: string | null;
  barcode: string | null;
  container_label: string | null;
  specimen_status: SpecimenStatus | null;
  replaced_by_barcode: string | null;
  patient_id: string | null;
  patient_number: string | null;
  birth_name: string | null;
  used_name: string | null;
  first_first_name: string | null;
  birth_date: string | null;
  sex: 'F' | 'M' | 'I' | null;
  identity_status: 'PROV' | 'RECUP' | 'VALI' | 'QUAL' | null;
  phone: string | null;
}

const columns = `nc.id, nc.kind, nc.reason_code, nc.description, nc.recall_patient, nc.status, nc.resolution,
  nc.created_at, u.display_name AS created_by_name, nc.order_id, o.order_number, s.barcode, c.label AS container_label,
  s.status AS specimen_status, (SELECT ns.barcode FROM specimen ns WHERE ns.replaces_specimen_id = s.id) AS replaced_by_barcode,
  p.id AS patient_id, p.patient_number, p.birth_name, p.used_name, p.first_first_name, p.birth_date::text AS birth_date,
  p.sex, p.identity_status, p.phone`;

const from = `non_conformity nc LEFT JOIN lab_order o ON o.id = nc.order_id LEFT JOIN patient p ON p.id = o.patient_id
  LEFT JOIN specimen s ON s.id = nc.specimen_id LEFT JOIN container c ON c.code = s.container_code
  LEFT JOIN app_user u ON u.id = nc.created_by`;

export async function listNonConformities(
  db: Queryable,
  filter: { status: string | null; orderId: string | null; limit: number }
): Promise<NonConformityRow[]> {
  return db.query<NonConformityRow>(
    `SELECT ${columns} FROM ${from}
     WHERE ($1::text IS NULL OR nc.status = $1) AND ($2::uuid IS NULL OR nc.order_id = $2)
     ORDER BY nc.created_at DESC, nc.id LIMIT $3`,
    [filter.status, filter.orderId, filter.limit]
  );
}

export async function findNonConformity(
  db: Queryable,
  id: string,
  forUpdate = false
): Promise<NonConformityRow | undefined> {
  const rows = await db.query<NonConformityRow>(
    `SELECT ${columns} FROM ${from} WHERE nc.id = $1${forUpdate ? ' FOR UPDATE OF nc' : ''}`,
    [id]
  );
  return rows[0];
}

export async function updateNonConformity(
  db: Queryable,
  id: string,
  update: { status: string; resolution: string; updatedBy: string | null }
): Promise<void> {
  await db.query(
    'UPDATE non_conformity SET status = $2, resolution = $3, updated_by = $4, updated_at = now() WHERE id = $1',
    [id, update.status, update.resolution, update.updatedBy]
  );
}
