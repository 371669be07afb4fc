import type { SimulatedTest } from '../simulator-types.js';

/**
 * One row of a profile's test table: code, catalogue analyte, label, unit, decimals, adult
 * reference interval and measuring range, plus critical limits and skew when they apply.
 */
export function simulatedTest(
  code: string,
  analyte: string,
  label: string,
  unit: string,
  decimals: number,
  [low, high]: readonly [number, number],
  [min, max]: readonly [number, number],
  extra: Pick<SimulatedTest, 'criticalLow' | 'criticalHigh' | 'skewed'> = {}
): SimulatedTest {
  return { code, analyte, label, unit, decimals, low, high, min, max, ...extra };
}
