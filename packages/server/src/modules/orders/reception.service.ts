/**
 * Reception: a scanned barcode shows its conformity checklist context (identity on the tube vs the
 * order, expected container, collection time, delay against the stability of its analyses); the
 * answer accepts the tube, or rejects it with a coded reason, which opens a non-conformity asking
 * the desk to recall the patient (ISO 15189:2022 §7.2.6 reception, §7.5 non-conforming work).
 *
 * Decisions:
 * - A tube already decided (received, rejected, in analysis, stored, disposed) scanned again →
 *   SIL_SPECIMEN_ALREADY_RECEIVED and nothing changes (a rejected tube's decision stands too).
 * - Accepting a tube whose identity does not match is refused: the tube must be rejected
 *   (IDENTITE_DISCORDANTE) — a dérogation needs a biologist's sign-off, not supported yet.
 * - A delay beyond stability is flagged in the stored checklist; the technician decides.
 * - Rejecting a tube: for each analysis it carries, the pending results move to another usable tube
 *   of the order carrying the same analysis; when the rejected tube was its only one, they are
 *   cancelled (logged with the reason). Other tubes are untouched. The recollection is a replacement
 *   tube of the same order (specimen-replacement.service.ts); a tube found non-conforming after its
 *   acceptance is rejected by specimen-late-rejection.service.ts.
 */
import {
  checkSpecimenTransition,
  evaluateStability,
  hoursBetween,
  SillageError,
  type StabilityVerdict,
} from '@sillage/core';
import type { Database, Queryable } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { toOrderPatient } from './order-view.js';
import * as orders from './orders.repository.js';
import type {
  AcceptInput,
  ReceptionInput,
  ReceptionResult,
  RejectInput,
  SpecimenContext,
} from './specimens.schemas.js';
import { rejectionReasons } from './specimens.schemas.js';
import * as repo from './specimens.repository.js';
import { checkCollectionTime } from './specimens.service.js';

const alreadyDecided = new Set(['received', 'rejected', 'in_analysis', 'stored', 'disposed']);

const stabilityTemperature = { ambiante: 'room', refrigeree: 'cold' } as const;

interface StabilityLine {
  analysisCode: string;
  verdict: StabilityVerdict;
}

function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

function stabilityLines(
  analyses: readonly repo.AnalysisOnSpecimenRow[],
  hours: number | null,
  temperature: keyof typeof stabilityTemperature | 'congelee'
): StabilityLine[] {
  return analyses.map((a) => ({
    analysisCode: a.code,
    // Frozen stability is not in the catalogue (0003 holds room and 2–8 °C only).
    verdict:
      hours === null || temperature === 'congelee'
        ? 'not_documented'
        : evaluateStability(
            {
              stabilityHoursRoom: a.stability_hours_room === null ? null : Number(a.stability_hours_room),
              stabilityHoursCold: a.stability_hours_cold === null ? null : Number(a.stability_hours_cold),
            },
            hours,
            stabilityTemperature[temperature]
          ),
  }));
}

async function findForReception(tx: Queryable, barcode: string, forUpdate: boolean): Promise<repo.SpecimenRow> {
  const row = await repo.findSpecimenByBarcode(tx, barcode, forUpdate);
  if (row === undefined) {
    throw new SillageError('SIL_SPECIMEN_NOT_FOUND', { issues: [{ path: 'barcode', message: barcode }] });
  }
  return row;
}

export class ReceptionService {
  constructor(private readonly database: Database) {}

