import { describe, expect, it } from 'vitest';
import { formatHl7DateTime } from './hl7-datetime.js';

describe('formatHl7DateTime (HL7 DTM YYYYMMDDHHMMSS±ZZZZ)', () => {
  const instant = new Date(Date.UTC(2024, 2, 31, 0, 30, 5));
  it.each([
    [0, '20240331003005+0000'],
    [60, '20240331013005+0100'],
    [120, '20240331023005+0200'],
    [-300, '20240330193005-0500'],
    [330, '20240331060005+0530'],
  ])('offset %i min → %s', (offset, expected) => {
    expect(formatHl7DateTime(instant, offset)).toBe(expected);
  });

  it('returns empty text for an invalid date', () => {
    expect(formatHl7DateTime(new Date(Number.NaN))).toBe('');
  });
});
