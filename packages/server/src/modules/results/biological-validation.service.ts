/**
 * Biological validation (biologiste only: CSP L6211-7, ISO 15189 §7.4.1.7): the queue, the review of
 * an order (flags, delta, the last 5 previous results per analyte — a read of the patient's record,
 * so it is logged), validation of all or some results (some → a partial report), and sending a result
 * back to the bench with a reason. The critical-value gate is here: a critical version is released
 * only once its call is recorded (core/lab result-lifecycle.ts, guard `criticalNotified`).
 */
import { checkResultTransition, SillageError } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, type AccessEventWriter, type AuditContext } from '../audit/audit-writer.js';
import { analyteRuleOf } from './analyte-rule.js';
import { notificationsForOrder } from './critical-notifications.repository.js';
import { previousResults, toPreviousView } from './history.repository.js';
import { actorOf } from './result-entry.service.js';
import { isoOrNull, patientSummaryOf, resultViewOf } from './result-views.js';
import * as repo from './results.repository.js';
import type { PatientSummaryView, QueueItem, ReviewResult } from './results.schemas.js';
import * as validationRepo from './validation.repository.js';

/** Antériorités shown beside each value on the review screen (issue 3 item 8). */
export const previousResultsShown = 5;

export interface OrderReview {
  orderId: string;
  orderNumber: string;
  urgency: 'routine' | 'urgent' | 'vital';
  clinicalInfo: string | null;
  patient: PatientSummaryView;
  results: ReviewResult[];
}

export interface BiologicalValidationOutcome {
  validated: { resultId: string; version: number; analyteCode: string }[];
  remaining: number;
  reportKind: 'partial' | 'complete';
}

export class BiologicalValidationService {
  constructor(
    private readonly database: Database,
    private readonly accessEvents: AccessEventWriter
  ) {}

  async queue(limit: number): Promise<QueueItem[]> {
    return (await validationRepo.validationQueue(this.database, limit)).map((row) => ({
      orderId: row.order_id,
      orderNumber: row.order_number,
      urgency: row.urgency,
      patient: patientSummaryOf(row),
      readyCount: row.ready_count,
      totalCount: row.total_count,
      validatedCount: row.validated_count,
      criticalCount: row.critical_count,
      criticalAwaitingCall: row.critical_awaiting_call,
      waitingSince: row.waiting_since.toISOString(),
    }));
  }

  /**
   * The review screen; reading it is an access to the patient's record (secret médical), logged by
   * the group-commit writer once the read is done and before the answer leaves.
   */
  async review(orderId: string, context: AuditContext): Promise<OrderReview> {
    const review = await this.database.transaction(async (tx) => {
      const header = await validationRepo.findOrderHeader(tx, orderId);
      if (header === undefined) {
        throw new SillageError('SIL_ORDER_NOT_FOUND');
      }
      const rows = await validationRepo.reviewResults(tx, orderId);
      const notifications = await notificationsForOrder(tx, orderId);
      const now = new Date();
      const requests = new Map<string, { analyteCode: string; before: Date }>();
      for (const row of rows) {
        if (!requests.has(row.analyte_code)) {
          requests.set(row.analyte_code, { analyteCode: row.analyte_code, before: row.collected_at ?? now });
        }
      }
      const previous = await previousResults(
        tx,
        header.patient_id,
        [...requests.values()],
        orderId,
        previousResultsShown
      );
      const results = rows.map((row): ReviewResult => {
        const analyte = analyteRuleOf(row);
        return {
          ...resultViewOf(row, analyte),
          analysisCode: row.analysis_code,
          analysisLabel: row.analysis_label,
          chapter: row.chapter,
          collectedAt: isoOrNull(row.collected_at),
          enteredBy: row.entered_by_name,
          technicalValidation:
            row.technical_by === null || row.technical_at === null
              ? null
              : { by: row.technical_by, at: row.technical_at.toISOString() },
          biologicalValidation:
            row.biological_by === null || row.biological_at === null
              ? null
              : { by: row.biological_by, at: row.biological_at.toISOString() },
          amendmentReason: row.amendment_reason,
          criticalNotifications: notifications.filter((n) => n.resultId === row.id),
          previous: previous.filter((p) => p.analyte_code === row.analyte_code).map(toPreviousView),
        };
      });
      return {
        patientId: header.patient_id,
        view: {
          orderId,
          orderNumber: header.order_number,
          urgency: header.urgency,
          clinicalInfo: header.clinical_info,
          patient: patientSummaryOf(header),
          results,
        },
      };
    });
    await this.accessEvents.record(context, {
      action: 'order.results_reviewed',
      entityType: 'order',
      entityId: orderId,
      patientId: review.patientId,
    });
    return review.view;
  }

