/**
 * API contract of sampling and reception (scan a barcode, record the collection, answer the
 * conformity checklist, accept or reject with a coded reason).
 */
import { specimenStatuses } from '@sillage/core';
import { z } from 'zod';
import { orderPatientSchema, temperatures } from './orders.schemas.js';

/** A scanned or typed barcode: scanners append CR/LF/TAB, keyboards spaces (trimmed). */
const barcode = z.string().trim().min(1).max(32);
const instant = z.iso.datetime({ offset: true });

export const barcodeParamsSchema = z.strictObject({ barcode });

export const collectSchema = z.strictObject({
  barcodes: z.array(barcode).min(1).max(50),
  /** Default: now. */
  collectedAt: instant.optional(),
});
export type CollectInput = z.infer<typeof collectSchema>;

/**
 * Coded reasons for refusing a tube at reception (pre-analytical non-conformities, ISO 15189:2022
 * §7.2.6 and §7.5; france-domain.md §5 reception checklist), with the wording the desk reads.
 */
export const rejectionReasons = {
  IDENTITE_DISCORDANTE: 'Identité discordante entre le tube et la demande',
  TUBE_INADAPTE: 'Tube ou contenant inadapté',
  VOLUME_INSUFFISANT: 'Volume insuffisant ou remplissage incorrect',
  DELAI_DEPASSE: 'Délai d’acheminement dépassé',
  HEMOLYSE: 'Échantillon hémolysé',
  COAGULE: 'Échantillon coagulé',
  TEMPERATURE: 'Température de transport non conforme',
  NON_ETIQUETE: 'Tube non étiqueté',
  AUTRE: 'Autre motif',
} as const;
export type RejectionReason = keyof typeof rejectionReasons;
const rejectionReasonCodes = Object.keys(rejectionReasons) as [RejectionReason, ...RejectionReason[]];

/** Semi-quantitative serum index as read by eye or sent by the analyzer (0 = none … 4 = massive). */
const serumIndex = z.number().int().min(0).max(4);

const checklistFields = {
  identityMatches: z.boolean(),
  containerOk: z.boolean(),
  fillingOk: z.boolean(),
  temperature: z.enum(temperatures),
  haemolysis: serumIndex,
  lipaemia: serumIndex,
  icterus: serumIndex,
};

/** For a tube first seen at reception (drawn by a nurse or a clinic): the transmission form's data. */
const externalCollection = {
  collectedAt: instant.optional(),
  collectorName: z.string().trim().min(1).max(200).optional(),
};

const acceptSchema = z.strictObject({
  accept: z.literal(true),
  ...checklistFields,
  ...externalCollection,
  comment: z.string().trim().max(1000).optional(),
});

const rejectSchema = z
  .strictObject({
    accept: z.literal(false),
    reasonCode: z.enum(rejectionReasonCodes),
    comment: z.string().trim().max(1000).optional(),
    identityMatches: checklistFields.identityMatches.optional(),
    containerOk: checklistFields.containerOk.optional(),
    fillingOk: checklistFields.fillingOk.optional(),
    temperature: checklistFields.temperature.optional(),
    haemolysis: serumIndex.optional(),
    lipaemia: serumIndex.optional(),
    icterus: serumIndex.optional(),
    ...externalCollection,
  })
  .refine((body) => body.reasonCode !== 'AUTRE' || (body.comment ?? '') !== '', {
    message: 'commentaire obligatoire pour le motif AUTRE',
    path: ['comment'],
  });

export const receptionSchema = z.discriminatedUnion('accept', [acceptSchema, rejectSchema]);
export type ReceptionInput = z.infer<typeof receptionSchema>;
export type AcceptInput = z.infer<typeof acceptSchema>;
export type RejectInput = z.infer<typeof rejectSchema>;

export const collectedTubeSchema = z.object({
  barcode: z.string(),
  orderNumber: z.string(),
  status: z.enum(specimenStatuses),
  collectedAt: z.string(),
  collectedBy: z.string().nullable(),
});

const stabilityVerdict = z.enum(['ok', 'exceeded', 'not_documented']);

