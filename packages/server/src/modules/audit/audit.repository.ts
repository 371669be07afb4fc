import type { Queryable } from '../../db/database.js';

export interface AuditEventView {
  id: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  patientId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  address: string | null;
  hash: string;
}

export interface AuditSearch {
  patientId?: string | undefined;
  userId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

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
  hash: string;
}

/** Newest first, keyset-paginated on id (stable while events keep arriving). */
export async function searchAuditEvents(db: Queryable, search: AuditSearch): Promise<AuditEventView[]> {
  const rows = await db.query<AuditRow>(
    `SELECT id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, patient_id, before, after,
            reason, request_id, address, hash
       FROM audit_event
      WHERE ($1::uuid IS NULL OR patient_id = $1)
        AND ($2::uuid IS NULL OR actor_id = $2)
        AND ($3::text IS NULL OR action = $3 OR action LIKE $3 || '.%')
        AND ($4::timestamptz IS NULL OR occurred_at >= $4)
        AND ($5::timestamptz IS NULL OR occurred_at < $5)
        AND ($6::bigint IS NULL OR id < $6)
      ORDER BY id DESC
      LIMIT $7`,
    [
      search.patientId ?? null,
      search.userId ?? null,
      search.action ?? null,
      search.from ?? null,
      search.to ?? null,
      search.beforeId ?? null,
      search.limit,
    ]
  );
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    patientId: r.patient_id,
    before: r.before,
    after: r.after,
    reason: r.reason,
    requestId: r.request_id,
    address: r.address,
    hash: r.hash,
  }));
}
