/**
 * API contract of the results routes: worklists, entry, technical and biological validation,
 * critical-value calls, amendments, history and the bench/biologist dashboards. Rules (parsing,
 * flags, delta, calculations) live in core/lab; these schemas shape the HTTP edge and refuse
 * unknown fields.
 */
import { z } from 'zod';

export const resultStatuses = [
  'pending',
  'entered',
  'technically_validated',
  'biologically_validated',
  'released',
  'rejected_by_biologist',
  'cancelled',
] as const;
export type ResultStatus = (typeof resultStatuses)[number];

export const resultFlags = ['N', 'L', 'H', 'LL', 'HH', 'A', 'AA'] as const;
export const urgencies = ['routine', 'urgent', 'vital'] as const;

// ── Inputs ────────────────────────────────────────────────────────────────

export const idParamsSchema = z.strictObject({ id: z.uuid() });
export const orderIdParamsSchema = z.strictObject({ orderId: z.uuid() });
export const barcodeParamsSchema = z.strictObject({ barcode: z.string().trim().min(1).max(40) });

const entryValue = z.string().max(4000);
const comment = z.string().trim().max(2000).nullable().optional();
/** Coded comments from the lab's comment list (e.g. HEMOLYSE, CONTROLE_FAIT). */
const commentCodes = z
  .array(z.string().regex(/^[A-Z0-9_]{1,32}$/))
  .max(20)
  .optional();
/** Optional here so an empty motive answers SIL_REASON_REQUIRED, not a generic validation error. */
const reason = z.string().trim().max(1000).optional();

export const resultEntrySchema = z.strictObject({
  value: entryValue,
  comment,
  commentCodes,
  /** The result's `version` as the client saw it (0 when still pending): optimistic locking. */
  expectedVersion: z.number().int().min(0),
  /** Required only to change a technically validated value (the validation is withdrawn). */
  reason,
});
export type ResultEntryInput = z.infer<typeof resultEntrySchema>;

export const specimenEntrySchema = z.strictObject({
  results: z
    .array(resultEntrySchema.extend({ resultId: z.uuid() }))
    .min(1)
    .max(200),
});
export type SpecimenEntryInput = z.infer<typeof specimenEntrySchema>;

export const technicalValidationSchema = z.union([
  z.strictObject({ resultIds: z.array(z.uuid()).min(1).max(500) }),
  z.strictObject({ specimenBarcode: z.string().trim().min(1).max(40) }),
]);
export type TechnicalValidationInput = z.infer<typeof technicalValidationSchema>;

const criticalCall = {
  /** Who was called: the prescriber, the ward nurse, the patient… (with name and function). */
  calledPerson: z.string().trim().min(1).max(200),
  calledAt: z.iso.datetime({ offset: true }),
  comment: z.string().trim().max(1000).nullable().optional(),
};

export const criticalNotificationSchema = z.strictObject(criticalCall);
export type CriticalNotificationInput = z.infer<typeof criticalNotificationSchema>;

export const biologicalValidationSchema = z.strictObject({
  resultIds: z.array(z.uuid()).min(1).max(500),
});

export const rerunSchema = z.strictObject({ reason });

export const amendmentSchema = z.strictObject({
  value: entryValue,
  reason,
  comment,
  commentCodes,
  expectedVersion: z.number().int().min(1).optional(),
});
export type AmendmentInput = z.infer<typeof amendmentSchema>;

