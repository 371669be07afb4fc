/**
 * API contract of prescribers and correspondents (the doctors, nurses, clinics or labs who order
 * analyses and receive reports). The RPPS key is checked by the service (core/lab rpps.ts) so a
 * wrong key gets its own error code.
 */
import { z } from 'zod';

export const prescriberKinds = ['prescriber', 'correspondent'] as const;
/** How reports reach them: MSSanté, paper mail, fax, web portal, drop at the lab. */
export const deliveryChannels = ['mssante', 'courrier', 'fax', 'portail', 'depot'] as const;

const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const prescriberWritableFields = {
  kind: z.enum(prescriberKinds),
  rpps: z.string().trim().max(20).nullable(),
  lastName: z.string().trim().min(1).max(100),
  firstName: optionalText(100),
  specialty: optionalText(100),
  organisation: optionalText(200),
  address: optionalText(500),
  phone: optionalText(30),
  email: z.email().max(200).nullable(),
  deliveryChannels: z.array(z.enum(deliveryChannels)).max(deliveryChannels.length),
  active: z.boolean(),
};

export const prescriberCreateSchema = z.strictObject({
  ...prescriberWritableFields,
  kind: prescriberWritableFields.kind.default('prescriber'),
  rpps: prescriberWritableFields.rpps.default(null),
  firstName: prescriberWritableFields.firstName.default(null),
  specialty: prescriberWritableFields.specialty.default(null),
  organisation: prescriberWritableFields.organisation.default(null),
  address: prescriberWritableFields.address.default(null),
  phone: prescriberWritableFields.phone.default(null),
  email: prescriberWritableFields.email.default(null),
  deliveryChannels: prescriberWritableFields.deliveryChannels.default([]),
  active: prescriberWritableFields.active.default(true),
});
export type PrescriberCreateInput = z.infer<typeof prescriberCreateSchema>;

export const prescriberUpdateSchema = z.strictObject({
  kind: prescriberWritableFields.kind.optional(),
  rpps: prescriberWritableFields.rpps.optional(),
  lastName: prescriberWritableFields.lastName.optional(),
  firstName: prescriberWritableFields.firstName.optional(),
  specialty: prescriberWritableFields.specialty.optional(),
  organisation: prescriberWritableFields.organisation.optional(),
  address: prescriberWritableFields.address.optional(),
  phone: prescriberWritableFields.phone.optional(),
  email: prescriberWritableFields.email.optional(),
  deliveryChannels: prescriberWritableFields.deliveryChannels.optional(),
  active: prescriberWritableFields.active.optional(),
  version: z.number().int().positive(),
});
export type PrescriberUpdateInput = z.infer<typeof prescriberUpdateSchema>;

export const prescriberSchema = z.object({
  id: z.string(),
  kind: z.enum(prescriberKinds),
  rpps: z.string().nullable(),
  lastName: z.string(),
  firstName: z.string().nullable(),
  specialty: z.string().nullable(),
  organisation: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  deliveryChannels: z.array(z.enum(deliveryChannels)),
  active: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
});
export type PrescriberView = z.infer<typeof prescriberSchema>;

/** What the service stores (normalised). */
export type PrescriberRecord = Omit<PrescriberView, 'id' | 'createdAt' | 'version'>;

export const prescriberSearchQuerySchema = z.strictObject({
  q: z.string().max(100).default(''),
  kind: z.enum(prescriberKinds).optional(),
  /** Inactive ones are hidden from the desk unless asked for. */
  includeInactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PrescriberSearchQuery = z.infer<typeof prescriberSearchQuerySchema>;

export const prescriberIdParamsSchema = z.strictObject({ id: z.uuid() });
