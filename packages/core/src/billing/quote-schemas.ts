/**
 * Body and answer of `POST /api/billing/quote` (issue 5 item 8), a quote without side effect told
 * to the patient at the desk before sampling. Shapes copied from the issue; strict objects so a
 * misspelt field is refused rather than ignored.
 */
import { z } from 'zod';
import { exonerations } from './coverage.js';
import { territories } from './territory.js';

export const quoteRequestSchema = z
  .object({
    /** Date and time of the acts, ISO-8601 with offset, e.g. "2025-06-02T09:30:00+02:00". */
    date: z.iso.datetime({ offset: true }),
    territory: z.enum(territories),
    patient: z
      .object({
        birthDate: z.iso.date(),
        /** M, F, or U when unknown / indeterminate. */
        sex: z.enum(['F', 'M', 'U']),
        amo: z
          .object({
            exoneration: z.enum(exonerations).nullable(),
            alsaceMoselle: z.boolean(),
          })
          .strict(),
        amc: z
          .object({
            ratePercentOfTm: z.number().int().min(0).max(100),
            tiersPayant: z.boolean(),
          })
          .strict()
          .nullable(),
      })
      .strict(),
    /** NABM codes ("1104", "0552") or catalogue analysis codes (then their NABM codes are used). */
    acts: z.array(z.string().trim().min(1).max(40)).min(1).max(200),
    bloodSample: z.boolean(),
    urgent: z.boolean(),
  })
  .strict();

export const quoteLineSchema = z
  .object({
    code: z.string(),
    label: z.string(),
    /** B coefficient (26 for B 26), null for an off-nomenclature act. */
    coefficient: z.number().nonnegative().nullable(),
    amountCents: z.number().int().nonnegative(),
    billed: z.boolean(),
    /** French: why billed, why not. */
    reason: z.string(),
  })
  .strict();

export const quoteResponseSchema = z
  .object({
    lines: z.array(quoteLineSchema),
    totalCents: z.number().int().nonnegative(),
    /** Paid by the AMO (tiers payant, always). */
    amoCents: z.number().int().nonnegative(),
    /** Paid by the AMC to the lab when a tiers-payant agreement exists, else 0. */
    amcCents: z.number().int().nonnegative(),
    /** Paid by the patient at the desk: totalCents = amoCents + amcCents + patientCents. */
    patientCents: z.number().int().nonnegative(),
    /** Tracked, deducted later by the AMO, not collected at the desk. */
    participationForfaitaireCents: z.number().int().nonnegative(),
  })
  .strict();

export type QuoteRequest = z.infer<typeof quoteRequestSchema>;
export type QuoteLine = z.infer<typeof quoteLineSchema>;
export type QuoteResponse = z.infer<typeof quoteResponseSchema>;
