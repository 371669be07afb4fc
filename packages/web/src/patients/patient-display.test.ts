import { describe, expect, it } from 'vitest';
import { formatInsNumber, formatPatientName } from './patient-display.js';

describe('formatInsNumber', () => {
  it.each([
    ['279035121518989', '2 79 03 51 215 189 89'],
    ['284052A32102552', '2 84 05 2A 321 025 52'],
    ['12345', '12345'],
  ])('%s → %s', (raw, shown) => {
    expect(formatInsNumber(raw)).toBe(shown);
  });
});

describe('formatPatientName', () => {
  it('puts the birth name in capitals first', () => {
    expect(formatPatientName({ birthName: 'Dupont', firstFirstName: 'Jeanne' })).toBe('DUPONT Jeanne');
  });
});
