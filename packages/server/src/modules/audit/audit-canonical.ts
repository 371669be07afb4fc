/**
 * Canonical form of an audit event for the hash chain: JSON with keys sorted at every depth, so
 * the same event read back from jsonb (which reorders keys) hashes the same.
 */
import { createHash } from 'node:crypto';

export interface AuditEventRecord {
  id: number;
  occurredAt: string; // ISO-8601 UTC, millisecond precision
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
}

export const genesisHash = '0'.repeat(64);

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value instanceof Date) {
    return JSON.stringify(value.toISOString());
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** hash = sha256(previous hash ‖ canonical event), hex (issue 2 § audit trail). */
export function chainHash(previousHash: string, event: AuditEventRecord): string {
  return createHash('sha256').update(previousHash).update(canonicalJson(event)).digest('hex');
}

/**
 * The canonical JSON of an event in two parts around its id (`head + id + tail`), for a writer
 * whose ids are drawn by the database in the same call that links the events (migration 0014).
 */
export function canonicalAroundId(event: Omit<AuditEventRecord, 'id'>): { head: string; tail: string } {
  const entries = Object.entries(event)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, `${JSON.stringify(k)}:${canonicalJson(v)}`] as const);
  const before = entries.filter(([k]) => k < 'id').sort(([a], [b]) => (a < b ? -1 : 1));
  const after = entries.filter(([k]) => k > 'id').sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    head: `{${before.map(([, text]) => `${text},`).join('')}"id":`,
    tail: `${after.map(([, text]) => `,${text}`).join('')}}`,
  };
}
