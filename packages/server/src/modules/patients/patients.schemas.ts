/**
 * API contract of the patient routes. Identity rules (RNIV, INS) live in core/identity; these
 * schemas only shape the HTTP edge and refuse unknown fields.
 */
import { IDENTITY_DOCUMENT_TYPES } from '@sillage/core';
import { z } from 'zod';

export const identityStatuses = ['PROV', 'RECUP', 'VALI', 'QUAL'] as const;
export const sexes = ['F', 'M', 'I'] as const;
/** Identity documents of the RNIV (core/identity/identity-document.ts says which are high-trust). */
export const identityDocuments = IDENTITY_DOCUMENT_TYPES;

const name = z.string().trim().min(1).max(100);
/** Free contact text; an empty string is stored as null by the service. */
const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const patientWritableFields = {
  birthName: name,
  usedName: name.nullable(),
  birthFirstNames: z.string().trim().min(1).max(200),
  firstFirstName: name,
  birthDate: z.iso.date(),
  sex: z.enum(sexes),
  birthplaceInsee: z.string().trim().max(5).nullable(),
  ins: z.strictObject({ number: z.string().trim().min(1).max(30) }).nullable(),
  identityStatus: z.enum(identityStatuses),
  identityDocument: z.enum(identityDocuments).nullable(),
  phone: optionalText(30),
  email: z.string().trim().max(200).nullable(),
  address: optionalText(500),
};

export const patientCreateSchema = z.strictObject({
  ...patientWritableFields,
  usedName: patientWritableFields.usedName.default(null),
  birthplaceInsee: patientWritableFields.birthplaceInsee.default(null),
  ins: patientWritableFields.ins.default(null),
  identityStatus: patientWritableFields.identityStatus.default('PROV'),
  identityDocument: patientWritableFields.identityDocument.default(null),
  phone: patientWritableFields.phone.default(null),
  email: patientWritableFields.email.default(null),
  address: patientWritableFields.address.default(null),
  confirmDuplicate: z.boolean().default(false),
});
export type PatientCreateInput = z.infer<typeof patientCreateSchema>;

export const patientUpdateSchema = z.strictObject({
  birthName: patientWritableFields.birthName.optional(),
  usedName: patientWritableFields.usedName.optional(),
  birthFirstNames: patientWritableFields.birthFirstNames.optional(),
  firstFirstName: patientWritableFields.firstFirstName.optional(),
  birthDate: patientWritableFields.birthDate.optional(),
  sex: patientWritableFields.sex.optional(),
  birthplaceInsee: patientWritableFields.birthplaceInsee.optional(),
  ins: patientWritableFields.ins.optional(),
  identityStatus: patientWritableFields.identityStatus.optional(),
  identityDocument: patientWritableFields.identityDocument.optional(),
  phone: patientWritableFields.phone.optional(),
  email: patientWritableFields.email.optional(),
  address: patientWritableFields.address.optional(),
  version: z.number().int().positive(),
  reason: z.string().trim().max(500).optional(),
});
export type PatientUpdateInput = z.infer<typeof patientUpdateSchema>;

export const duplicateCheckSchema = z.strictObject({
  birthName: name,
  usedName: name.nullable().optional(),
  firstFirstName: name.optional(),
  birthFirstNames: z.string().trim().max(200).optional(),
  birthDate: z.iso.date(),
  sex: z.enum(sexes).optional(),
  ins: z
    .strictObject({ number: z.string().trim().max(30) })
    .nullable()
    .optional(),
});

export const mergeSchema = z.strictObject({
  sourceId: z.uuid(),
  targetId: z.uuid(),
  reason: z.string().trim().min(3).max(500),
});

export const searchQuerySchema = z.strictObject({
  q: z.string().max(10_000).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const patientSchema = z.object({
  id: z.string(),
  patientNumber: z.string(),
  birthName: z.string(),
  usedName: z.string().nullable(),
  birthFirstNames: z.string(),
  firstFirstName: z.string(),
  birthDate: z.string(),
  sex: z.enum(sexes),
  birthplaceInsee: z.string().nullable(),
  ins: z.object({ number: z.string(), kind: z.enum(['NIR', 'NIA']), oid: z.string() }).nullable(),
  identityStatus: z.enum(identityStatuses),
  identityDocument: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  insShareable: z.boolean(),
});
export type PatientView = z.infer<typeof patientSchema>;

export const patientSummarySchema = z.object({
  id: z.string(),
  patientNumber: z.string(),
  birthName: z.string(),
  usedName: z.string().nullable(),
  firstFirstName: z.string(),
  birthDate: z.string(),
  sex: z.enum(sexes),
  identityStatus: z.enum(identityStatuses),
  insNumber: z.string().nullable(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

export const idParamsSchema = z.strictObject({ id: z.uuid() });
