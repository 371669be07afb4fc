import { describe, expect, it } from 'vitest';
import { auditFiltersToQuery, emptyAuditFilters } from './audit-filters.js';

describe('auditFiltersToQuery', () => {
  it('sends nothing for empty filters', () => {
    expect(auditFiltersToQuery(emptyAuditFilters)).toEqual({});
  });

  it('turns typed days into whole local days', () => {
    const query = auditFiltersToQuery({ ...emptyAuditFilters, from: '01/03/2025', to: '01/03/2025', userId: ' u1 ' });
    expect(query.userId).toBe('u1');
    expect(query.from).toBe(new Date(2025, 2, 1).toISOString());
    expect(query.to).toBe(new Date(2025, 2, 2).toISOString());
  });

  it('leaves out an unreadable date', () => {
    expect(auditFiltersToQuery({ ...emptyAuditFilters, from: '31/02/2025', patientId: 'p1' })).toEqual({
      patientId: 'p1',
    });
  });
});
