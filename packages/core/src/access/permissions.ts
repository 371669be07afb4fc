import type { Role } from './roles.js';

/**
 * Every permission a route can require. Routes declare one of these, or `public` /
 * `authenticated`; a test fails for any /api route that declares none.
 */
export const permissions = [
  'patients.read',
  'patients.write',
  'patients.merge',
  'audit.read',
  'users.manage',
  'sites.read',
  'sites.manage',
  'tokens.manage',
  'catalogue.read',
  'catalogue.manage',
  'prescribers.read',
  'prescribers.write',
  'orders.read',
  'orders.write',
  'specimens.collect',
  'specimens.receive',
  'results.read',
  'results.enter',
  'results.validate_technical',
  'results.validate_biological',
  'reports.read',
  'reports.deliver',
  'fhir.read',
  'billing.quote',
  'billing.manage',
  'billing.invoice',
  'billing.cash',
  'billing.disputes',
  'instruments.read',
  'instruments.manage',
] as const;
export type Permission = (typeof permissions)[number];

/** Route access levels beyond a permission: open to all, or to any logged-in actor. */
export type RouteAccess = Permission | 'public' | 'authenticated';

export function isPermission(value: string): value is Permission {
  return (permissions as readonly string[]).includes(value);
}

/**
 * The permission matrix, as data (issue 2 § access). Merging identities is an identitovigilance
 * act: restricted to biologists and admins (RNIV: merges are done by the identitovigilance
 * referents, not at the desk).
 */
export const permissionMatrix: Record<Role, readonly Permission[]> = {
  secretaire: [
    'patients.read',
    'patients.write',
    'sites.read',
    'catalogue.read',
    'prescribers.read',
    'prescribers.write',
    'orders.read',
    'orders.write',
    'specimens.collect',
    // The desk receives samples brought by nurses and clinics and checks their conformity.
    'specimens.receive',
    'results.read',
    'reports.read',
    'reports.deliver',
    'billing.quote',
    // The desk bills, collects and chases refused reimbursements (DESIGN.md: the secretary's work).
    'billing.invoice',
    'billing.cash',
    'billing.disputes',
  ],
  preleveur: ['patients.read', 'sites.read', 'catalogue.read', 'orders.read', 'specimens.collect'],
  technicien: [
    'patients.read',
    'sites.read',
    'catalogue.read',
    'prescribers.read',
    'orders.read',
    'specimens.collect',
    'specimens.receive',
    'results.read',
    'results.enter',
    'results.validate_technical',
    'reports.read',
    'instruments.read',
  ],
  // Biological validation is the biologist's alone (CSP L6211-7, ISO 15189 §7.4.1.7).
  biologiste: [
    'patients.read',
    'patients.write',
    'patients.merge',
    'audit.read',
    'sites.read',
    'catalogue.read',
    'catalogue.manage',
    'prescribers.read',
    'prescribers.write',
    'orders.read',
    'orders.write',
    'specimens.collect',
    'specimens.receive',
    'results.read',
    'results.enter',
    'results.validate_technical',
    'results.validate_biological',
    'reports.read',
    'reports.deliver',
    'fhir.read',
    // Instrument profiles, code mappings, orphan assignment and replays change what lands on patients.
    'instruments.read',
    'instruments.manage',
  ],
  qualiticien: ['patients.read', 'audit.read', 'sites.read', 'catalogue.read', 'orders.read', 'results.read', 'reports.read'],
  // Admin configures the system; biological validation stays a biologist's act, so admin does not
  // hold it by default (a lab director who is a biologist gets both roles).
  admin: permissions.filter((p) => p !== 'results.validate_biological'),
};

export function permissionsOf(userRoles: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of userRoles) {
    for (const permission of permissionMatrix[role]) {
      granted.add(permission);
    }
  }
  return permissions.filter((p) => granted.has(p));
}

export function rolesGranting(permission: Permission): Role[] {
  return (Object.keys(permissionMatrix) as Role[]).filter((role) => permissionMatrix[role].includes(permission));
}
