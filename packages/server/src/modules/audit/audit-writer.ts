/**
 * Writes audit events.
 * - `writeAuditEvent(tx, …)`: in the caller's transaction — a change and its event commit or roll
 *   back together (ISO 15189 traceability).
 * - `AccessEventWriter`: for reads (who read whose file: secret médical), which have no
 *   transaction of their own. Waiting events are written together, one transaction per batch
 *   ("group commit"), and each caller resolves only once its batch is committed: no read is
 *   answered before its access event is durable. Searching 16 at a time costs one chain lock per
 *   batch instead of one per search.
 * The chain is serialised by a transaction-scoped advisory lock so two concurrent transactions
 * cannot both link to the same previous event.
 */
import type { Database, Queryable } from '../../db/database.js';
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
  const [id] = await writeAuditEvents(tx, [{ context, input }]);
  return id as number;
}

/** Appends several events to the chain in one lock and one INSERT. */
export async function writeAuditEvents(
  tx: Queryable,
  events: readonly { context: AuditContext; input: AuditEventInput }[]
): Promise<number[]> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [auditChainLockKey]);
  const [last] = await tx.query<{ hash: string }>('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1');
  const ids = await tx.query<{ id: number }>("SELECT nextval('audit_event_id_seq') AS id FROM generate_series(1, $1)", [
    events.length,
  ]);
  let previousHash = last?.hash ?? genesisHash;
  const columns: unknown[][] = Array.from({ length: 15 }, () => []);
  const occurredAt = new Date().toISOString();
  events.forEach(({ context, input }, index) => {
    const record: AuditEventRecord = {
      id: (ids[index] as { id: number }).id,
      occurredAt,
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
    const row = [
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
    ];
    row.forEach((value, column) => (columns[column] as unknown[]).push(value));
    previousHash = hash;
  });
  await tx.query(
    `INSERT INTO audit_event (id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, patient_id,
       before, after, reason, request_id, address, prev_hash, hash)
     SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::uuid[], $9::jsonb[], $10::jsonb[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])`,
    columns as never
  );
  return ids.map((r) => r.id);
}

/** Round-trips through JSON so what is hashed is exactly what jsonb will give back. */
function normaliseJson(value: unknown): unknown {
  return value === undefined || value === null ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

interface PendingEvent {
  context: AuditContext;
  input: AuditEventInput;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Group commit of access (read) events; see the file comment. */
export class AccessEventWriter {
  private queue: PendingEvent[] = [];
  private flushing = false;

  constructor(
    private readonly database: Database,
    private readonly maxBatch = 256
  ) {}

  /** Resolves once the event is committed. */
  record(context: AuditContext, input: AuditEventInput): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ context, input, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        queueMicrotask(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await this.database.transaction((tx) => writeAuditEvents(tx, batch));
        for (const event of batch) {
          event.resolve();
        }
      } catch (error) {
        for (const event of batch) {
          event.reject(error);
        }
      }
    }
    this.flushing = false;
  }
}
