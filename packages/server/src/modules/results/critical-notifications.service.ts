/**
 * Critical-value calls (ISO 15189:2022 §7.4.1.3 "résultats critiques"): who was called, when, by whom,
 * recorded for the result's current version. The record is write-once and stamped by the server with
 * the caller's identity (OpenELIS PR #3905's lesson); biological validation of a critical version is
 * refused until one exists (see technical-validation.service.ts for why the gate sits there).
 */
import { SillageError } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { insertNotification } from './critical-notifications.repository.js';
import { actorOf } from './result-entry.service.js';
import * as repo from './results.repository.js';
import type { CriticalNotificationInput, CriticalNotificationView } from './results.schemas.js';

/** Clocks of the bench phone and the server may differ by a few minutes. */
const clockSkewMs = 5 * 60_000;

export class CriticalNotificationService {
  constructor(private readonly database: Database) {}

  async record(
    resultId: string,
    input: CriticalNotificationInput,
    context: AuditContext
  ): Promise<CriticalNotificationView> {
    const calledAt = new Date(input.calledAt);
    if (calledAt.getTime() > Date.now() + clockSkewMs) {
      throw new SillageError('SIL_CRITICAL_NOTIFICATION_TIME_INVALID', {
        issues: [{ path: 'calledAt', message: input.calledAt }],
      });
    }
    const actor = actorOf(context);
    return this.database.transaction(async (tx) => {
      const [row] = await repo.lockResults(tx, { resultIds: [resultId] });
      if (row === undefined) {
        throw new SillageError('SIL_RESULT_NOT_FOUND');
      }
      if (row.current_version === 0 || row.status === 'pending') {
        throw new SillageError('SIL_RESULT_VALUE_MISSING', { detail: row.analyte_code });
      }
      const notification = await insertNotification(tx, {
        resultId,
        resultVersion: row.current_version,
        calledPerson: input.calledPerson,
        calledAt: calledAt.toISOString(),
        calledBy: actor.userId,
        comment: input.comment === undefined || input.comment === '' ? null : input.comment,
      });
      await writeAuditEvent(tx, context, {
        action: 'result.critical_notified',
        entityType: 'result',
        entityId: resultId,
        patientId: row.patient_id,
        after: notification,
      });
      return notification;
    });
  }
}
