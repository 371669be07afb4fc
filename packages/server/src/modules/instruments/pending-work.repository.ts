/**
 * What an analyzer may be asked to do for a tube: the analytes still pending on it (host query
 * answers, LAB-28 work orders), with the identity the analyzer displays.
 */
import type { Queryable } from '../../db/database.js';

export interface PendingWork {
  readonly specimenId: string;
  readonly barcode: string;
  readonly specimenStatus: string;
  /** Received and accepted (LIS workflow: only an accepted tube is analysed). */
  readonly accepted: boolean;
  readonly specimenType: string;
  readonly collectedAt: Date | null;
  readonly orderNumber: string;
  readonly urgent: boolean;
  readonly patient: {
    readonly id: string;
    readonly patientNumber: string;
    readonly birthName: string;
    readonly firstFirstName: string;
    readonly birthDate: string;
    readonly sex: 'F' | 'M' | 'I';
  };
  readonly pendingAnalytes: readonly string[];
}

interface PendingRow {
  id: string;
  barcode: string;
  status: string;
  specimen_type: string;
  collected_at: Date | null;
  order_number: string;
  urgency: string;
  patient_id: string;
  patient_number: string;
  birth_name: string;
  first_first_name: string;
  birth_date: string;
  sex: 'F' | 'M' | 'I';
  pending: string[] | null;
}

export async function pendingWorkFor(db: Queryable, barcodes: readonly string[]): Promise<PendingWork[]> {
  if (barcodes.length === 0) {
    return [];
  }
  const rows = await db.query<PendingRow>(
    `SELECT s.id, s.barcode, s.status, c.specimen_type, s.collected_at, o.order_number, o.urgency,
       p.id AS patient_id, p.patient_number, p.birth_name, p.first_first_name, p.birth_date::text AS birth_date, p.sex,
       array_agg(r.analyte_code ORDER BY r.analyte_code)
         FILTER (WHERE r.status IN ('pending', 'rejected_by_biologist')) AS pending
     FROM specimen s
     JOIN lab_order o ON o.id = s.order_id
     JOIN patient p ON p.id = o.patient_id
     JOIN container c ON c.code = s.container_code
     LEFT JOIN result r ON r.specimen_id = s.id
     WHERE s.barcode = ANY($1::text[])
     GROUP BY s.id, c.specimen_type, o.id, p.id`,
    [barcodes]
  );
  return rows.map((row) => ({
    specimenId: row.id,
    barcode: row.barcode,
    specimenStatus: row.status,
    accepted: row.status === 'received' || row.status === 'in_analysis',
    specimenType: row.specimen_type,
    collectedAt: row.collected_at,
    orderNumber: row.order_number,
    urgent: row.urgency !== 'routine',
    patient: {
      id: row.patient_id,
      patientNumber: row.patient_number,
      birthName: row.birth_name,
      firstFirstName: row.first_first_name,
      birthDate: row.birth_date,
      sex: row.sex,
    },
    pendingAnalytes: row.pending ?? [],
  }));
}

/**
 * Tubes received in the last day that still have analytes this analyzer can run and that were not
 * yet sent to it as a work order (IHE LAW LAB-28 push on reception).
 */
export async function tubesAwaitingWorkOrder(db: Queryable, instrumentId: string, limit: number): Promise<string[]> {
  const rows = await db.query<{ barcode: string }>(
    `SELECT s.barcode FROM specimen s
     WHERE s.status IN ('received', 'in_analysis') AND s.received_at > now() - interval '24 hours'
       AND EXISTS (
         SELECT 1 FROM result r
         JOIN instrument_test_mapping m ON m.instrument_id = $1 AND m.analyte_code = r.analyte_code
           AND m.send_to_instrument
         WHERE r.specimen_id = s.id AND r.status IN ('pending', 'rejected_by_biologist'))
       AND NOT EXISTS (
         SELECT 1 FROM outbound_message ob
         WHERE ob.instrument_id = $1 AND ob.specimen_id = s.id AND ob.kind = 'work_order')
     ORDER BY s.received_at LIMIT $2`,
    [instrumentId, limit]
  );
  return rows.map((row) => row.barcode);
}
