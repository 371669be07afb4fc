import { describe, expect, it } from 'vitest';
import { ageLimitToDays, ageUnits, daysToAgeLimit } from './catalogue-age-band.js';

describe('age band limits', () => {
  it('converts years and months with the seed convention (365.25 days a year)', () => {
    expect(ageLimitToDays({ value: 18, unit: 'years' })).toBe(6575);
    expect(ageLimitToDays({ value: 1, unit: 'years' })).toBe(365);
    expect(ageLimitToDays({ value: 2, unit: 'years' })).toBe(731);
    expect(ageLimitToDays({ value: 1, unit: 'months' })).toBe(30);
    expect(ageLimitToDays({ value: 6, unit: 'months' })).toBe(183);
    expect(ageLimitToDays({ value: 28, unit: 'days' })).toBe(28);
  });

  it('shows days in the largest unit that gives them back exactly', () => {
    expect(daysToAgeLimit(6575)).toEqual({ value: 18, unit: 'years' });
    expect(daysToAgeLimit(365)).toEqual({ value: 1, unit: 'years' });
    expect(daysToAgeLimit(30)).toEqual({ value: 1, unit: 'months' });
    expect(daysToAgeLimit(31)).toEqual({ value: 31, unit: 'days' });
    expect(daysToAgeLimit(29)).toEqual({ value: 29, unit: 'days' });
    expect(daysToAgeLimit(0)).toEqual({ value: 0, unit: 'days' });
  });

  it('round-trips every whole value of every unit up to 120 years', () => {
    for (const unit of ageUnits) {
      for (let value = 1; value <= 120; value++) {
        const days = ageLimitToDays({ value, unit });
        expect(ageLimitToDays(daysToAgeLimit(days)), `${value} ${unit}`).toBe(days);
      }
    }
  });
});
