/**
 * Technical validation (technicien, or biologiste): per result or per tube, all or nothing. An
 * incomplete result (no value yet, or sent back to rerun) refuses the whole request. Each validated
 * version is logged in `validation_event` (append-only).
 *
 * Critical values: technical validation does NOT wait for the call. The call is a clinical act that
 * follows the technician's check and usually the biologist's review (issue 3 § end-to-end: the
 * technician validates, the biologist records the call then validates), so the gate "a critical value
 * requires a notification record before release" sits at biological validation — the release — as
 * core/lab result-lifecycle.ts puts it (guard `criticalNotified` on technically_validated →
 * biologically_validated). The answer lists the critical values still awaiting their call.
 */
import { checkResultTransition, SillageError, type SpecimenStatus } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { actorOf } from './result-entry.service.js';
import * as repo from './results.repository.js';
import type { TechnicalValidationInput } from './results.schemas.js';

export interface TechnicalValidationOutcome {
  validated: { resultId: string; version: number; analyteCode: string; critical: boolean }[];
  criticalAwaitingCall: string[];
}

const incompleteStatuses = new Set(['pending', 'rejected_by_biologist']);
const validatedStatuses = new Set(['technically_validated', 'biologically_validated', 'released']);

export class TechnicalValidationService {
  constructor(private readonly database: Database) {}

  async validate(input: TechnicalValidationInput, context: AuditContext): Promise<TechnicalValidationOutcome> {
    const actor = actorOf(context);
    return this.database.transaction(async (tx) => {
      let targets: repo.OrderResultRow[];
      if ('resultIds' in input) {
        const ids = [...new Set(input.resultIds)];
        targets = await repo.lockResults(tx, { resultIds: ids });
        if (targets.length !== ids.length) {
          const found = new Set(targets.map((row) => row.id));
          throw new SillageError('SIL_RESULT_NOT_FOUND', {
            issues: ids.filter((id) => !found.has(id)).map((id) => ({ path: 'resultIds', message: id })),
          });
        }
        const already = targets.filter((row) => validatedStatuses.has(row.status));
        if (already.length > 0) {
          throw new SillageError('SIL_RESULT_ALREADY_VALIDATED', {
            issues: already.map((row) => ({ path: row.analyte_code, message: row.status })),
          });
        }
      } else {
        const specimen = await repo.findSpecimenByBarcode(tx, input.specimenBarcode);
        if (specimen === undefined) {
          throw new SillageError('SIL_SPECIMEN_NOT_FOUND');
        }
        const rows = await repo.lockResults(tx, { specimenId: specimen.id });
        // A tube is validated as a whole: what is already validated or cancelled is left as it is.
        targets = rows.filter((row) => row.status !== 'cancelled' && !validatedStatuses.has(row.status));
        if (targets.length === 0) {
          throw new SillageError('SIL_RESULT_ALREADY_VALIDATED', { detail: input.specimenBarcode });
        }
      }
      const rejected = targets.find((row) => row.specimen_status === 'rejected');
      if (rejected !== undefined) {
        throw new SillageError('SIL_SPECIMEN_REJECTED', { detail: rejected.barcode ?? undefined });
      }
      const incomplete = targets.filter((row) => incompleteStatuses.has(row.status) || row.current_version === 0);
      if (incomplete.length > 0) {
        throw new SillageError('SIL_RESULT_INCOMPLETE', {
          issues: incomplete.map((row) => ({ path: row.analyte_code, message: row.status })),
        });
      }
      for (const row of targets) {
        const problem = checkResultTransition(row.status, 'technically_validated', {
          actorRoles: actor.roles,
          hasValue: row.current_version > 0,
          // A calculated result without a tube of its own stands on its inputs' accepted tubes.
          specimenStatus: (row.specimen_status ?? 'received') as SpecimenStatus,
          critical: row.critical,
          criticalNotified: false,
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
          kind: 'technical',
          reason: null,
        }))
      );
      await repo.updateResults(
        tx,
        targets.map((row) => ({
          id: row.id,
          status: 'technically_validated',
          version: row.current_version,
          critical: row.critical,
        }))
      );
      const critical = targets.filter((row) => row.critical);
      const notified = await repo.notifiedVersions(
        tx,
        critical.map((row) => ({ resultId: row.id, version: row.current_version }))
      );
      const validated = targets.map((row) => ({
        resultId: row.id,
        version: row.current_version,
        analyteCode: row.analyte_code,
        critical: row.critical,
      }));
      // One audit event per patient concerned (a batch may span several tubes).
      const byPatient = new Map<string, typeof validated>();
      targets.forEach((row, index) => {
        const list = byPatient.get(row.patient_id) ?? [];
        list.push(validated[index] as (typeof validated)[number]);
        byPatient.set(row.patient_id, list);
      });
      for (const [patientId, results] of byPatient) {
        await writeAuditEvent(tx, context, {
          action: 'result.technically_validated',
          entityType: results.length === 1 ? 'result' : 'results',
          entityId: results.length === 1 ? (results[0]?.resultId ?? null) : null,
          patientId,
          after: { results },
        });
      }
      return {
        validated,
        criticalAwaitingCall: critical.filter((row) => !notified.has(row.id)).map((row) => row.id),
      };
    });
  }
}
