/**
 * Builds what the API shows of an order: the order, its patient and prescriber, analyses with their
 * result counts, tubes, scans, and its status DERIVED from its results (core deriveOrderStatus:
 * an order's status is never stored, DESIGN.md § Domain model).
 */
import { deriveOrderStatus, parseSpecimenBarcode, type OrderStatus, type ResultStatus } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import * as orders from './orders.repository.js';
import type {
  OrderPatient,
  OrderSpecimenView,
  OrderView,
  PrescriptionDocumentView,
  ResultCounts,
} from './orders.schemas.js';
import * as specimens from './specimens.repository.js';

export function fastingAnswer(value: boolean | null): OrderView['patientFasting'] {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}

export function toOrderPatient(row: Omit<orders.OrderPatientRow, 'id'> & { id?: string }, id: string): OrderPatient {
  return {
    id,
    patientNumber: row.patient_number,
    birthName: row.birth_name,
    usedName: row.used_name,
    firstFirstName: row.first_first_name,
    birthDate: row.birth_date,
    sex: row.sex,
    identityStatus: row.identity_status,
  };
}

const countKeys: Record<ResultStatus, keyof Omit<ResultCounts, 'total'>> = {
  pending: 'pending',
  entered: 'entered',
  technically_validated: 'technicallyValidated',
  biologically_validated: 'biologicallyValidated',
  released: 'released',
  rejected_by_biologist: 'rejectedByBiologist',
  cancelled: 'cancelled',
};

export function countResults(statuses: readonly string[]): ResultCounts {
  const counts: ResultCounts = {
    total: 0,
    pending: 0,
    entered: 0,
    technicallyValidated: 0,
    biologicallyValidated: 0,
    released: 0,
    rejectedByBiologist: 0,
    cancelled: 0,
  };
  for (const status of statuses) {
    const key = countKeys[status as ResultStatus] as keyof ResultCounts | undefined;
    if (key !== undefined) {
      counts[key]++;
      counts.total++;
    }
  }
  return counts;
}

export function toSpecimenView(row: specimens.SpecimenRow): OrderSpecimenView {
  return {
    id: row.id,
    barcode: row.barcode,
    tubeIndex: parseSpecimenBarcode(row.barcode)?.tubeIndex ?? 0,
    containerCode: row.container_code,
    containerLabel: row.container_label,
    colour: row.colour,
    colourHex: row.colour_hex,
    specimenType: row.specimen_type,
    drawOrder: row.draw_order,
    volumeMl: Number(row.volume_ml),
    status: row.status,
    collectedAt: row.collected_at?.toISOString() ?? null,
    collectedBy: row.collected_by_name ?? row.collector_name,
    receivedAt: row.received_at?.toISOString() ?? null,
    receivedBy: row.received_by_name,
    rejectionReason: row.rejection_reason,
    analyses: row.analysis_codes,
    replacesBarcode: row.replaces_barcode,
    replacedByBarcode: row.replaced_by_barcode,
  };
}

export function toPrescriptionView(row: orders.PrescriptionDocumentRow): PrescriptionDocumentView {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by_name,
    uploadedAt: row.uploaded_at.toISOString(),
  };
}

/** Derived statuses of several orders at once (one query for results, one for deliveries). */
export async function deriveStatuses(db: Queryable, orderIds: readonly string[]): Promise<Map<string, OrderStatus>> {
  const states = await orders.listResultStates(db, orderIds);
  const delivered = await orders.findDeliveredOrderIds(db, orderIds);
  const byOrder = new Map<string, orders.ResultStateRow[]>();
  for (const state of states) {
    byOrder.set(state.order_id, [...(byOrder.get(state.order_id) ?? []), state]);
  }
  return new Map(
    orderIds.map((id) => [
      id,
      deriveOrderStatus({
        results: (byOrder.get(id) ?? []).map((r) => ({ status: r.status, specimenStatus: r.specimen_status })),
        completeReportDelivered: delivered.has(id),
      }),
    ])
  );
}

export async function loadOrderView(db: Queryable, orderId: string): Promise<OrderView | undefined> {
  const order = await orders.findOrder(db, orderId);
  if (order === undefined) {
    return undefined;
  }
  const patient = await orders.findPatient(db, order.patient_id);
  const prescriber = order.prescriber_id === null ? undefined : await orders.findPrescriber(db, order.prescriber_id);
  const analyses = await orders.listOrderAnalyses(db, orderId);
  const tubes = await specimens.listOrderSpecimens(db, orderId);
  const documents = await orders.listPrescriptionDocuments(db, orderId);
  const status = (await deriveStatuses(db, [orderId])).get(orderId) ?? 'awaiting_specimens';
  const openNonConformities = (await orders.countOpenNonConformities(db, [orderId])).get(orderId) ?? 0;
  if (patient === undefined) {
    throw new Error(`order ${orderId} without its patient`); // FK: unreachable
  }
  return {
    id: order.id,
    orderNumber: order.order_number,
    status,
    urgency: order.urgency,
    prescriptionDate: order.prescription_date,
    clinicalInfo: order.clinical_info,
    patientFasting: fastingAnswer(order.patient_fasting),
    plannedSamplingAt: order.planned_sampling_at?.toISOString() ?? null,
    createdAt: order.created_at.toISOString(),
    createdBy: order.created_by_name,
    version: order.version,
    patient: toOrderPatient(patient, patient.id),
    prescriber:
      prescriber === undefined
        ? null
        : {
            id: prescriber.id,
            rpps: prescriber.rpps,
            lastName: prescriber.last_name,
            firstName: prescriber.first_name,
            specialty: prescriber.specialty,
          },
    analyses: analyses.map((a) => ({
      orderAnalysisId: a.id,
      analysisId: a.analysis_id,
      code: a.code,
      version: a.version,
      mnemonic: a.mnemonic,
      label: a.label,
      section: a.section,
      cancelled: a.cancelled_at !== null,
      barcodes: a.barcodes,
      results: countResults(a.result_statuses),
    })),
    specimens: tubes.map(toSpecimenView),
    results: countResults(analyses.flatMap((a) => a.result_statuses)),
    prescriptions: documents.map(toPrescriptionView),
    openNonConformities,
  };
}
