/**
 * The desk's follow-up of rejected tubes: the open non-conformities say whom to recall
 * ("rappeler le patient"); the desk records what it did and closes them (ISO 15189:2022 §7.5).
 */
import { SillageError } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import * as repo from './non-conformities.repository.js';
import type { NonConformityUpdateInput, NonConformityView } from './specimens.schemas.js';
import { rejectionReasons, type RejectionReason } from './specimens.schemas.js';

const listLimit = 500;

function toView(row: repo.NonConformityRow): NonConformityView {
  return {
    id: row.id,
    kind: row.kind,
    reasonCode: row.reason_code,
    reasonLabel: rejectionReasons[row.reason_code as RejectionReason] ?? row.reason_code,
    description: row.description,
    recallPatient: row.recall_patient,
    status: row.status,
    resolution: row.resolution,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    order:
      row.order_id === null || row.order_number === null ? null : { id: row.order_id, orderNumber: row.order_number },
    specimen:
      row.barcode === null
        ? null
        : {
            barcode: row.barcode,
            containerLabel: row.container_label ?? row.barcode,
            status: row.specimen_status ?? 'rejected',
            replacedByBarcode: row.replaced_by_barcode,
          },
    patient:
      row.patient_id === null
        ? null
        : {
            id: row.patient_id,
            patientNumber: row.patient_number ?? '',
            birthName: row.birth_name ?? '',
            usedName: row.used_name,
            firstFirstName: row.first_first_name ?? '',
            birthDate: row.birth_date ?? '',
            sex: row.sex ?? 'I',
            identityStatus: row.identity_status ?? 'PROV',
            phone: row.phone,
          },
  };
}

/** Statuses a non-conformity may move to from each status (a closed one stays closed). */
const nextStatuses: Readonly<Record<repo.NonConformityRow['status'], readonly string[]>> = {
  open: ['in_progress', 'closed'],
  in_progress: ['in_progress', 'closed'],
  closed: [],
};

export class NonConformityService {
  constructor(private readonly database: Database) {}

  async list(
    filter: { status?: string | undefined; orderId?: string | undefined },
    context: AuditContext
  ): Promise<NonConformityView[]> {
    return this.database.transaction(async (tx) => {
      const rows = await repo.listNonConformities(tx, {
        status: filter.status ?? null,
        orderId: filter.orderId ?? null,
        limit: listLimit,
      });
      // The list names patients and their phone: an access event, as any list of identities.
      await writeAuditEvent(tx, context, {
        action: 'non_conformity.list',
        entityType: 'non_conformity',
        after: { status: filter.status ?? null, ids: rows.map((r) => r.id) },
      });
      return rows.map(toView);
    });
  }

  async update(id: string, input: NonConformityUpdateInput, context: AuditContext): Promise<NonConformityView> {
    return this.database.transaction(async (tx) => {
      const row = await repo.findNonConformity(tx, id, true);
      if (row === undefined) {
        throw new SillageError('SIL_NON_CONFORMITY_NOT_FOUND');
      }
      if (!nextStatuses[row.status].includes(input.status)) {
        throw new SillageError('SIL_CONFLICT', { detail: `non-conformité ${row.status} → ${input.status}` });
      }
      await repo.updateNonConformity(tx, id, {
        status: input.status,
        resolution: input.resolution,
        updatedBy: context.actor?.userId ?? null,
      });
      await writeAuditEvent(tx, context, {
        action: 'non_conformity.updated',
        entityType: 'non_conformity',
        entityId: id,
        patientId: row.patient_id,
        before: { status: row.status, resolution: row.resolution },
        after: { status: input.status, resolution: input.resolution },
      });
      return toView((await repo.findNonConformity(tx, id)) as repo.NonConformityRow);
    });
  }
}
