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
 * cannot both link to the same previous event; the lock, the head read, the ids and the rows are
 * one call (`audit_append`, migration 0014): one round trip per batch of events, and the lock is
 * held from that call to COMMIT only.
 */
import type { Database, Queryable } from '../../db/database.js';
import type { RequestActor } from '../../http/request-context.js';
import { canonicalAroundId, genesisHash, type AuditEventRecord } from './audit-canonical.js';

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

/**
 * Appends several events to the chain in one call (`audit_append`, migration 0014): the database
 * takes the chain lock, reads the head, draws the ids and stores each event linked to the previous
 * one, hashing the canonical JSON built here.
 */
export async function writeAuditEvents(
  tx: Queryable,
  events: readonly { context: AuditContext; input: AuditEventInput }[]
): Promise<number[]> {
  const columns: unknown[][] = Array.from({ length: 13 }, () => []);
  const occurredAt = new Date().toISOString();
  for (const { context, input } of events) {
    const record: Omit<AuditEventRecord, 'id'> = {
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
    const canonical = canonicalAroundId(record);
    const row = [
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
      canonical.head,
      canonical.tail,
    ];
    row.forEach((value, column) => (columns[column] as unknown[]).push(value));
  }
  const [appended] = await tx.query<{ ids: (number | string)[] | null }>(
    `SELECT audit_append($1, $2, $3, $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::uuid[],
       $10::jsonb[], $11::jsonb[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[]) AS ids`,
    [auditChainLockKey, genesisHash, occurredAt, ...columns] as never
  );
  // bigint[] comes back as strings from the pg driver's array parser, as numbers from PGlite.
  const ids = (appended?.ids ?? []).map(Number);
  if (ids.length !== events.length) {
    throw new Error(`audit chain: ${events.length} events to append, ${ids.length} appended`);
  }
  return ids;
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
        // One statement is its own transaction: the batch commits when the call returns.
        await writeAuditEvents(this.database, batch);
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
