/**
 * Writes audit events in the caller's transaction (ISO 15189 traceability: the event commits or
 * rolls back with the change it describes). The chain is serialised by a transaction-scoped
 * advisory lock so two concurrent transactions cannot both link to the same previous event.
 */
import type { Queryable } from '../../db/database.js';
import type { RequestActor } from '../../http/request-context.js';
import { chainHash, genesisHash, type AuditEventRecord } from './audit-canonical.js';

export interface AuditEventInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  patientId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditContext {
  actor: RequestActor | null;
  requestId: string | null;
  address: string | null;
}

const auditChainLockKey = 0x5111a7d;

export async function writeAuditEvent(tx: Queryable, context: AuditContext, input: AuditEventInput): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [auditChainLockKey]);
  const [last] = await tx.query<{ hash: string }>('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1');
  const [next] = await tx.query<{ id: number }>("SELECT nextval('audit_event_id_seq') AS id");
  const previousHash = last?.hash ?? genesisHash;
  const record: AuditEventRecord = {
    id: (next as { id: number }).id,
    occurredAt: new Date().toISOString(),
    actorId: context.actor?.userId ?? null,
    actorName: context.actor?.name ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    patientId: input.patientId ?? null,
    before: normaliseJson(input.before),
    after: normaliseJson(input.after),
    reason: input.reason ?? null,
    requestId: context.requestId,
    address: context.address,
  };
  const hash = chainHash(previousHash, record);
  await tx.query(
    `INSERT INTO audit_event (id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, patient_id,
       before, after, reason, request_id, address, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      record.id,
      record.occurredAt,
      record.actorId,
      record.actorName,
      record.action,
      record.entityType,
      record.entityId,
      record.patientId,
      record.before === null ? null : JSON.stringify(record.before),
      record.after === null ? null : JSON.stringify(record.after),
      record.reason,
      record.requestId,
      record.address,
      previousHash,
      hash,
    ]
  );
  return record.id;
}

/** Round-trips through JSON so what is hashed is exactly what jsonb will give back. */
function normaliseJson(value: unknown): unknown {
  return value === undefined || value === null ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
