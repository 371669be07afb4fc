/**
 * API contract of the order routes (desk): creation, the day's list, the order view, adding and
 * cancelling analyses. Bodies are strict objects: an unknown field is refused.
 */
import { orderStatuses, specimenStatuses } from '@sillage/core';
import { z } from 'zod';

export const urgencies = ['routine', 'urgent', 'vital'] as const;
export const fastingAnswers = ['yes', 'no', 'unknown'] as const;
/** Transport and storage temperatures as the desk and the reception say them. */
export const temperatures = ['ambiante', 'refrigeree', 'congelee'] as const;

const analysisTerm = z.string().trim().min(1).max(40);
const instant = z.iso.datetime({ offset: true });

export const plannedTransportSchema = z.strictObject({
  hours: z.number().min(0).max(240),
  temperature: z.enum(['ambiante', 'refrigeree']),
});

export const orderCreateSchema = z.strictObject({
  patientId: z.uuid(),
  prescriberId: z.uuid().nullable().default(null),
  prescriptionDate: z.iso.date().nullable().default(null),
  /** Codes or mnemonics (`NFS`, `gly`…), in the order the desk typed them. */
  analyses: z.array(analysisTerm).min(1).max(100),
  urgency: z.enum(urgencies).default('routine'),
  clinicalInfo: z.string().trim().max(2000).nullable().default(null),
  patientFasting: z.enum(fastingAnswers).default('unknown'),
  plannedSamplingAt: instant.nullable().default(null),
  /** Sampled away from the lab: how long and how cold the tubes travel (stability check). */
  plannedTransport: plannedTransportSchema.nullable().default(null),
  /** The desk has read the blocking warnings and registers the order anyway. */
  acknowledgeWarnings: z.boolean().default(false),
});
export type OrderCreateInput = z.infer<typeof orderCreateSchema>;

export const orderAnalysesChangeSchema = z
  .strictObject({
    add: z.array(analysisTerm).max(50).default([]),
    cancel: z.array(analysisTerm).max(50).default([]),
    /** Mandatory to cancel (the cancellation is logged with it). */
    reason: z.string().trim().max(500).nullable().default(null),
    plannedTransport: plannedTransportSchema.nullable().default(null),
    acknowledgeWarnings: z.boolean().default(false),
  })
  .refine((body) => body.add.length + body.cancel.length > 0, {
    message: 'au moins une analyse à ajouter ou à annuler',
    path: ['add'],
  });
export type OrderAnalysesChangeInput = z.infer<typeof orderAnalysesChangeSchema>;

export const orderListQuerySchema = z.strictObject({
  /** Lab day (Europe/Paris); default today unless a patient is given. */
  date: z.iso.date().optional(),
  status: z.enum(orderStatuses).optional(),
  patientId: z.uuid().optional(),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

export const orderIdParamsSchema = z.strictObject({ id: z.uuid() });

export const feasibilityWarningSchema = z.object({
  code: z.string(),
  severity: z.enum(['warning', 'blocking']),
  analysisCode: z.string(),
  message: z.string(),
});

export const orderPatientSchema = z.object({
  id: z.string(),
  patientNumber: z.string(),
  birthName: z.string(),
  usedName: z.string().nullable(),
  firstFirstName: z.string(),
  birthDate: z.string(),
  sex: z.enum(['F', 'M', 'I']),
  identityStatus: z.enum(['PROV', 'RECUP', 'VALI', 'QUAL']),
});
export type OrderPatient = z.infer<typeof orderPatientSchema>;

export const orderPrescriberSchema = z.object({
  id: z.string(),
  rpps: z.string().nullable(),
  lastName: z.string(),
  firstName: z.string().nullable(),
  specialty: z.string().nullable(),
});

const resultCountsSchema = z.object({
  total: z.number(),
  pending: z.number(),
  entered: z.number(),
  technicallyValidated: z.number(),
  biologicallyValidated: z.number(),
  released: z.number(),
  rejectedByBiologist: z.number(),
  cancelled: z.number(),
});
export type ResultCounts = z.infer<typeof resultCountsSchema>;

export const orderAnalysisViewSchema = z.object({
  orderAnalysisId: z.string(),
  analysisId: z.string(),
  code: z.string(),
  version: z.number(),
  mnemonic: z.string(),
  label: z.string(),
  section: z.string(),
  cancelled: z.boolean(),
  barcodes: z.array(z.string()),
  results: resultCountsSchema,
});

export const orderSpecimenViewSchema = z.object({
  id: z.string(),
  barcode: z.string(),
  tubeIndex: z.number(),
  containerCode: z.string(),
  containerLabel: z.string(),
  colour: z.string(),
  colourHex: z.string(),
  specimenType: z.string(),
  drawOrder: z.number(),
  volumeMl: z.number(),
  status: z.enum(specimenStatuses),
  collectedAt: z.string().nullable(),
  collectedBy: z.string().nullable(),
  receivedAt: z.string().nullable(),
  receivedBy: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  analyses: z.array(z.string()),
  /** Replacement tubes: the rejected tube this one redraws, and the tube that redrew this one. */
  replacesBarcode: z.string().nullable(),
  replacedByBarcode: z.string().nullable(),
});
export type OrderSpecimenView = z.infer<typeof orderSpecimenViewSchema>;

export const prescriptionDocumentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type PrescriptionDocumentView = z.infer<typeof prescriptionDocumentSchema>;

export const orderViewSchema = z.object({
  id: z.string(),
  orderNumber: z.string(),
  status: z.enum(orderStatuses),
  urgency: z.enum(urgencies),
  prescriptionDate: z.string().nullable(),
  clinicalInfo: z.string().nullable(),
  patientFasting: z.enum(fastingAnswers),
  plannedSamplingAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  version: z.number(),
  patient: orderPatientSchema,
  prescriber: orderPrescriberSchema.nullable(),
  analyses: z.array(orderAnalysisViewSchema),
  specimens: z.array(orderSpecimenViewSchema),
  results: resultCountsSchema,
  prescriptions: z.array(prescriptionDocumentSchema),
  openNonConformities: z.number(),
});
export type OrderView = z.infer<typeof orderViewSchema>;

export const orderWithWarningsSchema = orderViewSchema.extend({ warnings: z.array(feasibilityWarningSchema) });

export const orderSummarySchema = z.object({
  id: z.string(),
  orderNumber: z.string(),
  status: z.enum(orderStatuses),
  urgency: z.enum(urgencies),
  createdAt: z.string(),
  patient: orderPatientSchema,
  prescriberName: z.string().nullable(),
  analyses: z.array(z.string()),
  specimens: z.object({ total: z.number(), collected: z.number(), received: z.number(), rejected: z.number() }),
  openNonConformities: z.number(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;
