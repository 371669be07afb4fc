import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../demo/patient-generator.js';
import { cobasC311Profile } from './profiles/cobas-c311.js';
import { simulatorProfiles } from './profiles/index.js';
import { sysmexXnProfile } from './profiles/sysmex-xn.js';
import { simulatedTest } from './profiles/test-table.js';
import { drawPatientValue, drawQcValue, drawResults, interpret, qcTarget } from './simulated-values.js';

const potassium = simulatedTest('990', 'POTASSIUM', 'K', 'mmol/l', 1, [3.5, 5.1], [1.5, 10], {
  criticalLow: 2.8,
  criticalHigh: 6.2,
});

describe('interpret', () => {
  it.each([
    [2.7, 'LL'],
    [2.8, 'L'],
    [3.4, 'L'],
    [3.5, 'N'],
    [5.1, 'N'],
    [5.2, 'H'],
    [6.2, 'H'],
    [6.3, 'HH'],
  ])('potassium %s mmol/l → %s', (value, expected) => {
    expect(interpret(potassium, value)).toBe(expected);
  });
});

describe('patient values', () => {
  it('stay in the measuring range, rounded to the test decimals, for every test of every profile', () => {
    const tests = simulatorProfiles.flatMap((profile) => profile.tests);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom(...tests), (seed, test) => {
        const random = seededRandom(seed);
        for (let i = 0; i < 20; i++) {
          const value = drawPatientValue(test, random);
          expect(value).toBeGreaterThanOrEqual(test.min);
          expect(value).toBeLessThanOrEqual(test.max);
          expect(Math.abs(value * 10 ** test.decimals - Math.round(value * 10 ** test.decimals))).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 200 }
    );
  });

  it('are mostly normal, some abnormal, about one in a hundred critical', () => {
    const random = seededRandom(7);
    const counts = { N: 0, L: 0, H: 0, LL: 0, HH: 0 };
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      counts[interpret(potassium, drawPatientValue(potassium, random))]++;
    }
    expect(counts.N / draws).toBeGreaterThan(0.75);
    expect(counts.N / draws).toBeLessThan(0.9);
    expect((counts.L + counts.H) / draws).toBeGreaterThan(0.08);
    expect((counts.LL + counts.HH) / draws).toBeGreaterThan(0.005);
    expect((counts.LL + counts.HH) / draws).toBeLessThan(0.03);
  });
});

describe('QC values', () => {
  it('scatter around the target: about 95 % within 2 SD, level 2 above the reference interval', () => {
    const glucose = cobasC311Profile.tests.find((test) => test.code === '717');
    if (glucose === undefined) {
      throw new Error('717 missing');
    }
    const level2 = { id: 'PCCC2', lot: '20392', level: 2, expiry: '20270430' } as const;
    const target = qcTarget(glucose, 2);
    expect(target.mean).toBeGreaterThan(glucose.high);
    const random = seededRandom(11);
    let within2Sd = 0;
    for (let i = 0; i < 5_000; i++) {
      within2Sd += Math.abs(drawQcValue(glucose, level2, random) - target.mean) <= 2 * target.sd + 0.005 ? 1 : 0;
    }
    expect(within2Sd / 5_000).toBeGreaterThan(0.93);
    expect(within2Sd / 5_000).toBeLessThan(0.985);
  });

  it('carry no instrument alarm', () => {
    const material = cobasC311Profile.qcMaterials[0];
    const results = drawResults(cobasC311Profile.tests, seededRandom(3), {
      ...(material === undefined ? {} : { qc: material }),
      mix: { abnormalRate: 0, criticalRate: 0, alarmRate: 1 },
    });
    expect(results.some((result) => result.instrumentAlarm)).toBe(false);
  });
});

describe('sysmex-xn blood count', () => {
  it('agrees with itself: HCT = RBC × MCV, MCH = HGB / RBC, the differential sums to 100 %', () => {
    const draw = sysmexXnProfile.drawResults;
    if (draw === undefined) {
      throw new Error('sysmex-xn draws its blood counts');
    }
    const random = seededRandom(5);
    for (let run = 0; run < 200; run++) {
      const results = draw(sysmexXnProfile.tests, random, {});
      const value = (code: string): number => results.find((result) => result.test.code === code)?.numeric ?? NaN;
      const atLimit = (code: string): boolean => {
        const test = sysmexXnProfile.tests.find((candidate) => candidate.code === code);
        return test !== undefined && (value(code) <= test.min || value(code) >= test.max);
      };
      if (['RBC', 'MCV', 'HCT', 'HGB', 'MCH', 'MCHC'].some(atLimit)) {
        continue; // clamped at the measuring range: the relation no longer holds
      }
      const rbc = value('RBC');
      // Each printed value is rounded: HCT to 0.1, HGB to 0.1, RBC to 0.01, MCH to 0.1.
      expect(Math.abs(value('HCT') - (rbc * value('MCV')) / 10)).toBeLessThan(
        0.06 + (0.005 * value('MCV')) / 10 + 0.05
      );
      const mchBound = 0.05 + 0.5 / rbc + (value('MCH') * 0.005) / rbc + 0.01;
      expect(Math.abs(value('MCH') - (value('HGB') * 10) / rbc)).toBeLessThan(mchBound);
      const differential = ['NEUT%', 'LYMPH%', 'MONO%', 'EO%', 'BASO%'].reduce((sum, code) => sum + value(code), 0);
      expect(Math.abs(differential - 100)).toBeLessThan(0.3);
    }
  });
});
