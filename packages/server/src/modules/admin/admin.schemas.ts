import { permissions, roles } from '@sillage/core';
import { z } from 'zod';

export const territories = ['metropole', 'antilles', 'guyane', 'reunion', 'mayotte'] as const;

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  siteIds: z.array(z.string()),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  locale: z.enum(['fr', 'en']),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserView = z.infer<typeof userSchema>;

const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,64}$/, 'identifiant : 2 à 64 caractères parmi a-z 0-9 . _ -');

export const userCreateSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(120),
  password: z.string().min(1).max(1024),
  roles: z.array(z.enum(roles)).min(1),
  siteIds: z.array(z.uuid()).default([]),
  locale: z.enum(['fr', 'en']).default('fr'),
});

export const userUpdateSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  roles: z.array(z.enum(roles)).min(1).optional(),
  siteIds: z.array(z.uuid()).optional(),
  active: z.boolean().optional(),
  password: z.string().min(1).max(1024).optional(),
});

export const roleInfoSchema = z.object({
  role: z.enum(roles),
  permissions: z.array(z.string()),
  totpRequired: z.boolean(),
});

export const siteSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  finess: z.string().nullable(),
  territory: z.enum(territories),
  /** Bas-Rhin, Haut-Rhin or Moselle: local public holidays apply to the urgent-act supplements. */
  alsaceMoselle: z.boolean(),
  active: z.boolean(),
});
export type SiteView = z.infer<typeof siteSchema>;

export const siteCreateSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_-]{1,16}$/),
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(500).nullable().optional(),
  // FINESS: 9 characters (2A/2B possible in the department part for Corsica).
  finess: z
    .string()
    .trim()
    .regex(/^[0-9][0-9AB][0-9]{7}$/)
    .nullable()
    .optional(),
  territory: z.enum(territories),
  alsaceMoselle: z.boolean().default(false),
});

export const siteUpdateSchema = siteCreateSchema.partial().extend({ active: z.boolean().optional() }).strict();

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const tokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(permissions)).min(1),
});

export const idParamsSchema = z.strictObject({ id: z.uuid() });
export const roleParamsSchema = z.strictObject({ role: z.enum(roles) });
