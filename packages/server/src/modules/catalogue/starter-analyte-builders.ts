/**
 * Small builders that keep the starter analyte tables readable: one line per interval, defaults
 * for the fields most analytes leave empty.
 */
import type {
  AnalyteDefinition,
  CodedValueDefinition,
  IntervalSex,
  ReferenceIntervalDefinition,
} from './catalogue-definitions.js';

/** Age in days for a number of years (365.25 days a year, rounded). */
export function years(value: number): number {
  return Math.round(value * 365.25);
}

export const adultDays = years(18);

export function interval(
  sex: IntervalSex,
  ageMinDays: number,
  ageMaxDays: number | null,
  low: number | null,
  high: number | null,
  source: string,
  text?: string
): ReferenceIntervalDefinition {
  return text === undefined
    ? { sex, ageMinDays, ageMaxDays, low, high, source }
    : { sex, ageMinDays, ageMaxDays, low, high, text, source };
}

/** Adult interval (from 18 years), same for both sexes. */
export function adult(
  low: number | null,
  high: number | null,
  source: string,
  text?: string
): ReferenceIntervalDefinition {
  return interval(null, adultDays, null, low, high, source, text);
}

/** Adult intervals that differ by sex. */
export function adultBySex(
  male: [number | null, number | null],
  female: [number | null, number | null],
  source: string
): ReferenceIntervalDefinition[] {
  return [
    interval('M', adultDays, null, male[0], male[1], source),
    interval('F', adultDays, null, female[0], female[1], source),
  ];
}

type AnalyteInput = Pick<AnalyteDefinition, 'code' | 'label' | 'shortLabel' | 'loinc' | 'chapter'> &
  Partial<Omit<AnalyteDefinition, 'code' | 'label' | 'shortLabel' | 'loinc' | 'chapter'>>;

export function numeric(input: AnalyteInput): AnalyteDefinition {
  return {
    resultType: 'numeric',
    unitUcum: null,
    unitConventional: null,
    conventionalFactor: null,
    decimals: 0,
    codedValues: null,
    criticalLow: null,
    criticalHigh: null,
    deltaRule: null,
    formula: null,
    referenceIntervals: [],
    ...input,
  };
}

export function coded(input: AnalyteInput & { codedValues: CodedValueDefinition[] }): AnalyteDefinition {
  return numeric({ ...input, resultType: 'coded' });
}

export function text(input: AnalyteInput): AnalyteDefinition {
  return numeric({ ...input, resultType: 'text' });
}