export const worklistQuerySchema = z.strictObject({
  /** Bench section as the catalogue names it (hematologie, biochimie…); all sections when absent. */
  section: z.string().trim().min(1).max(60).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const queueQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const historyQuerySchema = z.strictObject({
  patientId: z.uuid(),
  analyteCode: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_]{1,32}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// ── Outputs ───────────────────────────────────────────────────────────────

export const intervalViewSchema = z.object({
  low: z.number().nullable(),
  high: z.number().nullable(),
  text: z.string().nullable(),
  /** As printed: `3,90 – 5,80`, `≤ 5,0`. */
  display: z.string(),
  sex: z.enum(['F', 'M']).nullable(),
  ageMinDays: z.number().int(),
  ageMaxDays: z.number().int().nullable(),
  source: z.string(),
});
export type IntervalView = z.infer<typeof intervalViewSchema>;

export const deltaViewSchema = z.object({
  previousValue: z.number(),
  previousAt: z.string(),
  delta: z.number(),
  deltaPercent: z.number().nullable(),
  exceeded: z.boolean(),
  rule: z.object({ kind: z.enum(['absolute', 'percent']), threshold: z.number(), maxAgeDays: z.number() }),
});
export type DeltaView = z.infer<typeof deltaViewSchema>;

export const previousResultSchema = z.object({
  resultId: z.uuid(),
  orderId: z.uuid(),
  version: z.number().int(),
  /** French display (`12,5`, `<0,5`, coded label, text). */
  value: z.string(),
  valueNumeric: z.number().nullable(),
  unit: z.string().nullable(),
  flag: z.enum(resultFlags).nullable(),
  collectedAt: z.string().nullable(),
});
export type PreviousResultView = z.infer<typeof previousResultSchema>;

export const resultValueViewSchema = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  specimenId: z.uuid().nullable(),
  analyteCode: z.string(),
  analyteLabel: z.string(),
  resultType: z.enum(['numeric', 'coded', 'text']),
  unit: z.string().nullable(),
  decimals: z.number().int(),
  calculated: z.boolean(),
  status: z.enum(resultStatuses),
  /** Current version (0 while pending). */
  version: z.number().int(),
  value: z.string().nullable(),
  valueNumeric: z.number().nullable(),
  comparator: z.enum(['<', '<=', '>', '>=']).nullable(),
  valueCode: z.string().nullable(),
  flag: z.enum(resultFlags).nullable(),
  critical: z.boolean(),
  interval: intervalViewSchema.nullable(),
  delta: deltaViewSchema.nullable(),
  comment: z.string().nullable(),
  commentCodes: z.array(z.string()),
  enteredAt: z.string().nullable(),
});
export type ResultValueView = z.infer<typeof resultValueViewSchema>;

export const entryAnswerSchema = z.object({
  result: resultValueViewSchema.extend({ previous: previousResultSchema.nullable() }),
  recalculated: z.array(resultValueViewSchema),
});

export const specimenEntryAnswerSchema = z.object({
  results: z.array(resultValueViewSchema.extend({ previous: previousResultSchema.nullable() })),
  recalculated: z.array(resultValueViewSchema),
});

export const patientSummarySchema = z.object({
  id: z.uuid(),
  patientNumber: z.string(),
  birthName: z.string(),
  usedName: z.string().nullable(),
  firstFirstName: z.string(),
  birthDate: z.string(),
  sex: z.enum(['F', 'M', 'I']),
});
export type PatientSummaryView = z.infer<typeof patientSummarySchema>;

export const worklistItemSchema = z.object({
  resultId: z.uuid(),
  analyteCode: z.string(),
  analyteLabel: z.string(),
  analysisCode: z.string(),
  resultType: z.enum(['numeric', 'coded', 'text']),
  unit: z.string().nullable(),
  decimals: z.number().int(),
  codedValues: z.array(z.object({ code: z.string(), label: z.string() })).nullable(),
  calculated: z.boolean(),
  status: z.enum(resultStatuses),
  version: z.number().int(),
  value: z.string().nullable(),
  flag: z.enum(resultFlags).nullable(),
  critical: z.boolean(),
  comment: z.string().nullable(),
  commentCodes: z.array(z.string()),
  interval: intervalViewSchema.nullable(),
});

export const worklistSpecimenSchema = z.object({
  specimenId: z.uuid(),
  barcode: z.string(),
  containerCode: z.string(),
  orderId: z.uuid(),
  orderNumber: z.string(),
  urgency: z.enum(urgencies),
  collectedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  patient: patientSummarySchema.extend({ ageDaysAtCollection: z.number().int().nullable() }),
  results: z.array(worklistItemSchema),
});
export type WorklistSpecimen = z.infer<typeof worklistSpecimenSchema>;

export const worklistSchema = z.object({
  section: z.string().nullable(),
  specimens: z.array(worklistSpecimenSchema),
});

export const technicalValidationAnswerSchema = z.object({
  validated: z.array(
    z.object({ resultId: z.uuid(), version: z.number().int(), analyteCode: z.string(), critical: z.boolean() })
  ),
  /** Critical values now awaiting their call record before biological release. */
  criticalAwaitingCall: z.array(z.uuid()),
});

export const criticalNotificationViewSchema = z.object({
  id: z.uuid(),
  resultId: z.uuid(),
  resultVersion: z.number().int(),
  calledPerson: z.string(),
  calledAt: z.string(),
  calledBy: z.object({ id: z.uuid(), name: z.string() }),
  comment: z.string().nullable(),
  recordedAt: z.string(),
});
export type CriticalNotificationView = z.infer<typeof criticalNotificationViewSchema>;

export const queueItemSchema = z.object({
  orderId: z.uuid(),
  orderNumber: z.string(),
  urgency: z.enum(urgencies),
  patient: patientSummarySchema,
  readyCount: z.number().int(),
  totalCount: z.number().int(),
  validatedCount: z.number().int(),
  criticalCount: z.number().int(),
  criticalAwaitingCall: z.number().int(),
  waitingSince: z.string(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const reviewResultSchema = resultValueViewSchema.extend({
  analysisCode: z.string(),
  analysisLabel: z.string(),
  chapter: z.string(),
  collectedAt: z.string().nullable(),
  enteredBy: z.string().nullable(),
  technicalValidation: z.object({ by: z.string(), at: z.string() }).nullable(),
  biologicalValidation: z.object({ by: z.string(), at: z.string() }).nullable(),
  amendmentReason: z.string().nullable(),
  criticalNotifications: z.array(criticalNotificationViewSchema),
  previous: z.array(previousResultSchema),
});
export type ReviewResult = z.infer<typeof reviewResultSchema>;

export const reviewSchema = z.object({
  orderId: z.uuid(),
  orderNumber: z.string(),
  urgency: z.enum(urgencies),
  clinicalInfo: z.string().nullable(),
  patient: patientSummarySchema,
  results: z.array(reviewResultSchema),
});

export const biologicalValidationAnswerSchema = z.object({
  validated: z.array(z.object({ resultId: z.uuid(), version: z.number().int(), analyteCode: z.string() })),
  /** Results of the order not yet biologically validated: a report now would be partial. */
  remaining: z.number().int(),
  reportKind: z.enum(['partial', 'complete']),
});

export const statusAnswerSchema = z.object({
  resultId: z.uuid(),
  status: z.enum(resultStatuses),
  version: z.number().int(),
});

export const amendmentAnswerSchema = z.object({
  result: resultValueViewSchema,
  previousVersion: z.number().int(),
  recalculated: z.array(resultValueViewSchema),
});

export const commentCodeListSchema = z.object({
  items: z.array(z.object({ code: z.string(), label: z.string() })),
});

export const historySchema = z.object({ items: z.array(previousResultSchema.extend({ analyteCode: z.string() })) });

export const benchDashboardSchema = z.object({
  sections: z.array(
    z.object({
      section: z.string(),
      awaitingEntry: z.number().int(),
      awaitingTechnicalValidation: z.number().int(),
      urgent: z.number().int(),
      specimens: z.number().int(),
      oldestReceivedAt: z.string().nullable(),
    })
  ),
  urgentSpecimens: z.array(
    z.object({
      specimenId: z.uuid(),
      barcode: z.string(),
      orderNumber: z.string(),
      urgency: z.enum(urgencies),
      sections: z.array(z.string()),
      openResults: z.number().int(),
      receivedAt: z.string().nullable(),
    })
  ),
});

export const biologistDashboardSchema = z.object({
  queueOrders: z.number().int(),
  queueResults: z.number().int(),
  urgentOrders: z.number().int(),
  criticalAwaitingCall: z.array(
    z.object({
      resultId: z.uuid(),
      orderId: z.uuid(),
      orderNumber: z.string(),
      urgency: z.enum(urgencies),
      patient: patientSummarySchema,
      analyteCode: z.string(),
      analyteLabel: z.string(),
      value: z.string().nullable(),
      unit: z.string().nullable(),
      flag: z.enum(resultFlags).nullable(),
      status: z.enum(resultStatuses),
      enteredAt: z.string().nullable(),
    })
  ),
});
