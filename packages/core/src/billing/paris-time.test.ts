import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parisLocalTimeOf, parisUtcOffsetHours, parseIsoInstant, toParisLocalTime } from './paris-time.js';

describe('Paris local time (Directive 2000/84/EC: summer time from the last Sunday of March to the last Sunday of October, 01:00 UTC)', () => {
  it.each([
    // 2025: summer time starts 30 March 01:00 UTC, ends 26 October 01:00 UTC.
    ['2025-03-30T00:59:59Z', '2025-03-30', 1, 59, 1],
    ['2025-03-30T01:00:00Z', '2025-03-30', 3, 0, 2],
    ['2025-10-26T00:59:00Z', '2025-10-26', 2, 59, 2],
    ['2025-10-26T01:00:00Z', '2025-10-26', 2, 0, 1],
    // 2024: 31 March and 27 October.
    ['2024-03-31T00:30:00Z', '2024-03-31', 1, 30, 1],
    ['2024-03-31T01:30:00Z', '2024-03-31', 3, 30, 2],
    ['2024-10-27T00:30:00Z', '2024-10-27', 2, 30, 2],
    ['2024-10-27T01:30:00Z', '2024-10-27', 2, 30, 1],
    // Paris day differs from the UTC day around midnight.
    ['2025-06-01T22:30:00Z', '2025-06-02', 0, 30, 2],
    ['2025-01-15T23:30:00Z', '2025-01-16', 0, 30, 1],
    ['2025-06-02T09:30:00+02:00', '2025-06-02', 9, 30, 2],
    ['2025-06-02T03:30:00-04:00', '2025-06-02', 9, 30, 2],
  ] as const)('%s → %s %i:%i (UTC+%i)', (iso, date, hour, minute, offset) => {
    expect(parisLocalTimeOf(iso)).toMatchObject({ date, hour, minute, utcOffsetHours: offset });
  });

  it('gives the weekday of the Paris day (2025-06-08 is a Sunday)', () => {
    expect(parisLocalTimeOf('2025-06-07T22:30:00Z')?.weekday).toBe(0);
    expect(parisLocalTimeOf('2025-06-07T21:30:00Z')?.weekday).toBe(6);
  });

  it.each([
    '2025-06-02T09:30:00', // no offset: ambiguous
    '2025-06-02 09:30:00+02:00',
    '2025-02-29T10:00:00Z',
    '2025-04-31T10:00:00Z',
    '2025-06-02T24:00:00Z',
    '2025-06-02T10:60:00Z',
    '2025-13-02T10:00:00Z',
    'demain',
  ])('refuses %s', (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });

  it('accepts fractional seconds and a missing seconds field', () => {
    expect(parseIsoInstant('2025-06-02T09:30:00.5+02:00')).toBe(Date.UTC(2025, 5, 2, 7, 30, 0, 500));
    expect(parseIsoInstant('2025-06-02T09:30+02:00')).toBe(Date.UTC(2025, 5, 2, 7, 30));
  });

  it('agrees with the IANA Europe/Paris zone of the runtime (Intl oracle, property)', () => {
    const oracle = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2037, 11, 31) }), (epochMs) => {
        const parts = Object.fromEntries(oracle.formatToParts(epochMs).map((part) => [part.type, part.value]));
        const local = toParisLocalTime(epochMs);
        expect(local.date).toBe(`${parts.year}-${parts.month}-${parts.day}`);
        expect(local.hour).toBe(Number(parts.hour));
        expect(local.minute).toBe(Number(parts.minute));
        expect(parisUtcOffsetHours(epochMs)).toBe(local.utcOffsetHours);
      }),
      { numRuns: 2000 }
    );
  });
});
