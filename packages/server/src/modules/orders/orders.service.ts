/**
 * The desk's order workflow: register an order (numbers, tubes, pending results, feasibility), list
 * the day's orders with their derived status, read one (access logged: secret médical), add or
 * cancel analyses. Sampling, reception, labels and scans are the sub-services below.
 */
import { SillageError, parisDateOf, type FeasibilityWarning, type FieldIssue } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { LabelService } from './labels.service.js';
import { NonConformityService } from './non-conformities.service.js';
import { addToExistingTubes, createTubes, feasibilityOf, planTubes, resolveAnalyses } from './order-analyses.js';
import { allocateOrderNumber } from './order-numbers.js';
import { deriveStatuses, loadOrderView, toOrderPatient } from './order-view.js';
import * as repo from './orders.repository.js';
import type {
  OrderAnalysesChangeInput,
  OrderCreateInput,
  OrderListQuery,
  OrderSummary,
  OrderView,
} from './orders.schemas.js';
import { PrescriptionService } from './prescriptions.service.js';
import { ReceptionService } from './reception.service.js';
import { SpecimenLateRejectionService } from './specimen-late-rejection.service.js';
import { SpecimenReplacementService } from './specimen-replacement.service.js';
import * as specimenRepo from './specimens.repository.js';
import { SpecimenService } from './specimens.service.js';

export type OrderWithWarnings = OrderView & { warnings: FeasibilityWarning[] };

/** Upper bound of one list answer (a busy lab registers a few hundred orders a day). */
const listLimit = 1000;

function todayInParis(): string {
  return parisDateOf(new Date());
}

function requireActorId(context: AuditContext): string {
  if (context.actor === null) {
    throw new SillageError('SIL_AUTH_REQUIRED');
  }
  return context.actor.userId;
}

export class OrderService {
  readonly specimens: SpecimenService;
  readonly reception: ReceptionService;
  readonly labels: LabelService;
  readonly prescriptions: PrescriptionService;
  readonly nonConformities: NonConformityService;
  readonly replacements: SpecimenReplacementService;
  readonly lateRejections: SpecimenLateRejectionService;

  constructor(private readonly database: Database) {
    this.specimens = new SpecimenService(database);
    this.reception = new ReceptionService(database);
    this.labels = new LabelService(database);
    this.prescriptions = new PrescriptionService(database);
    this.nonConformities = new NonConformityService(database);
    this.replacements = new SpecimenReplacementService(database);
    this.lateRejections = new SpecimenLateRejectionService(database);
  }

  async create(input: OrderCreateInput, siteId: string | null, context: AuditContext): Promise<OrderWithWarnings> {
    if (input.prescriptionDate !== null && input.prescriptionDate > todayInParis()) {
      throw new SillageError('SIL_ORDER_PRESCRIPTION_DATE_INVALID', {
        issues: [{ path: 'prescriptionDate', message: input.prescriptionDate }],
      });
    }
    return this.database.transaction(async (tx) => {
      const patient = await repo.findPatient(tx, input.patientId, true);
      if (patient === undefined) {
        throw new SillageError('SIL_PATIENT_NOT_FOUND', { issues: [{ path: 'patientId', message: input.patientId }] });
      }
      if (patient.merged_into_id !== null) {
        throw new SillageError('SIL_ORDER_PATIENT_MERGED', { extra: { mergedIntoId: patient.merged_into_id } });
      }
      if (input.prescriberId !== null) {
        const prescriber = await repo.findPrescriber(tx, input.prescriberId);
        if (prescriber === undefined || !prescriber.active) {
          throw new SillageError('SIL_ORDER_PRESCRIBER_UNKNOWN', {
            issues: [{ path: 'prescriberId', message: input.prescriberId }],
          });
        }
      }
      const analyses = await resolveAnalyses(tx, input.analyses);
      const warnings = feasibilityOf(analyses, input);
      const tubes = await planTubes(tx, analyses);

      // The number is taken last among the checks and first among the writes: everything after it
      // commits or rolls back with it, so a failed order leaves no gap.
      const orderNumber = await allocateOrderNumber(tx, new Date());
      const orderId = await repo.insertOrder(tx, {
        orderNumber,
        patientId: patient.id,
        prescriberId: input.prescriberId,
        siteId,
        prescriptionDate: input.prescriptionDate,
        urgency: input.urgency,
        clinicalInfo: input.clinicalInfo === '' ? null : input.clinicalInfo,
        patientFasting: input.patientFasting === 'unknown' ? null : input.patientFasting === 'yes',
        plannedSamplingAt: input.plannedSamplingAt,
        createdBy: context.actor?.userId ?? null,
      });
      const placed = [];
      for (const [position, analysis] of analyses.entries()) {
        placed.push({
          analysis,
          orderAnalysisId: await repo.insertOrderAnalysis(tx, orderId, analysis.id, position + 1),
        });
      }
      const created = await createTubes(
        tx,
        { orderId, orderNumber, patientId: patient.id, urgent: input.urgency !== 'routine' },
        tubes,
        placed
      );
      await writeAuditEvent(tx, context, {
        action: 'order.created',
        entityType: 'order',
        entityId: orderId,
        patientId: patient.id,
        after: {
          orderNumber,
          analyses: analyses.map((a) => `${a.code}@${a.version}`),
          tubes: created.barcodes,
          results: created.results,
          urgency: input.urgency,
          prescriberId: input.prescriberId,
          warnings: warnings.map((w) => `${w.code}:${w.analysisCode}`),
          warningsAcknowledged: input.acknowledgeWarnings && warnings.some((w) => w.severity === 'blocking'),
        },
      });
      const view = (await loadOrderView(tx, orderId)) as OrderView;
      return { ...view, warnings };
    });
  }

