import type { Role } from '../api/types.js';
import { paths } from '../app/paths.js';

export type HomeId = 'reception' | 'bench' | 'validation' | 'quality' | 'administration';

export interface HomeDefinition {
  id: HomeId;
  path: string;
  labelKey: `home.${HomeId}.title`;
}

export const homes: Record<HomeId, HomeDefinition> = {
  reception: { id: 'reception', path: paths.homeReception, labelKey: 'home.reception.title' },
  bench: { id: 'bench', path: paths.homeBench, labelKey: 'home.bench.title' },
  validation: { id: 'validation', path: paths.homeValidation, labelKey: 'home.validation.title' },
  quality: { id: 'quality', path: paths.homeQuality, labelKey: 'home.quality.title' },
  administration: { id: 'administration', path: paths.homeAdministration, labelKey: 'home.administration.title' },
};

/** DESIGN.md § Who uses it: the desk (accueil) is the secretary's and the sampler's place. */
export const homeIdByRole: Record<Role, HomeId> = {
  secretaire: 'reception',
  preleveur: 'reception',
  technicien: 'bench',
  biologiste: 'validation',
  qualiticien: 'quality',
  admin: 'administration',
};

const homeOrder: readonly HomeId[] = ['reception', 'bench', 'validation', 'quality', 'administration'];

/** The homes of a user's roles, in workflow order (pre-analytical → post-analytical → admin). */
export function homesForRoles(roles: readonly Role[]): HomeDefinition[] {
  const ids = new Set(roles.map((role) => homeIdByRole[role]));
  return homeOrder.filter((id) => ids.has(id)).map((id) => homes[id]);
}