  async validate(
    orderId: string,
    resultIds: readonly string[],
    context: AuditContext
  ): Promise<BiologicalValidationOutcome> {
    const actor = actorOf(context);
    const ids = [...new Set(resultIds)];
    return this.database.transaction(async (tx) => {
      const rows = await repo.lockResults(tx, { orderId });
      if (rows.length === 0 && (await validationRepo.findOrderHeader(tx, orderId)) === undefined) {
        throw new SillageError('SIL_ORDER_NOT_FOUND');
      }
      const byId = new Map(rows.map((row) => [row.id, row]));
      const targets = ids.map((id) => {
        const row = byId.get(id);
        if (row === undefined) {
          throw new SillageError('SIL_RESULT_NOT_IN_SCOPE', { issues: [{ path: 'resultIds', message: id }] });
        }
        return row;
      });
      for (const row of targets) {
        if (row.status === 'biologically_validated' || row.status === 'released') {
          throw new SillageError('SIL_RESULT_ALREADY_VALIDATED', {
            detail: `${row.analyte_code} v${row.current_version}`,
          });
        }
        if (row.status !== 'technically_validated') {
          throw new SillageError('SIL_RESULT_NOT_TECHNICALLY_VALIDATED', {
            issues: [{ path: row.analyte_code, message: row.status }],
          });
        }
      }
      const notified = await repo.notifiedVersions(
        tx,
        targets.filter((row) => row.critical).map((row) => ({ resultId: row.id, version: row.current_version }))
      );
      for (const row of targets) {
        const problem = checkResultTransition(row.status, 'biologically_validated', {
          actorRoles: actor.roles,
          hasValue: row.current_version > 0,
          specimenStatus: null,
          critical: row.critical,
          criticalNotified: notified.has(row.id),
        });
        if (problem !== null) {
          throw new SillageError(problem, { detail: row.analyte_code });
        }
      }
      await repo.insertValidationEvents(
        tx,
        actor.userId,
        targets.map((row) => ({
          result_id: row.id,
          result_version: row.current_version,
          kind: 'biological',
          reason: null,
        }))
      );
      await repo.updateResults(
        tx,
        targets.map((row) => ({
          id: row.id,
          status: 'biologically_validated',
          version: row.current_version,
          critical: row.critical,
        }))
      );
      const validatedIds = new Set(ids);
      const remaining = rows.filter(
        (row) =>
          row.status !== 'cancelled' &&
          !validatedIds.has(row.id) &&
          row.status !== 'biologically_validated' &&
          row.status !== 'released'
      ).length;
      const validated = targets.map((row) => ({
        resultId: row.id,
        version: row.current_version,
        analyteCode: row.analyte_code,
      }));
      const reportKind = remaining === 0 ? 'complete' : 'partial';
      await writeAuditEvent(tx, context, {
        action: 'result.biologically_validated',
        entityType: 'order',
        entityId: orderId,
        patientId: targets[0]?.patient_id ?? null,
        after: { results: validated, remaining, reportKind },
      });
      return { validated, remaining, reportKind };
    });
  }

  /** Sends a technically validated result back to the bench; the reason is mandatory. */
  async requestRerun(
    resultId: string,
    reason: string | undefined,
    context: AuditContext
  ): Promise<{ resultId: string; status: 'rejected_by_biologist'; version: number }> {
    const motive = reason?.trim() ?? '';
    if (motive === '') {
      throw new SillageError('SIL_REASON_REQUIRED');
    }
    const actor = actorOf(context);
    return this.database.transaction(async (tx) => {
      const [row] = await repo.lockResults(tx, { resultIds: [resultId] });
      if (row === undefined) {
        throw new SillageError('SIL_RESULT_NOT_FOUND');
      }
      if (row.status === 'biologically_validated' || row.status === 'released') {
        throw new SillageError('SIL_RESULT_LOCKED', { detail: row.analyte_code });
      }
      const problem = checkResultTransition(row.status, 'rejected_by_biologist', {
        actorRoles: actor.roles,
        hasValue: row.current_version > 0,
        specimenStatus: null,
        critical: row.critical,
        criticalNotified: false,
        reason: motive,
      });
      if (problem !== null) {
        throw new SillageError(problem, { detail: `${row.analyte_code} : ${row.status}` });
      }
      await repo.insertValidationEvents(tx, actor.userId, [
        { result_id: row.id, result_version: row.current_version, kind: 'rerun_requested', reason: motive },
      ]);
      await repo.updateResults(tx, [
        { id: row.id, status: 'rejected_by_biologist', version: row.current_version, critical: row.critical },
      ]);
      await writeAuditEvent(tx, context, {
        action: 'result.rerun_requested',
        entityType: 'result',
        entityId: row.id,
        patientId: row.patient_id,
        before: { status: row.status, version: row.current_version },
        after: { status: 'rejected_by_biologist' },
        reason: motive,
      });
      return { resultId: row.id, status: 'rejected_by_biologist', version: row.current_version };
    });
  }
}
