/**
 * Result entry at the bench: one value (`PUT /api/results/:id`) or a tube's grid
 * (`PUT /api/specimens/:barcode/results`), all or nothing. Each value is checked against the result
 * state machine (core/lab result-lifecycle.ts), parsed by its result type, then recorded as a new
 * version with its flag, interval and delta; the order's calculated analytes follow.
 */
import { checkResultTransition, SillageError, type SpecimenStatus } from '@sillage/core';
import type { Database, Queryable } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { analyteRuleOf } from './analyte-rule.js';
import { parseEntry } from './result-evaluation.js';
import { recordValues, type RecordingOutcome, type ValueChange } from './result-recording.js';
import * as repo from './results.repository.js';
import type { ResultEntryInput, ResultValueView, SpecimenEntryInput } from './results.schemas.js';

export function actorOf(context: AuditContext): NonNullable<AuditContext['actor']> {
  if (context.actor === null) {
    // Unreachable behind the access plugin: every results route requires a permission.
    throw new SillageError('SIL_AUTH_REQUIRED');
  }
  return context.actor;
}

/** Checks one entry against the row; the first problem answers with its stable code. */
function checkEntry(row: repo.OrderResultRow, input: ResultEntryInput, context: AuditContext): void {
  if (analyteRuleOf(row).formula !== null) {
    throw new SillageError('SIL_RESULT_CALCULATED', { detail: row.analyte_code });
  }
  if (row.specimen_status === 'rejected') {
    throw new SillageError('SIL_SPECIMEN_REJECTED', { detail: row.barcode ?? undefined });
  }
  if (row.status === 'biologically_validated' || row.status === 'released') {
    throw new SillageError('SIL_RESULT_LOCKED', { detail: row.analyte_code });
  }
  if (row.current_version !== input.expectedVersion) {
    throw new SillageError('SIL_CONFLICT', { extra: { resultId: row.id, currentVersion: row.current_version } });
  }
  const problem = checkResultTransition(row.status, 'entered', {
    actorRoles: actorOf(context).roles,
    hasValue: true,
    specimenStatus: row.specimen_status as SpecimenStatus | null,
    critical: false,
    criticalNotified: false,
    reason: input.reason ?? null,
  });
  if (problem !== null) {
    throw new SillageError(problem, { detail: row.analyte_code });
  }
}

function changeOf(row: repo.OrderResultRow, input: ResultEntryInput): ValueChange {
  return {
    row,
    value: parseEntry(analyteRuleOf(row), input.value),
    comment: input.comment === undefined || input.comment === null || input.comment === '' ? null : input.comment,
    commentCodes: [...new Set(input.commentCodes ?? [])],
  };
}

type AuditedValue = Pick<ResultValueView, 'id' | 'analyteCode' | 'version' | 'value' | 'flag' | 'critical'>;

function audited(result: ResultValueView): AuditedValue {
  return {
    id: result.id,
    analyteCode: result.analyteCode,
    version: result.version,
    value: result.value,
    flag: result.flag,
    critical: result.critical,
  };
}

function summaryForAudit(outcome: RecordingOutcome): { saved: AuditedValue[]; recalculated: AuditedValue[] } {
  return { saved: outcome.saved.map(audited), recalculated: outcome.recalculated.map(audited) };
}

export class ResultEntryService {
  constructor(private readonly database: Database) {}

  async enterOne(resultId: string, input: ResultEntryInput, context: AuditContext): Promise<RecordingOutcome> {
    return this.database.transaction(async (tx) => {
      const rows = await repo.lockResults(tx, { resultId });
      const row = rows.find((candidate) => candidate.id === resultId);
      if (row === undefined) {
        throw new SillageError('SIL_RESULT_NOT_FOUND');
      }
      checkEntry(row, input, context);
      const outcome = await this.record(tx, rows, [{ row, input }], context);
      await writeAuditEvent(tx, context, {
        action: 'result.entered',
        entityType: 'result',
        entityId: resultId,
        patientId: row.patient_id,
        after: summaryForAudit(outcome),
        reason: input.reason ?? null,
      });
      return outcome;
    });
  }

  async enterForSpecimen(barcode: string, input: SpecimenEntryInput, context: AuditContext): Promise<RecordingOutcome> {
    const ids = input.results.map((entry) => entry.resultId);
    if (new Set(ids).size !== ids.length) {
      throw new SillageError('SIL_VALIDATION', {
        issues: [{ path: 'results', message: 'résultat présent deux fois' }],
      });
    }
    return this.database.transaction(async (tx) => {
      const specimen = await repo.findSpecimenByBarcode(tx, barcode);
      if (specimen === undefined) {
        throw new SillageError('SIL_SPECIMEN_NOT_FOUND');
      }
      if (specimen.status === 'rejected') {
        throw new SillageError('SIL_SPECIMEN_REJECTED', { detail: barcode });
      }
      const rows = await repo.lockResults(tx, { orderId: specimen.order_id });
      const byId = new Map(rows.map((row) => [row.id, row]));
      const entries = input.results.map((entry, index) => {
        const row = byId.get(entry.resultId);
        if (row === undefined || row.specimen_id !== specimen.id) {
          throw new SillageError('SIL_RESULT_NOT_IN_SCOPE', {
            issues: [{ path: `results[${index}].resultId`, message: entry.resultId }],
          });
        }
        checkEntry(row, entry, context);
        return { row, input: entry };
      });
      const outcome = await this.record(tx, rows, entries, context);
      await writeAuditEvent(tx, context, {
        action: 'result.entered',
        entityType: 'specimen',
        entityId: specimen.id,
        patientId: rows[0]?.patient_id ?? null,
        after: { barcode, ...summaryForAudit(outcome) },
        reason: entries.find((entry) => entry.input.reason !== undefined)?.input.reason ?? null,
      });
      return outcome;
    });
  }

  private async record(
    tx: Queryable,
    rows: repo.OrderResultRow[],
    entries: { row: repo.OrderResultRow; input: ResultEntryInput }[],
    context: AuditContext
  ): Promise<RecordingOutcome> {
    // Parse everything first: one wrong value and nothing is saved.
    const changes = entries.map((entry) => changeOf(entry.row, entry.input));
    const withdrawn = entries
      .filter((entry) => entry.row.status === 'technically_validated')
      .map((entry) => ({ id: entry.row.id, reason: entry.input.reason ?? null }));
    const actorId = actorOf(context).userId;
    const outcome = await recordValues(tx, rows, changes, { actorId, mode: 'entry', reason: null });
    // Changing a technically validated value withdraws that validation: logged with its reason.
    const versions = new Map(outcome.saved.map((saved) => [saved.id, saved.version]));
    await repo.insertValidationEvents(
      tx,
      actorId,
      withdrawn.map((w) => ({
        result_id: w.id,
        result_version: versions.get(w.id) ?? 0,
        kind: 'correction',
        reason: w.reason,
      }))
    );
    return outcome;
  }
}
