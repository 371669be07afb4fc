/**
 * API contract of a patient's coverage (issue 5 item 3): AMO (régime obligatoire) and AMC
 * (complémentaire), entered by hand from the carte Vitale reading of the lab's certified software
 * or from the attestation de droits — Sillage does not read the card. Strict objects: an unknown
 * field is refused rather than ignored.
 */
import { exonerations } from '@sillage/core';
import { z } from 'zod';

const optionalDate = z.iso.date().nullable().default(null);

export const amoInputSchema = z.strictObject({
  /** Code régime, 2 digits ("01" régime général). */
  regime: z.string().regex(/^\d{2}$/, 'code régime : 2 chiffres'),
  /** Caisse gestionnaire, 3 digits. */
  caisse: z.string().regex(/^\d{3}$/, 'caisse : 3 chiffres'),
  /** Centre gestionnaire, 4 digits (without key). */
  centre: z.string().regex(/^\d{4}$/, 'centre : 4 chiffres'),
  /** NIR of the insured person (may differ from the patient's: a child is a beneficiary), 15 characters with key. */
  insuredNir: z.string().trim().min(15).max(25),
  /** Rang du bénéficiaire: 00 assuré, 01…, 2 digits. */
  beneficiaryRank: z.string().regex(/^\d{2}$/, 'rang : 2 chiffres'),
  validFrom: optionalDate,
  validTo: optionalDate,
  exoneration: z.enum(exonerations).nullable().default(null),
  exonerationValidFrom: optionalDate,
  exonerationValidTo: optionalDate,
  /** Régime local d'Alsace-Moselle (AMO 90 % on B acts). */
  alsaceMoselle: z.boolean().default(false),
});

export const amcInputSchema = z.strictObject({
  organisme: z.string().trim().min(1).max(100),
  memberNumber: z.string().trim().max(40).nullable().default(null),
  contract: z.string().trim().max(40).nullable().default(null),
  validFrom: optionalDate,
  validTo: optionalDate,
  /** Share of the ticket modérateur the complementary pays, integer percent. */
  ratePercentOfTm: z.number().int().min(0).max(100),
  /** A tiers-payant agreement exists between the lab and this organisme. */
  tiersPayant: z.boolean(),
});

export const coverageInputSchema = z.strictObject({
  amo: amoInputSchema,
  amc: amcInputSchema.nullable().default(null),
  source: z.enum(['manual', 'attestation']).default('manual'),
  /** Version read before editing; a concurrent change is refused (SIL_CONFLICT). Omit on first entry. */
  version: z.number().int().min(1).nullable().default(null),
});
export type CoverageInput = z.infer<typeof coverageInputSchema>;

export const coverageIssueSchema = z.object({ code: z.string(), path: z.string(), detail: z.string() });

export const coverageViewSchema = z.object({
  patientId: z.string(),
  amo: amoInputSchema.extend({ validFrom: z.string().nullable(), validTo: z.string().nullable() }),
  amc: amcInputSchema.nullable(),
  source: z.enum(['manual', 'attestation']),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  /** Validity checked today (Paris): empty when the rights are open. */
  checkedOn: z.string(),
  issuesToday: z.array(coverageIssueSchema),
});
export type CoverageView = z.infer<typeof coverageViewSchema>;

export const coverageAnswerSchema = z.object({
  patientId: z.string(),
  /** `null` when nothing has been entered yet. */
  coverage: coverageViewSchema.nullable(),
  /** Reminder shown at the desk. */
  notice: z.string(),
});

export const patientIdParamsSchema = z.strictObject({ id: z.uuid() });
