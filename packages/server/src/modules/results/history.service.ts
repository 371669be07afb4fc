/**
 * A patient's validated results over time (antériorités), newest first, for one analyte or all.
 * Reading it is an access to the patient's record: logged like a record read (secret médical).
 */
import { SillageError } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { patientHistory, toPreviousView } from './history.repository.js';
import type { PreviousResultView } from './results.schemas.js';

export class ResultHistoryService {
  constructor(private readonly database: Database) {}

  async history(
    query: { patientId: string; analyteCode?: string | undefined; limit: number },
    context: AuditContext
  ): Promise<(PreviousResultView & { analyteCode: string })[]> {
    return this.database.transaction(async (tx) => {
      const exists = await tx.query('SELECT 1 FROM patient WHERE id = $1', [query.patientId]);
      if (exists.length === 0) {
        throw new SillageError('SIL_PATIENT_NOT_FOUND');
      }
      const rows = await patientHistory(tx, query.patientId, query.analyteCode ?? null, query.limit);
      await writeAuditEvent(tx, context, {
        action: 'patient.results_read',
        entityType: 'patient',
        entityId: query.patientId,
        patientId: query.patientId,
        after: { analyteCode: query.analyteCode ?? null, count: rows.length },
      });
      return rows.map((row) => ({ ...toPreviousView(row), analyteCode: row.analyte_code }));
    });
  }
}
