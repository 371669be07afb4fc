/**
 * API contract of the catalogue routes. Bodies are strict (unknown fields refused); coherence
 * rules (intervals, units, formulas, containers, NABM codes) are checked by catalogue-validation.ts
 * so that each problem gets its own stable error code.
 */
import { z } from 'zod';

const code = z.string().regex(/^[A-Z0-9_]{1,32}$/, 'majuscules, chiffres et _ (32 au plus)');
const label = z.string().trim().min(1).max(200);
const shortText = z.string().trim().min(1).max(100);
const finiteNumber = z.number().finite();

export const referenceIntervalSchema = z.strictObject({
  sex: z.enum(['F', 'M']).nullable(),
  ageMinDays: z.number().int().min(0),
  ageMaxDays: z.number().int().positive().nullable(),
  low: finiteNumber.nullable(),
  high: finiteNumber.nullable(),
  text: z.string().trim().max(200).optional(),
  source: z.string().trim().min(3).max(500),
});

export const codedValueSchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9_+-]{1,20}$/),
  label: shortText,
  abnormal: z.boolean(),
});

export const deltaRuleSchema = z.strictObject({
  kind: z.enum(['absolute', 'percent']),
  threshold: finiteNumber,
  maxAgeDays: z.number().int(),
});

export const formulaSchema = z.strictObject({
  id: z.string().min(1).max(60),
  inputs: z.record(z.string().min(1).max(60), z.string().max(32)),
});

const analyteFields = {
  label,
  shortLabel: shortText,
  loinc: z.string().trim().max(10).nullable().default(null),
  chapter: shortText,
  resultType: z.enum(['numeric', 'coded', 'text']),
  unitUcum: z.string().trim().min(1).max(40).nullable().default(null),
  unitConventional: z.string().trim().min(1).max(40).nullable().default(null),
  conventionalFactor: finiteNumber.nullable().default(null),
  decimals: z.number().int().default(0),
  codedValues: z.array(codedValueSchema).max(100).nullable().default(null),
  criticalLow: finiteNumber.nullable().default(null),
  criticalHigh: finiteNumber.nullable().default(null),
  deltaRule: deltaRuleSchema.nullable().default(null),
  formula: formulaSchema.nullable().default(null),
  referenceIntervals: z.array(referenceIntervalSchema).max(60).default([]),
};

const reason = z.string().trim().max(500).optional();

export const analyteCreateSchema = z.strictObject({ code, ...analyteFields, reason });
export type AnalyteCreateInput = z.infer<typeof analyteCreateSchema>;

/** PUT replaces the whole definition; `version` is the version the editor started from. */
export const analyteUpdateSchema = z.strictObject({ ...analyteFields, version: z.number().int().positive(), reason });
export type AnalyteUpdateInput = z.infer<typeof analyteUpdateSchema>;

const clockTime = z.string().max(5).nullable().default(null);
const hours = finiteNumber.nullable().default(null);

const analysisFields = {
  mnemonic: z.string().trim().min(1).max(16),
  label,
  nabmCodes: z.array(z.string().trim().max(10)).max(20).default([]),
  chapter: shortText,
  section: z.string().trim().min(1).max(60),
  containerCode: code,
  volumeMl: z.number().positive().max(1000),
  shareable: z.boolean().default(true),
  stabilityHoursRoom: hours,
  stabilityHoursCold: hours,
  fastingRequired: z.boolean().default(false),
  timeWindowStart: clockTime,
  timeWindowEnd: clockTime,
  analyteCodes: z.array(z.string().max(32)).max(100),
  orderable: z.boolean().default(true),
  /** Laboratory price in cents of an analysis outside the NABM (hors nomenclature); null when NABM-billed. */
  offNomenclaturePriceCents: z.number().int().min(0).max(10_000_000).nullable().default(null),
};

export const analysisCreateSchema = z.strictObject({ code, ...analysisFields, reason });
export type AnalysisCreateInput = z.infer<typeof analysisCreateSchema>;

