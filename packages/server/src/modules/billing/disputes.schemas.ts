/** API contract of reimbursement returns and disputes (litiges) — issue 5 item 7. */
import { ageingBuckets } from '@sillage/core';
import { z } from 'zod';

export const disputeStatuses = ['open', 'corrected_resubmitted', 'billed_to_patient', 'written_off'] as const;
export const disputeResolutions = ['corrected_resubmitted', 'billed_to_patient', 'written_off'] as const;

export const returnsImportQuerySchema = z.strictObject({
  /** Name of the file, kept with the import. */
  filename: z.string().trim().min(1).max(200).default('retours'),
});

export const returnLineErrorSchema = z.object({
  line: z.number().int(),
  field: z.string().nullable(),
  message: z.string(),
});

export const returnsImportAnswerSchema = z.object({
  importId: z.string(),
  filename: z.string(),
  format: z.enum(['csv', 'json']),
  lineCount: z.number().int(),
  paymentCount: z.number().int(),
  rejectionCount: z.number().int(),
  paidTotalCents: z.number().int(),
  disputeIds: z.array(z.string()),
});

export const disputeViewSchema = z.object({
  id: z.string(),
  invoiceId: z.string(),
  invoiceNumber: z.string().nullable(),
  patientId: z.string(),
  patientName: z.string(),
  payer: z.enum(['AMO', 'AMC']),
  rejectionCode: z.string(),
  rejectionReason: z.string().nullable(),
  /** Amount the insurer did not pay, integer cents. */
  amountCents: z.number().int(),
  status: z.enum(disputeStatuses),
  openedOn: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  /** Days since the return (today − openedOn, Paris). */
  ageDays: z.number().int(),
  ageingBucket: z.enum(ageingBuckets),
  assignee: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  resolutionReason: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  version: z.number().int(),
});
export type DisputeView = z.infer<typeof disputeViewSchema>;

export const disputeListQuerySchema = z.strictObject({
  /** Default: open disputes; `all` for every status. */
  status: z.enum([...disputeStatuses, 'all']).default('open'),
  assigneeId: z.uuid().optional(),
  patientId: z.uuid().optional(),
  invoiceId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const disputeListSchema = z.object({
  items: z.array(disputeViewSchema),
  /** Open disputes of the list by age: count and amount per bucket (0–30, 31–60, 61–90, > 90 days). */
  ageing: z.array(
    z.object({
      bucket: z.enum(ageingBuckets),
      label: z.string(),
      count: z.number().int(),
      amountCents: z.number().int(),
    })
  ),
});

export const disputeUpdateSchema = z
  .strictObject({
    assigneeId: z.uuid().nullable().optional(),
    dueDate: z.iso.date().optional(),
    version: z.number().int().min(1),
  })
  .refine((body) => body.assigneeId !== undefined || body.dueDate !== undefined, {
    message: 'assigneeId ou dueDate attendu',
    path: ['assigneeId'],
  });

export const disputeResolveSchema = z.strictObject({
  resolution: z.enum(disputeResolutions),
  reason: z.string().trim().min(3).max(500),
  version: z.number().int().min(1).optional(),
});

export const disputeIdParamsSchema = z.strictObject({ id: z.uuid() });
