import type { AuditEventQuery } from '../api/types.js';
import { parseTypedDate } from '../lib/typed-date.js';

/** The audit filters as typed (dates as DD/MM/YYYY). */
export interface AuditFilterValues {
  patientId: string;
  userId: string;
  from: string;
  to: string;
  action: string;
}

export const emptyAuditFilters: AuditFilterValues = { patientId: '', userId: '', from: '', to: '', action: '' };

function localMidnight(iso: string, addDays = 0): string {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + addDays).toISOString();
}

/**
 * API query for the filters. Dates are whole local days: `from` is the start of its day and `to`
 * the start of the next day, both as ISO 8601 instants. Unreadable dates are left out (the form
 * reports them).
 */
export function auditFiltersToQuery(values: AuditFilterValues): AuditEventQuery {
  const query: AuditEventQuery = {};
  if (values.patientId.trim() !== '') {
    query.patientId = values.patientId.trim();
  }
  if (values.userId.trim() !== '') {
    query.userId = values.userId.trim();
  }
  if (values.action.trim() !== '') {
    query.action = values.action.trim();
  }
  const from = parseTypedDate(values.from);
  if (from.ok) {
    query.from = localMidnight(from.iso);
  }
  const to = parseTypedDate(values.to);
  if (to.ok) {
    query.to = localMidnight(to.iso, 1);
  }
  return query;
}
