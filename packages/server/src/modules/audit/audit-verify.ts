/**
 * Recomputes the audit hash chain (`npm run audit:verify`) and names the first broken link.
 * Reads in pages so a long trail does not load into memory at once.
 */
import type { Queryable } from '../../db/database.js';
import { chainHash, genesisHash, type AuditEventRecord } from './audit-canonical.js';

export type AuditVerification =
  | { ok: true; eventCount: number; lastHash: string }
  | { ok: false; eventCount: number; brokenAtId: number; problem: 'hash_mismatch' | 'prev_hash_mismatch' };

interface AuditRow {
  id: number;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  patient_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  request_id: string | null;
  address: string | null;
  prev_hash: string;
  hash: string;
}

export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<AuditVerification> {
  let previousHash = genesisHash;
  let afterId = 0;
  let count = 0;
  for (;;) {
    const rows = await db.query<AuditRow>('SELECT * FROM audit_event WHERE id > $1 ORDER BY id LIMIT $2', [
      afterId,
      pageSize,
    ]);
    for (const row of rows) {
      count++;
      if (row.prev_hash !== previousHash) {
        return { ok: false, eventCount: count, brokenAtId: row.id, problem: 'prev_hash_mismatch' };
      }
      const record: AuditEventRecord = {
        id: row.id,
        occurredAt: row.occurred_at.toISOString(),
        actorId: row.actor_id,
        actorName: row.actor_name,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        patientId: row.patient_id,
        before: row.before,
        after: row.after,
        reason: row.reason,
        requestId: row.request_id,
        address: row.address,
      };
      if (chainHash(previousHash, record) !== row.hash) {
        return { ok: false, eventCount: count, brokenAtId: row.id, problem: 'hash_mismatch' };
      }
      previousHash = row.hash;
      afterId = row.id;
    }
    if (rows.length < pageSize) {
      return { ok: true, eventCount: count, lastHash: previousHash };
    }
  }
}
