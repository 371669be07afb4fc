import { describe, expect, it } from 'vitest';
import { dateTimeLocalToIso, toDateTimeLocalValue } from './local-date-time.js';

describe('datetime-local values', () => {
  it('round-trips a local wall-clock time through an ISO instant', () => {
    const local = new Date(2025, 5, 2, 9, 30);
    expect(toDateTimeLocalValue(local)).toBe('2025-06-02T09:30');
    expect(dateTimeLocalToIso('2025-06-02T09:30')).toBe(local.toISOString());
    expect(dateTimeLocalToIso('2025-06-02T09:30:15')).toBe(new Date(2025, 5, 2, 9, 30, 15).toISOString());
  });

  it.each([[''], ['02/06/2025 09:30'], ['2025-02-31T10:00'], ['2025-06-02']])('refuses %j', (value) => {
    expect(dateTimeLocalToIso(value)).toBeNull();
  });
});