  /** The checklist context of a scanned tube; it shows identity traits, so reading it is logged. */
  async context(barcode: string, context: AuditContext): Promise<SpecimenContext> {
    return this.database.transaction(async (tx) => {
      const row = await findForReception(tx, barcode, false);
      const patient = (await orders.findPatient(tx, row.patient_id)) as orders.OrderPatientRow;
      const analyses = await repo.listAnalysesOnSpecimen(tx, row.id);
      const hours = row.collected_at === null ? null : hoursBetween(row.collected_at, new Date());
      const room = stabilityLines(analyses, hours, 'ambiante');
      const cold = stabilityLines(analyses, hours, 'refrigeree');
      await writeAuditEvent(tx, context, {
        action: 'specimen.read',
        entityType: 'specimen',
        entityId: row.id,
        patientId: row.patient_id,
      });
      return {
        specimen: {
          id: row.id,
          barcode: row.barcode,
          status: row.status,
          containerCode: row.container_code,
          containerLabel: row.container_label,
          colour: row.colour,
          colourHex: row.colour_hex,
          specimenType: row.specimen_type,
          volumeMl: Number(row.volume_ml),
          collectedAt: row.collected_at?.toISOString() ?? null,
          collectedBy: row.collected_by_name ?? row.collector_name,
          receivedAt: row.received_at?.toISOString() ?? null,
          receivedBy: row.received_by_name,
          conformity: row.conformity,
          rejectionReason: row.rejection_reason,
          rejectionComment: row.rejection_comment,
        },
        order: {
          id: row.order_id,
          orderNumber: row.order_number,
          urgency: row.urgency,
          createdAt: row.order_created_at.toISOString(),
        },
        patient: toOrderPatient(patient, patient.id),
        analyses: analyses.map((a, index) => ({
          code: a.code,
          mnemonic: a.mnemonic,
          label: a.label,
          stabilityHoursRoom: a.stability_hours_room === null ? null : Number(a.stability_hours_room),
          stabilityHoursCold: a.stability_hours_cold === null ? null : Number(a.stability_hours_cold),
          stabilityRoom: room[index]?.verdict ?? 'not_documented',
          stabilityCold: cold[index]?.verdict ?? 'not_documented',
        })),
        delay: {
          hoursSinceCollection: hours === null ? null : roundHours(hours),
          exceededAtRoomTemperature: room.some((line) => line.verdict === 'exceeded'),
          exceededRefrigerated: cold.some((line) => line.verdict === 'exceeded'),
        },
        canReceive: row.status === 'expected' || row.status === 'collected',
        rejectionReasons: Object.entries(rejectionReasons).map(([code, label]) => ({ code, label })),
      };
    });
  }

  async receive(barcode: string, input: ReceptionInput, context: AuditContext): Promise<ReceptionResult> {
    const actor = context.actor;
    if (actor === null) {
      throw new SillageError('SIL_AUTH_REQUIRED');
    }
    if (input.collectedAt !== undefined) {
      checkCollectionTime(input.collectedAt, 'collectedAt');
    }
    return this.database.transaction(async (tx) => {
      const row = await findForReception(tx, barcode, true);
      if (alreadyDecided.has(row.status)) {
        throw new SillageError('SIL_SPECIMEN_ALREADY_RECEIVED', {
          extra: { barcode: row.barcode, status: row.status, receivedAt: row.received_at?.toISOString() ?? null },
        });
      }
      if (input.accept && !input.identityMatches) {
        throw new SillageError('SIL_RECEPTION_IDENTITY_MISMATCH', {
          issues: [{ path: 'identityMatches', message: 'refuser le tube (IDENTITE_DISCORDANTE)' }],
        });
      }
      const external = row.status === 'expected';
      if (!external && (input.collectedAt !== undefined || input.collectorName !== undefined)) {
        throw new SillageError('SIL_VALIDATION', {
          issues: [{ path: 'collectedAt', message: 'prélèvement déjà tracé pour ce tube' }],
        });
      }
      const collectedAt = row.collected_at?.toISOString() ?? input.collectedAt ?? null;
      const collectedBy = row.collected_by_name ?? row.collector_name ?? input.collectorName ?? null;
      const analyses = await repo.listAnalysesOnSpecimen(tx, row.id);
      const hours = collectedAt === null ? null : hoursBetween(collectedAt, new Date());
      const checked = { checkedBy: actor.name, checkedAt: new Date().toISOString() };
      if (input.accept) {
        return this.accept(tx, row, input, analyses, { collectedAt, collectedBy, external, hours, checked }, context);
      }
      return this.reject(tx, row, input, analyses, { collectedAt, collectedBy, external, hours, checked }, context);
    });
  }

  private async accept(
    tx: Queryable,
    row: repo.SpecimenRow,
    input: AcceptInput,
    analyses: readonly repo.AnalysisOnSpecimenRow[],
    facts: Facts,
    context: AuditContext
  ): Promise<ReceptionResult> {
    const problem = checkSpecimenTransition(row.status, 'received', {
      collectedAt: facts.collectedAt,
      collectedBy: facts.collectedBy,
    });
    if (problem !== null) {
      throw new SillageError(problem, { extra: { barcode: row.barcode, status: row.status } });
    }
    const stability = stabilityLines(analyses, facts.hours, input.temperature);
    const conformity = {
      decision: 'accepted',
      identityMatches: input.identityMatches,
      containerOk: input.containerOk,
      fillingOk: input.fillingOk,
      temperature: input.temperature,
      haemolysis: input.haemolysis,
      lipaemia: input.lipaemia,
      icterus: input.icterus,
      comment: input.comment ?? null,
      hoursSinceCollection: facts.hours === null ? null : roundHours(facts.hours),
      stability,
      stabilityExceeded: stability.some((line) => line.verdict === 'exceeded'),
      ...facts.checked,
    };
    await this.recordExternalCollection(tx, row, facts);
    await repo.recordReception(tx, row.id, {
      status: 'received',
      receivedBy: context.actor?.userId ?? null,
      conformity,
      rejectionReason: null,
      rejectionComment: null,
    });
    await writeAuditEvent(tx, context, {
      action: 'specimen.received',
      entityType: 'specimen',
      entityId: row.id,
      patientId: row.patient_id,
      before: { status: row.status },
      after: { barcode: row.barcode, status: 'received', conformity },
    });
    return {
      barcode: row.barcode,
      status: 'received',
      orderId: row.order_id,
      orderNumber: row.order_number,
      conformity,
      nonConformityId: null,
      cancelledResults: 0,
      movedResults: 0,
    };
  }