export const specimenContextSchema = z.object({
  specimen: z.object({
    id: z.string(),
    barcode: z.string(),
    status: z.enum(specimenStatuses),
    containerCode: z.string(),
    containerLabel: z.string(),
    colour: z.string(),
    colourHex: z.string(),
    specimenType: z.string(),
    volumeMl: z.number(),
    collectedAt: z.string().nullable(),
    collectedBy: z.string().nullable(),
    receivedAt: z.string().nullable(),
    receivedBy: z.string().nullable(),
    conformity: z.record(z.string(), z.unknown()).nullable(),
    rejectionReason: z.string().nullable(),
    rejectionComment: z.string().nullable(),
  }),
  order: z.object({ id: z.string(), orderNumber: z.string(), urgency: z.string(), createdAt: z.string() }),
  /** The identity printed on the tube's label: compare it with the tube in hand (CSP R6211-22). */
  patient: orderPatientSchema,
  analyses: z.array(
    z.object({
      code: z.string(),
      mnemonic: z.string(),
      label: z.string(),
      stabilityHoursRoom: z.number().nullable(),
      stabilityHoursCold: z.number().nullable(),
      stabilityRoom: stabilityVerdict,
      stabilityCold: stabilityVerdict,
    })
  ),
  delay: z.object({
    hoursSinceCollection: z.number().nullable(),
    /** At least one analysis is beyond its stability at room temperature: the technician decides. */
    exceededAtRoomTemperature: z.boolean(),
    exceededRefrigerated: z.boolean(),
  }),
  /** What the reception may still do with the tube. */
  canReceive: z.boolean(),
  rejectionReasons: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type SpecimenContext = z.infer<typeof specimenContextSchema>;

export const receptionResultSchema = z.object({
  barcode: z.string(),
  status: z.enum(specimenStatuses),
  orderId: z.string(),
  orderNumber: z.string(),
  conformity: z.record(z.string(), z.unknown()),
  /** Rejection only: the non-conformity opened for the desk, and what happened to the results. */
  nonConformityId: z.string().nullable(),
  cancelledResults: z.number(),
  movedResults: z.number(),
});
export type ReceptionResult = z.infer<typeof receptionResultSchema>;

export const nonConformityStatuses = ['open', 'in_progress', 'closed'] as const;

export const nonConformityListQuerySchema = z.strictObject({
  status: z.enum(nonConformityStatuses).optional(),
  orderId: z.uuid().optional(),
});

export const nonConformityUpdateSchema = z.strictObject({
  status: z.enum(['in_progress', 'closed']),
  /** What was done: "patient rappelé le 12/03, nouveau prélèvement prévu", "tube reçu". */
  resolution: z.string().trim().min(1).max(1000),
});
export type NonConformityUpdateInput = z.infer<typeof nonConformityUpdateSchema>;

export const nonConformityIdParamsSchema = z.strictObject({ id: z.uuid() });

export const nonConformitySchema = z.object({
  id: z.string(),
  kind: z.string(),
  reasonCode: z.string(),
  reasonLabel: z.string(),
  description: z.string().nullable(),
  recallPatient: z.boolean(),
  status: z.enum(nonConformityStatuses),
  resolution: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  order: z.object({ id: z.string(), orderNumber: z.string() }).nullable(),
  specimen: z
    .object({
      barcode: z.string(),
      containerLabel: z.string(),
      status: z.enum(specimenStatuses),
      /** The replacement tube already created for it, if any. */
      replacedByBarcode: z.string().nullable(),
    })
    .nullable(),
  /** Who to call back, with the phone on file. */
  patient: orderPatientSchema.extend({ phone: z.string().nullable() }).nullable(),
});
export type NonConformityView = z.infer<typeof nonConformitySchema>;

/** A replacement tube created for a rejected one (the desk recalls the patient, a new tube is drawn). */
export const replacementResultSchema = z.object({
  id: z.string(),
  barcode: z.string(),
  replacesBarcode: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  status: z.enum(specimenStatuses),
  containerCode: z.string(),
  containerLabel: z.string(),
  colour: z.string(),
  /** The analyses moved to the new tube, and the pending results created on it. */
  analyses: z.array(z.string()),
  results: z.number(),
  /** The rejected tube's open non-conformities, now in progress (a new tube is on its way). */
  nonConformityIds: z.array(z.string()),
});
export type ReplacementResult = z.infer<typeof replacementResultSchema>;

/** A tube accepted at reception found non-conforming later (clot at the bench, haemolysis after spinning). */
export const lateRejectionSchema = z
  .strictObject({
    reasonCode: z.enum(rejectionReasonCodes),
    comment: z.string().trim().max(1000).optional(),
  })
  .refine((body) => body.reasonCode !== 'AUTRE' || (body.comment ?? '') !== '', {
    message: 'commentaire obligatoire pour le motif AUTRE',
    path: ['comment'],
  });
export type LateRejectionInput = z.infer<typeof lateRejectionSchema>;
