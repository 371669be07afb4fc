/**
 * Rejection after acceptance: a tube accepted at reception turns out non-conforming later (clotted at
 * the bench, haemolysis seen after centrifugation). ISO 15189:2022 §7.5: non-conforming work found
 * during analysis is recorded and the results it produced are not released.
 *
 * Decisions:
 * - Only an accepted tube (received, in analysis) may be rejected this way; a rejected, stored or
 *   disposed one → SIL_SPECIMEN_NOT_ACCEPTED.
 * - Refused once one of its results is technically validated (or beyond): a validated value is
 *   corrected through an amendment, not by rejecting the tube afterwards.
 * - Its results are cancelled, never deleted: the values typed stay as result versions and the
 *   cancellation is appended to the validation log with the reason. Pending results of an analysis
 *   that another usable tube also carries move to that tube, as at reception.
 * - A non-conformity tells the desk to recall the patient (then a replacement tube is created).
 * - The reception facts stay; the finding is appended to the stored checklist (`lateRejection`).
 */
import { checkSpecimenTransition, SillageError } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { lockTubeAndOrder } from './specimen-lock.js';
import * as replacements from './specimen-replacement.repository.js';
import type { LateRejectionInput, ReceptionResult } from './specimens.schemas.js';
import { rejectionReasons } from './specimens.schemas.js';
import * as specimens from './specimens.repository.js';

const accepted = new Set(['received', 'in_analysis']);
const validatedStatuses = new Set(['technically_validated', 'biologically_validated', 'released']);

export class SpecimenLateRejectionService {
  constructor(private readonly database: Database) {}

  async reject(barcode: string, input: LateRejectionInput, context: AuditContext): Promise<ReceptionResult> {
    const actor = context.actor;
    if (actor === null) {
      throw new SillageError('SIL_AUTH_REQUIRED');
    }
    return this.database.transaction(async (tx) => {
      const { tube, order, locked } = await lockTubeAndOrder(tx, barcode, (specimenId) =>
        replacements.lockLiveResultStatuses(tx, specimenId)
      );
      if (!accepted.has(tube.status)) {
        throw new SillageError('SIL_SPECIMEN_NOT_ACCEPTED', { extra: { barcode: tube.barcode, status: tube.status } });
      }
      const validated = (locked ?? []).filter((r) => validatedStatuses.has(r.status));
      if (validated.length > 0) {
        throw new SillageError('SIL_SPECIMEN_RESULTS_VALIDATED', {
          issues: validated.map((r) => ({ path: 'results', message: `${r.analyte_code} : ${r.status}` })),
          extra: { barcode: tube.barcode },
        });
      }
      const problem = checkSpecimenTransition(tube.status, 'rejected', {
        collectedAt: tube.collected_at?.toISOString() ?? null,
        collectedBy: tube.collected_by_name ?? tube.collector_name,
        rejectionReasonCode: input.reasonCode,
      });
      if (problem !== null) {
        throw new SillageError(problem, { extra: { barcode: tube.barcode, status: tube.status } });
      }
      const reasonLabel = rejectionReasons[input.reasonCode];
      const comment = input.comment === undefined || input.comment === '' ? null : input.comment;
      const lateRejection = {
        decision: 'rejected_after_acceptance',
        reasonCode: input.reasonCode,
        comment,
        previousStatus: tube.status,
        rejectedBy: actor.name,
        rejectedAt: new Date().toISOString(),
      };
      const analyses = await specimens.listAnalysesOnSpecimen(tx, tube.id);
      await replacements.recordLateRejection(tx, tube.id, { reasonCode: input.reasonCode, comment, lateRejection });
      const reason = `Tube ${tube.barcode} refusé après acceptation : ${reasonLabel}`;
      let cancelledResults = 0;
      let movedResults = 0;
      for (const analysis of analyses) {
        const otherTube = analysis.other_specimen_ids[0];
        if (otherTube !== undefined) {
          movedResults += await specimens.moveOpenResults(tx, analysis.order_analysis_id, tube.id, otherTube);
        }
        // What was measured on the non-conforming tube is not reported (kept, cancelled).
        cancelledResults += (
          await specimens.cancelResults(
            tx,
            { orderAnalysisId: analysis.order_analysis_id, specimenId: tube.id },
            actor.userId,
            reason
          )
        ).length;
      }
      const nonConformityId = await specimens.insertNonConformity(tx, {
        orderId: order.id,
        specimenId: tube.id,
        reasonCode: input.reasonCode,
        description: `${reasonLabel} (après acceptation)${comment === null ? '' : ` — ${comment}`}`,
        createdBy: actor.userId,
      });
      await writeAuditEvent(tx, context, {
        action: 'specimen.rejected_after_acceptance',
        entityType: 'specimen',
        entityId: tube.id,
        patientId: order.patient_id,
        before: { status: tube.status },
        after: {
          barcode: tube.barcode,
          status: 'rejected',
          reasonCode: input.reasonCode,
          nonConformityId,
          recallPatient: true,
          cancelledResults,
          movedResults,
        },
        reason: comment ?? reasonLabel,
      });
      return {
        barcode: tube.barcode,
        status: 'rejected',
        orderId: order.id,
        orderNumber: order.order_number,
        conformity: { ...(tube.conformity ?? {}), lateRejection },
        nonConformityId,
        cancelledResults,
        movedResults,
      };
    });
  }
}
