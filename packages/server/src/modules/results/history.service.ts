/**
 * A patient's validated results over time (antériorités), newest first, for one analyte or all.
 * Reading it is an access to the patient's record: logged like a record read (secret médical),
 * through the group-commit writer patient search and view use — the answer leaves only once its
 * access event is committed, and concurrent reads share one chain lock instead of queueing on it.
 */
import { SillageError } from '@sillage/core';
import type { Database } from '../../db/database.js';
import type { AccessEventWriter, AuditContext } from '../audit/audit-writer.js';
import { knownPatientHistory, toPreviousView } from './history.repository.js';
import type { PreviousResultView } from './results.schemas.js';

export class ResultHistoryService {
  constructor(
    private readonly database: Database,
    private readonly accessEvents: AccessEventWriter
  ) {}

  async history(
    query: { patientId: string; analyteCode?: string | undefined; limit: number },
    context: AuditContext
  ): Promise<(PreviousResultView & { analyteCode: string })[]> {
    const rows = await knownPatientHistory(this.database, query.patientId, query.analyteCode ?? null, query.limit);
    if (rows === null) {
      throw new SillageError('SIL_PATIENT_NOT_FOUND');
    }
    await this.accessEvents.record(context, {
      action: 'patient.results_read',
      entityType: 'patient',
      entityId: query.patientId,
      patientId: query.patientId,
      after: { analyteCode: query.analyteCode ?? null, count: rows.length },
    });
    return rows.map((row) => ({ ...toPreviousView(row), analyteCode: row.analyte_code }));
  }
}
