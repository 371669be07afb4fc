/**
 * Correction after biological validation (ISO 15189:2022 §7.4.1.8 "amendements du compte rendu"):
 * a new version with a mandatory reason; the validated version stays as it was (append-only) and
 * keeps appearing on reports until the correction is itself validated. The corrected result goes
 * back to `entered` (core/lab result-lifecycle.ts: biologically_validated → entered, biologist and
 * reason required) and follows the ordinary validation path, critical-value call included; the
 * report built from it is then an amended one (the version carries `amendment_reason`).
 */
import { checkResultTransition, SillageError, type SpecimenStatus } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { analyteRuleOf } from './analyte-rule.js';
import { parseEntry } from './result-evaluation.js';
import { actorOf } from './result-entry.service.js';
import { recordValues } from './result-recording.js';
import { resultViewOf } from './result-views.js';
import * as repo from './results.repository.js';
import type { AmendmentInput, ResultValueView } from './results.schemas.js';

export interface AmendmentOutcome {
  result: ResultValueView;
  previousVersion: number;
  recalculated: ResultValueView[];
}

export class ResultAmendmentService {
  constructor(private readonly database: Database) {}

  async amend(resultId: string, input: AmendmentInput, context: AuditContext): Promise<AmendmentOutcome> {
    const reason = input.reason?.trim() ?? '';
    if (reason === '') {
      throw new SillageError('SIL_REASON_REQUIRED');
    }
    const actor = actorOf(context);
    return this.database.transaction(async (tx) => {
      const rows = await repo.lockResults(tx, { resultId });
      const row = rows.find((candidate) => candidate.id === resultId);
      if (row === undefined) {
        throw new SillageError('SIL_RESULT_NOT_FOUND');
      }
      const analyte = analyteRuleOf(row);
      if (analyte.formula !== null) {
        throw new SillageError('SIL_RESULT_CALCULATED', { detail: row.analyte_code });
      }
      if (row.status !== 'biologically_validated' && row.status !== 'released') {
        // Before biological validation a value is corrected by a new entry, not an amendment.
        throw new SillageError('SIL_RESULT_TRANSITION_NOT_ALLOWED', { detail: `${row.analyte_code} : ${row.status}` });
      }
      if (input.expectedVersion !== undefined && input.expectedVersion !== row.current_version) {
        throw new SillageError('SIL_CONFLICT', { extra: { resultId, currentVersion: row.current_version } });
      }
      const problem = checkResultTransition(row.status, 'entered', {
        actorRoles: actor.roles,
        hasValue: true,
        specimenStatus: row.specimen_status as SpecimenStatus | null,
        critical: row.critical,
        criticalNotified: false,
        reason,
      });
      if (problem !== null) {
        throw new SillageError(problem, { detail: row.analyte_code });
      }
      const before = resultViewOf(row, analyte);
      const outcome = await recordValues(
        tx,
        rows,
        [
          {
            row,
            value: parseEntry(analyte, input.value),
            comment: input.comment === undefined || input.comment === '' ? null : input.comment,
            commentCodes: [...new Set(input.commentCodes ?? [])],
          },
        ],
        { actorId: actor.userId, mode: 'amendment', reason }
      );
      const saved = outcome.saved[0] as (typeof outcome.saved)[number];
      const { previous: _previous, ...result } = saved;
      await writeAuditEvent(tx, context, {
        action: 'result.amended',
        entityType: 'result',
        entityId: resultId,
        patientId: row.patient_id,
        before: { version: before.version, value: before.value, flag: before.flag, status: before.status },
        after: {
          version: result.version,
          value: result.value,
          flag: result.flag,
          critical: result.critical,
          recalculated: outcome.recalculated.map((r) => ({ id: r.id, analyteCode: r.analyteCode, version: r.version })),
        },
        reason,
      });
      return { result, previousVersion: before.version, recalculated: outcome.recalculated };
    });
  }
}
