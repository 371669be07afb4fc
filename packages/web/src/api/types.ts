/**
 * Types of the HTTP API contract v1 (platform + patients; the core workflow of issue 3 is in
 * workflow-types.ts), as the server answers them.
 * Keep in step with the server's schemas; the server is the authority on validation.
 */

export const roles = ['secretaire', 'preleveur', 'technicien', 'biologiste', 'qualiticien', 'admin'] as const;
export type Role = (typeof roles)[number];

export type Locale = 'fr' | 'en';

export type Permission =
  | 'patients.read'
  | 'patients.write'
  | 'patients.merge'
  | 'sites.read'
  | 'sites.manage'
  | 'users.manage'
  | 'tokens.manage'
  | 'audit.read'
  | 'catalogue.read'
  | 'catalogue.manage'
  | 'prescribers.read'
  | 'prescribers.write'
  | 'orders.read'
  | 'orders.write'
  | 'specimens.collect'
  | 'specimens.receive'
  | 'results.read'
  | 'results.enter'
  | 'results.validate_technical'
  | 'results.validate_biological'
  | 'reports.read'
  | 'reports.deliver'
  | 'billing.quote'
  | 'billing.invoice'
  | 'billing.cash'
  | 'billing.disputes'
  | 'billing.manage'
  | 'instruments.read'
  | 'instruments.manage';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  siteIds: string[];
  permissions: string[];
  locale: Locale;
  totpEnabled: boolean;
  mustChangePassword: boolean;
}

export interface LabInfo {
  name: string;
  finess: string | null;
  address: string | null;
}

export const territories = ['metropole', 'antilles', 'guyane', 'reunion', 'mayotte'] as const;
export type Territory = (typeof territories)[number];

export interface Site {
  id: string;
  code: string;
  name: string;
  address: string | null;
  finess: string | null;
  territory: Territory;
  /** Bas-Rhin, Haut-Rhin, Moselle: local public holidays for the urgent supplements. */
  alsaceMoselle: boolean;
  active: boolean;
}

export interface SiteInput {
  code: string;
  name: string;
  address?: string | null;
  finess?: string | null;
  territory: Territory;
  alsaceMoselle?: boolean;
  active?: boolean;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  siteIds: string[];
  active: boolean;
  totpEnabled: boolean;
  locale: Locale;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  siteIds: string[];
  locale?: Locale;
}

export interface UserUpdateInput {
  displayName?: string;
  roles?: Role[];
  siteIds?: string[];
  active?: boolean;
  password?: string;
}

export interface RoleInfo {
  role: Role;
  permissions: string[];
  totpRequired: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokenCreated {
  id: string;
  token: string;
}

export const identityStatuses = ['PROV', 'RECUP', 'VALI', 'QUAL'] as const;
export type IdentityStatus = (typeof identityStatuses)[number];

export const sexes = ['F', 'M', 'I'] as const;
export type Sex = (typeof sexes)[number];

export interface PatientIns {
  number: string;
  kind: 'NIR' | 'NIA';
  oid: string;
}

export interface Patient {
  id: string;
  patientNumber: string;
  birthName: string;
  usedName: string | null;
  birthFirstNames: string;
  firstFirstName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  birthplaceInsee: string | null;
  ins: PatientIns | null;
  identityStatus: IdentityStatus;
  identityDocument: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  mergedIntoId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** true only when identityStatus === 'QUAL' (RNIV EXI SI 08). */
  insShareable: boolean;
}

export interface PatientSummary {
  id: string;
  patientNumber: string;
  birthName: string;
  usedName: string | null;
  firstFirstName: string;
  birthDate: string;
  sex: Sex;
  identityStatus: IdentityStatus;
  insNumber: string | null;
}

/** Traits sent on creation and (partially) on edit. */
export interface PatientInput {
  birthName: string;
  usedName: string | null;
  birthFirstNames: string;
  firstFirstName: string;
  birthDate: string;
  sex: Sex;
  birthplaceInsee: string | null;
  ins: { number: string } | null;
  identityStatus: IdentityStatus;
  identityDocument: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface PatientCreateInput extends PatientInput {
  confirmDuplicate?: boolean;
}

export interface PatientUpdateInput extends Partial<PatientInput> {
  version: number;
  reason?: string;
}

export interface PatientDuplicateCandidate {
  patient: PatientSummary;
  reasons: string[];
}

export interface PatientMergeInput {
  sourceId: string;
  targetId: string;
  reason: string;
}

export interface AuditEvent {
  id: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  patientId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  address: string | null;
  hash: string;
}

export interface AuditEventQuery {
  patientId?: string;
  userId?: string;
  from?: string;
  to?: string;
  action?: string;
  limit?: number;
  beforeId?: number;
}

export interface AuditEventPage {
  items: AuditEvent[];
  nextBeforeId: number | null;
}

export interface ItemList<T> {
  items: T[];
}

export type LoginAnswer =
  | { step: 'done'; user: Me }
  | { step: 'totp'; ticket: string }
  | { step: 'totp_enrol'; ticket: string; secret: string; otpauthUrl: string };

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}
