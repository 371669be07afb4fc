/** API contract of the cash desk (issue 5 item 6): payments, refunds, daily closing (Z report). */
import { paymentMethods } from '@sillage/core';
import { z } from 'zod';
import { paymentViewSchema } from './invoices.schemas.js';

/** A desk of a site ("ACCUEIL", "CAISSE2"…); the site is the request's (X-Sillage-Site). */
export const deskCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{1,16}$/, 'code caisse : 1 à 16 lettres, chiffres, _ ou -');

const cents = z.number().int().min(0).max(100_000_000);

export const paymentCreateSchema = z.strictObject({
  deskCode: deskCodeSchema,
  method: z.enum(paymentMethods),
  amountCents: z.number().int().min(1).max(100_000_000),
  /** Cheque number, card slip, transfer reference. */
  reference: z.string().trim().min(1).max(60).nullable().default(null),
});
export type PaymentCreateInput = z.infer<typeof paymentCreateSchema>;

export const refundCreateSchema = paymentCreateSchema.extend({
  reason: z.string().trim().min(3).max(500),
});
export type RefundCreateInput = z.infer<typeof refundCreateSchema>;

export const paymentAnswerSchema = z.object({
  payment: paymentViewSchema,
  invoiceStatus: z.string(),
  patientPaidCents: z.number().int(),
  patientRemainingCents: z.number().int(),
});

export const closingCreateSchema = z.strictObject({
  deskCode: deskCodeSchema,
  /** Paris day closed (default today). */
  date: z.iso.date().optional(),
  /** Amounts counted in the drawer and on the slips, per payment method. */
  counted: z.strictObject({ cash: cents, card: cents, cheque: cents, transfer: cents }),
  /** Opening float (fond de caisse) left in the cash drawer, counted with the cash. */
  cashFloatCents: cents.default(0),
  comment: z.string().trim().max(1000).nullable().default(null),
});
export type ClosingCreateInput = z.infer<typeof closingCreateSchema>;

export const closingLineSchema = z.object({
  method: z.enum(paymentMethods),
  receivedCents: z.number().int(),
  refundedCents: z.number().int(),
  movementCount: z.number().int(),
  expectedCents: z.number().int(),
  countedCents: z.number().int(),
  differenceCents: z.number().int(),
});

export const closingFiguresSchema = z.object({
  lines: z.array(closingLineSchema),
  cashFloatCents: z.number().int(),
  expectedTotalCents: z.number().int(),
  countedTotalCents: z.number().int(),
  differenceTotalCents: z.number().int(),
  movementCount: z.number().int(),
});

export const closingViewSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  siteCode: z.string(),
  deskCode: z.string(),
  date: z.string(),
  figures: closingFiguresSchema,
  comment: z.string().nullable(),
  closedAt: z.string(),
  closedBy: z.string().nullable(),
  /** SHA-256 of the Z report PDF as stored. */
  sha256: z.string(),
});
export type ClosingView = z.infer<typeof closingViewSchema>;

export const deskDayQuerySchema = z.strictObject({
  deskCode: deskCodeSchema,
  date: z.iso.date().optional(),
});

export const deskDaySchema = z.object({
  siteId: z.string(),
  deskCode: z.string(),
  date: z.string(),
  closed: z.boolean(),
  closingId: z.string().nullable(),
  /** What the drawer should hold per method (counted = 0 until the closing). */
  expected: closingFiguresSchema,
  movements: z.array(paymentViewSchema.extend({ invoiceId: z.string(), invoiceNumber: z.string().nullable() })),
});

export const closingListQuerySchema = z.strictObject({ date: z.iso.date().optional() });
export const closingIdParamsSchema = z.strictObject({ id: z.uuid() });
