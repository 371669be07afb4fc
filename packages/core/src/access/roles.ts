/**
 * Lab roles. A user holds one or more; what each may do is the permission matrix (data), not code.
 * Role names are French because they are the lab's job titles (DESIGN.md § Who uses it).
 */
export const roles = ['secretaire', 'preleveur', 'technicien', 'biologiste', 'qualiticien', 'admin'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** The home screen each role lands on (issue 2 § web app shell). */
export const roleHome: Record<Role, 'accueil' | 'paillasse' | 'validation' | 'qualite' | 'administration'> = {
  secretaire: 'accueil',
  preleveur: 'accueil',
  technicien: 'paillasse',
  biologiste: 'validation',
  qualiticien: 'qualite',
  admin: 'administration',
};
