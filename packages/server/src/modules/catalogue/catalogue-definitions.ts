/**
 * Shapes of a catalogue definition (what a biologist edits and what the starter seed holds).
 * They mirror the JSON columns of migration 0003 (`analyte.reference_intervals`, `coded_values`,
 * `delta_rule`, `formula`). Age bands are in days at collection, `ageMinDays` inclusive and
 * `ageMaxDays` exclusive (`null` = no upper bound), so neonatal bands can be expressed.
 */
import type { CodedOption, DeltaCheckRule, ReferenceInterval, ResultType } from '@sillage/core';

export type { ResultType };

/** Reference interval as core/lab selects it (`sex: null` = both sexes). */
export type ReferenceIntervalDefinition = ReferenceInterval;
export type IntervalSex = ReferenceInterval['sex'];

export interface CodedValueDefinition extends CodedOption {
  /** Flags the result `A` (abnormal) when chosen. */
  readonly abnormal: boolean;
}

export type DeltaRuleDefinition = DeltaCheckRule;

export interface FormulaDefinition {
  /** Formula implemented in @sillage/core (`calculatedFormulaIds`: 'ckd-epi-2009'…). */
  id: string;
  /** Formula input name (as core declares it) → analyte code. Age and sex come from the patient. */
  inputs: Record<string, string>;
}

export interface AnalyteDefinition {
  code: string;
  label: string;
  shortLabel: string;
  loinc: string | null;
  chapter: string;
  resultType: ResultType;
  unitUcum: string | null;
  unitConventional: string | null;
  /** value in conventional unit = value in `unitUcum` × factor. */
  conventionalFactor: number | null;
  decimals: number;
  codedValues: CodedValueDefinition[] | null;
  criticalLow: number | null;
  criticalHigh: number | null;
  deltaRule: DeltaRuleDefinition | null;
  formula: FormulaDefinition | null;
  referenceIntervals: ReferenceIntervalDefinition[];
}

export interface NabmAct {
  /** NABM code, 4 digits with leading zeros ("0552"). */
  code: string;
  /** B coefficient in force (IR_BTF_R history, open-ended row), for the billing module. */
  coefficient: number;
}

export interface AnalysisDefinition {
  code: string;
  mnemonic: string;
  label: string;
  /** NABM codes billed for the analysis, 4 digits ("0552"). */
  nabmCodes: string[];
  chapter: string;
  /** Bench section (worklists). */
  section: string;
  containerCode: string;
  volumeMl: number;
  /** Whether the tube can be shared with other analyses of the same container. */
  shareable: boolean;
  stabilityHoursRoom: number | null;
  stabilityHoursCold: number | null;
  fastingRequired: boolean;
  /** Sampling window in local time (Europe/Paris), "HH:MM". */
  timeWindowStart: string | null;
  timeWindowEnd: string | null;
  /** In report order. */
  analyteCodes: string[];
  orderable: boolean;
  /**
   * The laboratory's own price in cents for an analysis outside the NABM (hors nomenclature, not
   * reimbursed: CSS L162-1-7 covers only listed acts). Only when `nabmCodes` is empty.
   */
  offNomenclaturePriceCents?: number | null;
}

/** A starter analysis also carries the B coefficients (for the billing module and the report). */
export interface StarterAnalysis extends Omit<AnalysisDefinition, 'nabmCodes'> {
  nabm: NabmAct[];
}

export function toAnalysisDefinition(analysis: StarterAnalysis): AnalysisDefinition {
  const { nabm, ...rest } = analysis;
  return { ...rest, nabmCodes: nabm.map((act) => act.code) };
}

export interface ContainerDefinition {
  code: string;
  label: string;
  colour: string;
  colourHex: string;
  capacityMl: number;
  specimenType: string;
  additive: string | null;
  /** CLSI GP41 order of draw (lower first). */
  drawOrder: number;
}
