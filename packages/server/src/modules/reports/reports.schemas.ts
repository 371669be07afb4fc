/**
 * API contract of the report routes: issue a version, list versions, fetch the stored PDF, and the
 * delivery log. Bodies are strict (unknown fields refused).
 */
import { z } from 'zod';

export const reportKinds = ['partial', 'complete', 'amended'] as const;
export const deliveryChannels = ['desk', 'mail', 'prescriber', 'portal', 'mssante', 'fax'] as const;

export const orderParamsSchema = z.object({ orderId: z.uuid() });
export const reportParamsSchema = z.object({ id: z.uuid() });

export const reportIssueSchema = z
  .strictObject({
    /** Required for an amended report unless the corrected results carry their own reason. */
    reason: z.string().trim().min(3).max(500).optional(),
  })
  .default({});
export type ReportIssueInput = z.infer<typeof reportIssueSchema>;

export const reportSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  version: z.number().int(),
  kind: z.enum(reportKinds),
  /** False when a later version replaces this one (it stays readable: append-only). */
  current: z.boolean(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  resultCount: z.number().int(),
  amendmentReason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type ReportView = z.infer<typeof reportSchema>;

export const deliveryCreateSchema = z.strictObject({
  channel: z.enum(deliveryChannels),
  /** Who received it: the patient or their representative at the desk, the prescriber, an address. */
  recipient: z.string().trim().min(1).max(200),
  /** Desk handover: the identity of the person collecting the report was checked (document seen). */
  identityChecked: z.boolean().default(false),
  comment: z.string().trim().max(500).optional(),
});
export type DeliveryCreateInput = z.infer<typeof deliveryCreateSchema>;

export const deliverySchema = z.object({
  id: z.string(),
  reportId: z.string(),
  channel: z.enum(deliveryChannels),
  recipient: z.string().nullable(),
  identityChecked: z.boolean(),
  deliveredAt: z.string(),
  deliveredBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  comment: z.string().nullable(),
});
export type DeliveryView = z.infer<typeof deliverySchema>;
