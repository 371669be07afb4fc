import { roles } from '@sillage/core';
import { z } from 'zod';

export const loginBodySchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});

export const totpBodySchema = z.strictObject({
  ticket: z.string().min(10).max(200),
  code: z.string().regex(/^\d{6}$/),
});

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

export const enableTotpBodySchema = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

export const preferencesBodySchema = z.strictObject({ locale: z.enum(['fr', 'en']) });

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  siteIds: z.array(z.string()),
  permissions: z.array(z.string()),
  locale: z.enum(['fr', 'en']),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const loginAnswerSchema = z.union([
  z.object({ step: z.literal('done'), user: meSchema }),
  z.object({ step: z.literal('totp'), ticket: z.string() }),
  z.object({ step: z.literal('totp_enrol'), ticket: z.string(), secret: z.string(), otpauthUrl: z.string() }),
]);
export type LoginAnswer = z.infer<typeof loginAnswerSchema>;