  private async reject(
    tx: Queryable,
    row: repo.SpecimenRow,
    input: RejectInput,
    analyses: readonly repo.AnalysisOnSpecimenRow[],
    facts: Facts,
    context: AuditContext
  ): Promise<ReceptionResult> {
    const problem = checkSpecimenTransition(row.status, 'rejected', {
      collectedAt: facts.collectedAt,
      collectedBy: facts.collectedBy,
      rejectionReasonCode: input.reasonCode,
    });
    if (problem !== null) {
      throw new SillageError(problem, { extra: { barcode: row.barcode, status: row.status } });
    }
    const actorId = (context.actor as { userId: string }).userId;
    const reasonLabel = rejectionReasons[input.reasonCode];
    const conformity = {
      decision: 'rejected',
      reasonCode: input.reasonCode,
      identityMatches: input.identityMatches ?? null,
      containerOk: input.containerOk ?? null,
      fillingOk: input.fillingOk ?? null,
      temperature: input.temperature ?? null,
      haemolysis: input.haemolysis ?? null,
      lipaemia: input.lipaemia ?? null,
      icterus: input.icterus ?? null,
      comment: input.comment ?? null,
      hoursSinceCollection: facts.hours === null ? null : roundHours(facts.hours),
      ...facts.checked,
    };
    if (facts.collectedAt !== null && facts.external) {
      await this.recordExternalCollection(tx, row, facts);
    }
    await repo.recordReception(tx, row.id, {
      status: 'rejected',
      receivedBy: actorId,
      conformity,
      rejectionReason: input.reasonCode,
      rejectionComment: input.comment ?? null,
    });
    let cancelledResults = 0;
    let movedResults = 0;
    const reason = `Tube ${row.barcode} refusé à la réception : ${reasonLabel}`;
    for (const analysis of analyses) {
      const otherTube = analysis.other_specimen_ids[0];
      if (otherTube === undefined) {
        cancelledResults += (
          await repo.cancelResults(
            tx,
            { orderAnalysisId: analysis.order_analysis_id, specimenId: row.id },
            actorId,
            reason
          )
        ).length;
      } else {
        movedResults += await repo.moveOpenResults(tx, analysis.order_analysis_id, row.id, otherTube);
      }
    }
    const nonConformityId = await repo.insertNonConformity(tx, {
      orderId: row.order_id,
      specimenId: row.id,
      reasonCode: input.reasonCode,
      description:
        input.comment === undefined || input.comment === '' ? reasonLabel : `${reasonLabel} — ${input.comment}`,
      createdBy: actorId,
    });
    await writeAuditEvent(tx, context, {
      action: 'specimen.rejected',
      entityType: 'specimen',
      entityId: row.id,
      patientId: row.patient_id,
      before: { status: row.status },
      after: {
        barcode: row.barcode,
        status: 'rejected',
        reasonCode: input.reasonCode,
        nonConformityId,
        recallPatient: true,
        cancelledResults,
        movedResults,
        conformity,
      },
      reason: input.comment ?? reasonLabel,
    });
    return {
      barcode: row.barcode,
      status: 'rejected',
      orderId: row.order_id,
      orderNumber: row.order_number,
      conformity,
      nonConformityId,
      cancelledResults,
      movedResults,
    };
  }

  /** A tube first seen at reception: its collection (transmission form) is traced before reception. */
  private async recordExternalCollection(tx: Queryable, row: repo.SpecimenRow, facts: Facts): Promise<void> {
    if (!facts.external || facts.collectedAt === null) {
      return;
    }
    await repo.recordCollection(tx, row.id, {
      collectedAt: facts.collectedAt,
      collectedBy: null,
      collectorName: facts.collectedBy,
    });
  }
}

interface Facts {
  collectedAt: string | null;
  collectedBy: string | null;
  external: boolean;
  hours: number | null;
  checked: { checkedBy: string; checkedAt: string };
}