  /** Reading an order shows a patient's identity and analyses: an access event (secret médical). */
  async read(id: string, context: AuditContext): Promise<OrderView> {
    return this.database.transaction(async (tx) => {
      const view = await loadOrderView(tx, id);
      if (view === undefined) {
        throw new SillageError('SIL_ORDER_NOT_FOUND');
      }
      await writeAuditEvent(tx, context, {
        action: 'order.read',
        entityType: 'order',
        entityId: id,
        patientId: view.patient.id,
      });
      return view;
    });
  }

  async list(query: OrderListQuery, context: AuditContext): Promise<OrderSummary[]> {
    const day = query.date ?? (query.patientId === undefined ? todayInParis() : null);
    return this.database.transaction(async (tx) => {
      const rows = await repo.listOrders(tx, {
        numberPrefix: day === null ? null : day.slice(2).replaceAll('-', ''),
        patientId: query.patientId ?? null,
        limit: listLimit,
      });
      const ids = rows.map((r) => r.id);
      const statuses = await deriveStatuses(tx, ids);
      const openNonConformities = await repo.countOpenNonConformities(tx, ids);
      const items: OrderSummary[] = rows
        .map((row) => ({
          id: row.id,
          orderNumber: row.order_number,
          status: statuses.get(row.id) ?? 'awaiting_specimens',
          urgency: row.urgency,
          createdAt: row.created_at.toISOString(),
          patient: toOrderPatient(row, row.patient_id),
          prescriberName:
            row.prescriber_last_name === null
              ? null
              : [row.prescriber_last_name, row.prescriber_first_name].filter((n) => n !== null).join(' '),
          analyses: row.analysis_mnemonics,
          specimens: {
            total: row.specimen_statuses.length,
            collected: row.specimen_statuses.filter((s) => s === 'collected').length,
            received: row.specimen_statuses.filter((s) => s === 'received' || s === 'in_analysis' || s === 'stored')
              .length,
            rejected: row.specimen_statuses.filter((s) => s === 'rejected').length,
          },
          openNonConformities: openNonConformities.get(row.id) ?? 0,
        }))
        .filter((item) => query.status === undefined || item.status === query.status);
      // A list of identities is an access too (as the patient search): who saw which orders.
      await writeAuditEvent(tx, context, {
        action: 'order.list',
        entityType: 'order',
        patientId: query.patientId ?? null,
        after: { date: day, status: query.status ?? null, orderIds: items.map((i) => i.id) },
      });
      return items;
    });
  }

