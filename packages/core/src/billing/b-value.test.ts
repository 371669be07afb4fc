import { describe, expect, it } from 'vitest';
import { defaultBValuePeriods, findBValue, type BValuePeriod } from './b-value.js';
import { territories } from './territory.js';

describe('value of B per territory and date (arrêté du 5 janvier 2024, avenant 12)', () => {
  it.each([
    ['metropole', 25_000],
    ['antilles', 29_000],
    ['guyane', 31_000],
    ['reunion', 31_000],
    ['mayotte', 31_000],
  ] as const)('%s: %i millicents from 2024-01-15', (territory, milliCents) => {
    expect(findBValue(territory, '2024-01-15')?.milliCents).toBe(milliCents);
    expect(findBValue(territory, '2025-06-02')?.milliCents).toBe(milliCents);
  });

  it('has no enabled value before 2024-01-15: the earlier métropole 0,26 € is unconfirmed and switched off, no overseas value is known', () => {
    for (const territory of territories) {
      expect(findBValue(territory, '2024-01-14')).toBeUndefined();
      expect(findBValue(territory, '2023-06-01')).toBeUndefined();
    }
    const earlier = defaultBValuePeriods.find((period) => period.validTo === '2024-01-14');
    expect(earlier).toMatchObject({ milliCents: 26_000, confirmed: false, enabled: false });
  });

  it('reads a dated table: a value switched on applies only inside its dates', () => {
    const table: BValuePeriod[] = defaultBValuePeriods.map((period) =>
      period.validTo === '2024-01-14' ? { ...period, validFrom: '2023-01-01', enabled: true } : period
    );
    expect(findBValue('metropole', '2023-06-01', table)?.milliCents).toBe(26_000);
    expect(findBValue('metropole', '2025-06-01', table)?.milliCents).toBe(25_000);
    expect(findBValue('metropole', '2022-12-31', table)).toBeUndefined();
  });
});
