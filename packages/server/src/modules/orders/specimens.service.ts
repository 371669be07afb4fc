/**
 * Sampling: the collector scans the tubes they have drawn; each one records its collection time and
 * collector (CSP R6211-22: the collector states their name and the date and hour of collection).
 * Transitions come from core lab/specimen-lifecycle.ts. All the scanned tubes are recorded, or none.
 */
import { checkSpecimenTransition, labInstantToEpochMs, SillageError, type FieldIssue } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import type { CollectInput } from './specimens.schemas.js';
import * as repo from './specimens.repository.js';

/** Clock skew tolerated between a sampling station and the server. */
const futureToleranceMs = 5 * 60_000;

/** A collection time in the future is a typing or clock error; refused. */
export function checkCollectionTime(collectedAt: string, path: string): void {
  const ms = labInstantToEpochMs(collectedAt);
  if (ms === null || ms > Date.now() + futureToleranceMs) {
    throw new SillageError('SIL_SPECIMEN_COLLECTION_TIME_INVALID', { issues: [{ path, message: collectedAt }] });
  }
}

export interface CollectedTube {
  barcode: string;
  orderNumber: string;
  status: 'collected';
  collectedAt: string;
  collectedBy: string | null;
}

export class SpecimenService {
  constructor(private readonly database: Database) {}

  async collect(input: CollectInput, context: AuditContext): Promise<CollectedTube[]> {
    const actor = context.actor;
    if (actor === null) {
      throw new SillageError('SIL_AUTH_REQUIRED');
    }
    const collectedAt = input.collectedAt ?? new Date().toISOString();
    checkCollectionTime(collectedAt, 'collectedAt');
    // The same tube scanned twice in one batch is one tube.
    const barcodes = [...new Set(input.barcodes)];
    return this.database.transaction(async (tx) => {
      const rows: repo.SpecimenRow[] = [];
      const unknown: FieldIssue[] = [];
      for (const barcode of barcodes) {
        const row = await repo.findSpecimenByBarcode(tx, barcode, true);
        if (row === undefined) {
          unknown.push({ path: 'barcodes', message: barcode });
        } else {
          rows.push(row);
        }
      }
      if (unknown.length > 0) {
        throw new SillageError('SIL_SPECIMEN_NOT_FOUND', { issues: unknown });
      }
      for (const row of rows) {
        const problem = checkSpecimenTransition(row.status, 'collected', { collectedAt, collectedBy: actor.name });
        if (problem !== null) {
          throw new SillageError(problem, {
            issues: [{ path: 'barcodes', message: `${row.barcode} : ${row.status}` }],
            extra: { barcode: row.barcode, status: row.status },
          });
        }
      }
      const collected: CollectedTube[] = [];
      for (const row of rows) {
        await repo.recordCollection(tx, row.id, { collectedAt, collectedBy: actor.userId, collectorName: null });
        await writeAuditEvent(tx, context, {
          action: 'specimen.collected',
          entityType: 'specimen',
          entityId: row.id,
          patientId: row.patient_id,
          before: { status: row.status },
          after: { barcode: row.barcode, status: 'collected', collectedAt, collectedBy: actor.name },
        });
        collected.push({
          barcode: row.barcode,
          orderNumber: row.order_number,
          status: 'collected',
          collectedAt: new Date(collectedAt).toISOString(),
          collectedBy: actor.name,
        });
      }
      return collected;
    });
  }
}
