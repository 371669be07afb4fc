import { api } from '../api/api.js';
import type { AuditEventPage, AuditEventQuery } from '../api/types.js';

export function fetchAuditEvents(query: AuditEventQuery, signal?: AbortSignal): Promise<AuditEventPage> {
  return api.get<AuditEventPage>('/api/audit/events', { query: { ...query }, signal });
}
