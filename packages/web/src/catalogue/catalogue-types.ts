/**
 * Types of the catalogue API (server: modules/catalogue/catalogue.schemas.ts), as the server
 * answers and accepts them: keep them in step. Age bands are in days, `ageMinDays` inclusive and
 * `ageMaxDays` exclusive (`null` = no upper bound).
 */
import type { AnalysisSummary as OrderAnalysisSummary, ResultType } from '../api/workflow-types.js';

export type { ResultType };

/** An analysis as the catalogue list gets it (`GET /api/catalogue/analyses?all=true`). */
export interface AnalysisSummary extends OrderAnalysisSummary {
  offNomenclaturePriceCents: number | null;
}

export const resultTypes = ['numeric', 'coded', 'text'] as const;
export type IntervalSex = 'F' | 'M' | null;

export interface ReferenceInterval {
  sex: IntervalSex;
  ageMinDays: number;
  ageMaxDays: number | null;
  low: number | null;
  high: number | null;
  text?: string;
  source: string;
}

export interface CodedValue {
  code: string;
  label: string;
  abnormal: boolean;
}

export const deltaKinds = ['absolute', 'percent'] as const;
export type DeltaKind = (typeof deltaKinds)[number];

export interface DeltaRule {
  kind: DeltaKind;
  threshold: number;
  maxAgeDays: number;
}

export interface Formula {
  id: string;
  inputs: Record<string, string>;
}

export interface AnalyteDefinition {
  label: string;
  shortLabel: string;
  loinc: string | null;
  chapter: string;
  resultType: ResultType;
  unitUcum: string | null;
  unitConventional: string | null;
  conventionalFactor: number | null;
  decimals: number;
  codedValues: CodedValue[] | null;
  criticalLow: number | null;
  criticalHigh: number | null;
  deltaRule: DeltaRule | null;
  formula: Formula | null;
  referenceIntervals: ReferenceInterval[];
}

export interface VersionMeta {
  id: string;
  version: number;
  validFrom: string;
  validTo: string | null;
  changeReason: string | null;
  /** User id of the author of the version. */
  createdBy: string | null;
  /** Display name of the version's author; null for the seeded starter catalogue. */
  createdByName: string | null;
}

export interface Analyte extends AnalyteDefinition, VersionMeta {
  code: string;
}

export type AnalyteCreateInput = AnalyteDefinition & { code: string; reason?: string };
/** PUT replaces the whole definition; `version` is the version the editor started from. */
export type AnalyteUpdateInput = AnalyteDefinition & { version: number; reason: string };

export interface Container {
  code: string;
  label: string;
  colour: string;
  colourHex: string;
  capacityMl: number;
  specimenType: string;
  additive: string | null;
  drawOrder: number;
}

export interface AnalysisDefinition {
  mnemonic: string;
  label: string;
  nabmCodes: string[];
  chapter: string;
  section: string;
  containerCode: string;
  volumeMl: number;
  shareable: boolean;
  stabilityHoursRoom: number | null;
  stabilityHoursCold: number | null;
  fastingRequired: boolean;
  timeWindowStart: string | null;
  timeWindowEnd: string | null;
  analyteCodes: string[];
  orderable: boolean;
  /** Laboratory price (integer cents) of an analysis outside the NABM; `null` when NABM-billed. */
  offNomenclaturePriceCents: number | null;
}

export interface Analysis extends AnalysisDefinition, VersionMeta {
  code: string;
}

export interface AnalysisDetail extends Analysis {
  container: Container;
  analytes: Analyte[];
}

export type AnalysisCreateInput = AnalysisDefinition & { code: string; reason?: string };
export type AnalysisUpdateInput = AnalysisDefinition & { version: number; reason: string };