  /**
   * Adds analyses (placed on a usable tube with room, else a new tube) and cancels others (reason
   * mandatory; refused once a result of the analysis is biologically validated).
   */
  async changeAnalyses(id: string, input: OrderAnalysesChangeInput, context: AuditContext): Promise<OrderWithWarnings> {
    const actorId = requireActorId(context);
    const reason = input.reason?.trim() ?? '';
    if (input.cancel.length > 0 && reason === '') {
      throw new SillageError('SIL_REASON_REQUIRED', { issues: [{ path: 'reason', message: 'motif d’annulation' }] });
    }
    return this.database.transaction(async (tx) => {
      const order = await repo.findOrder(tx, id, true);
      if (order === undefined) {
        throw new SillageError('SIL_ORDER_NOT_FOUND');
      }
      const current = await repo.listOrderAnalyses(tx, id);
      const findInOrder = (term: string) => {
        const upper = term.toUpperCase();
        return current.find((a) => a.code === upper) ?? current.find((a) => a.mnemonic.toUpperCase() === upper);
      };

      const toCancel: repo.OrderAnalysisRow[] = [];
      const notOrdered: FieldIssue[] = [];
      input.cancel.forEach((term, index) => {
        const row = findInOrder(term);
        if (row === undefined || row.cancelled_at !== null || toCancel.includes(row)) {
          notOrdered.push({ path: `cancel.${index}`, message: term });
        } else {
          toCancel.push(row);
        }
      });
      if (notOrdered.length > 0) {
        throw new SillageError('SIL_ORDER_ANALYSIS_NOT_ORDERED', { issues: notOrdered });
      }
      const locked = toCancel.filter((row) =>
        row.result_statuses.some((s) => s === 'biologically_validated' || s === 'released')
      );
      if (locked.length > 0) {
        throw new SillageError('SIL_ORDER_ANALYSIS_LOCKED', {
          issues: locked.map((row) => ({ path: 'cancel', message: row.code })),
        });
      }

      const added = input.add.length === 0 ? [] : await resolveAnalyses(tx, input.add);
      const already = added.filter((a) => current.some((row) => row.code === a.code));
      if (already.length > 0) {
        // Present, or cancelled earlier: a cancelled result never comes back (core result lifecycle).
        throw new SillageError('SIL_ORDER_ANALYSIS_ALREADY_ORDERED', {
          issues: already.map((a) => ({ path: 'add', message: a.code })),
        });
      }
      const warnings =
        added.length === 0
          ? []
          : feasibilityOf(added, {
              patientFasting: order.patient_fasting === null ? 'unknown' : order.patient_fasting ? 'yes' : 'no',
              plannedSamplingAt: order.planned_sampling_at?.toISOString() ?? null,
              plannedTransport: input.plannedTransport,
              acknowledgeWarnings: input.acknowledgeWarnings,
            });

      let cancelledResults = 0;
      for (const row of toCancel) {
        await repo.cancelOrderAnalysis(tx, row.id);
        cancelledResults += (
          await specimenRepo.cancelResults(tx, { orderAnalysisId: row.id, specimenId: null }, actorId, reason)
        ).length;
      }
      let placement = { barcodes: [] as string[], newBarcodes: [] as string[], results: 0 };
      if (added.length > 0) {
        const nextPosition = Math.max(0, ...current.map((row) => row.position)) + 1;
        const placed = [];
        for (const [offset, analysis] of added.entries()) {
          placed.push({
            analysis,
            orderAnalysisId: await repo.insertOrderAnalysis(tx, id, analysis.id, nextPosition + offset),
          });
        }
        placement = await addToExistingTubes(
          tx,
          {
            orderId: id,
            orderNumber: order.order_number,
            patientId: order.patient_id,
            urgent: order.urgency !== 'routine',
          },
          placed
        );
      }
      await repo.bumpOrderVersion(tx, id);
      await writeAuditEvent(tx, context, {
        action: 'order.analyses_changed',
        entityType: 'order',
        entityId: id,
        patientId: order.patient_id,
        before: { analyses: current.filter((row) => row.cancelled_at === null).map((row) => row.code) },
        after: {
          added: added.map((a) => `${a.code}@${a.version}`),
          cancelled: toCancel.map((row) => row.code),
          cancelledResults,
          tubes: placement.barcodes,
          newTubes: placement.newBarcodes,
          warnings: warnings.map((w) => `${w.code}:${w.analysisCode}`),
        },
        reason: reason === '' ? null : reason,
      });
      const view = (await loadOrderView(tx, id)) as OrderView;
      return { ...view, warnings };
    });
  }
}
