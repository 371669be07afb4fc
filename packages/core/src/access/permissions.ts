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
  secretaire: ['patients.read', 'patients.write', 'sites.read'],
  preleveur: ['patients.read', 'sites.read'],
  technicien: ['patients.read', 'sites.read'],
  biologiste: ['patients.read', 'patients.write', 'patients.merge', 'audit.read', 'sites.read'],
  qualiticien: ['patients.read', 'audit.read', 'sites.read'],
  admin: [...permissions],
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
