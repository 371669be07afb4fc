import { describe, expect, it } from 'vitest';
import {
  displayUnit,
  formatCalendarDate,
  formatDecimal,
  formatInterval,
  formatParisDateTime,
  formatQualifier,
  frozenIntervalText,
  readFrozenInterval,
} from './report-format.js';

describe('report formatting', () => {
  it.each([
    [{ low: 45, high: 104 }, 0, '45 – 104'],
    [{ low: '3.9', high: '5.8' }, 2, '3,90 – 5,80'],
    // One-sided decision limits print with ≤ / ≥ (limits are inclusive).
    [{ low: null, high: 5 }, 1, '≤ 5,0'],
    [{ low: 1.03 }, 2, '≥ 1,03'],
    [{ text: 'Absence' }, 0, 'Absence'],
  ])('interval %j with %i decimals reads %s', (reference, decimals, expected) => {
    expect(formatInterval(readFrozenInterval(reference), decimals)).toBe(expected);
  });

  it('prefers the display frozen by result entry', () => {
    expect(frozenIntervalText({ low: 45, high: 90, display: '45 – 90' }, 2)).toBe('45 – 90');
    expect(frozenIntervalText({ low: 45, high: 90 }, 1)).toBe('45,0 – 90,0');
    expect(frozenIntervalText(null, 1)).toBe('');
  });

  it.each([null, {}, [], 'x', { low: 'abc' }, { text: '  ' }])('no interval is read from %j', (reference) => {
    expect(readFrozenInterval(reference)).toBeNull();
  });

  it.each([
    ['85', 0, '85'],
    ['6.3', 2, '6,30'],
    ['0.125', 2, '0,13'],
    ['-1.5', 0, '-2'],
  ])('value %s with %i decimals reads %s', (value, decimals, expected) => {
    expect(formatDecimal(value, decimals)).toBe(expected);
  });

  it('prints censored values with their sign', () => {
    expect(`${formatQualifier('<')}4`).toBe('< 4');
    expect(`${formatQualifier('>=')}90`).toBe('≥ 90');
    expect(formatQualifier(null)).toBe('');
  });

  it.each([
    ['umol/L', 'µmol/L'],
    ['mmol/L', 'mmol/L'],
    ['[IU]/L', 'UI/L'],
    ['mL/min/{1.73_m2}', 'mL/min/1,73 m²'],
    [null, ''],
  ])('unit %s prints as %s', (ucum, expected) => {
    expect(displayUnit(ucum)).toBe(expected);
  });

  it('shows instants in Europe/Paris, across the daylight-saving change', () => {
    expect(formatParisDateTime('2026-03-02T07:15:00Z')).toBe('02/03/2026 08:15'); // UTC+1
    expect(formatParisDateTime('2026-07-02T07:15:00Z')).toBe('02/07/2026 09:15'); // UTC+2
    expect(formatCalendarDate('1985-07-14')).toBe('14/07/1985');
  });
});