export const analysisUpdateSchema = z.strictObject({ ...analysisFields, version: z.number().int().positive(), reason });
export type AnalysisUpdateInput = z.infer<typeof analysisUpdateSchema>;

const versionMeta = {
  id: z.string(),
  version: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  changeReason: z.string().nullable(),
  createdBy: z.string().nullable(),
  /** Display name of the author (null for the seeded starter catalogue). */
  createdByName: z.string().nullable(),
};

export const analyteSchema = z.object({
  code: z.string(),
  label: z.string(),
  shortLabel: z.string(),
  loinc: z.string().nullable(),
  chapter: z.string(),
  resultType: z.enum(['numeric', 'coded', 'text']),
  unitUcum: z.string().nullable(),
  unitConventional: z.string().nullable(),
  conventionalFactor: z.number().nullable(),
  decimals: z.number(),
  codedValues: z.array(z.object({ code: z.string(), label: z.string(), abnormal: z.boolean() })).nullable(),
  criticalLow: z.number().nullable(),
  criticalHigh: z.number().nullable(),
  deltaRule: z
    .object({ kind: z.enum(['absolute', 'percent']), threshold: z.number(), maxAgeDays: z.number() })
    .nullable(),
  formula: z.object({ id: z.string(), inputs: z.record(z.string(), z.string()) }).nullable(),
  referenceIntervals: z.array(
    z.object({
      sex: z.enum(['F', 'M']).nullable(),
      ageMinDays: z.number(),
      ageMaxDays: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      text: z.string().optional(),
      source: z.string(),
    })
  ),
  ...versionMeta,
});
export type AnalyteView = z.infer<typeof analyteSchema>;

export const containerSchema = z.object({
  code: z.string(),
  label: z.string(),
  colour: z.string(),
  colourHex: z.string(),
  capacityMl: z.number(),
  specimenType: z.string(),
  additive: z.string().nullable(),
  drawOrder: z.number(),
});
export type ContainerView = z.infer<typeof containerSchema>;

export const analysisSchema = z.object({
  code: z.string(),
  mnemonic: z.string(),
  label: z.string(),
  nabmCodes: z.array(z.string()),
  chapter: z.string(),
  section: z.string(),
  containerCode: z.string(),
  volumeMl: z.number(),
  shareable: z.boolean(),
  stabilityHoursRoom: z.number().nullable(),
  stabilityHoursCold: z.number().nullable(),
  fastingRequired: z.boolean(),
  timeWindowStart: z.string().nullable(),
  timeWindowEnd: z.string().nullable(),
  analyteCodes: z.array(z.string()),
  orderable: z.boolean(),
  offNomenclaturePriceCents: z.number().nullable(),
  ...versionMeta,
});
export type AnalysisView = z.infer<typeof analysisSchema>;

export const analysisDetailSchema = analysisSchema.extend({
  container: containerSchema,
  analytes: z.array(analyteSchema),
});
export type AnalysisDetail = z.infer<typeof analysisDetailSchema>;

export const analysisSummarySchema = analysisSchema.pick({
  code: true,
  mnemonic: true,
  label: true,
  chapter: true,
  section: true,
  containerCode: true,
  nabmCodes: true,
  offNomenclaturePriceCents: true,
  fastingRequired: true,
  timeWindowStart: true,
  timeWindowEnd: true,
  orderable: true,
  version: true,
});
export type AnalysisSummary = z.infer<typeof analysisSummarySchema>;

export const versionSummarySchema = z.object(versionMeta);

export const analysisSearchQuerySchema = z.strictObject({
  q: z.string().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(500).default(20),
  /** Include non-orderable analyses (catalogue screen); the desk's autocomplete leaves it off. */
  all: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

/** Codes in the URL are matched case-insensitively (`/analyses/nfs`). */
export const codeParamsSchema = z.strictObject({
  code: z
    .string()
    .max(64)
    .transform((value) => value.toUpperCase()),
});
export const analyteQuerySchema = z.strictObject({ version: z.coerce.number().int().positive().optional() });
